#!/usr/bin/env bash
# Shared helpers for the bench/run-*.sh scripts: build in Release, start Herald on 127.0.0.1 with its own data
# directory, wait for /healthz, read its resident memory, stop it, and wait for a quiet machine before measuring.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# HERALD_WEB_DLL: measure another build of Herald (e.g. an older commit built elsewhere) with the same scripts.
WEB_DLL="${HERALD_WEB_DLL:-$REPO/src/Herald.Web/bin/Release/net10.0/Herald.Web.dll}"
LOAD_DLL="$REPO/bench/Herald.Load/bin/Release/net10.0/Herald.Load.dll"
DATAGEN_DLL="$REPO/bench/Herald.DataGen/bin/Release/net10.0/Herald.DataGen.dll"
BENCH_PASSWORD="${BENCH_PASSWORD:-Bench#2026pass}"
BENCH_PORT="${BENCH_PORT:-5190}"
BENCH_URL="http://127.0.0.1:$BENCH_PORT"
BENCH_OUT="${BENCH_OUT:-$REPO/bench/results}"
# Final figures only on a quiet machine: 1-minute load average below BENCH_MAX_LOAD, waiting up to BENCH_WAIT_MINUTES.
BENCH_MAX_LOAD="${BENCH_MAX_LOAD:-0.7}"
BENCH_WAIT_MINUTES="${BENCH_WAIT_MINUTES:-90}"
export HERALD_BENCH_PASSWORD="$BENCH_PASSWORD"
mkdir -p "$BENCH_OUT"

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

machine_line() { echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB; load average $(loadavg)"; }

build_release() {
  log "building Release"
  dotnet build "$REPO/src/Herald.Web/Herald.Web.csproj" -c Release -v q -nologo >/dev/null
  dotnet build "$REPO/bench/Herald.Load/Herald.Load.csproj" -c Release -v q -nologo >/dev/null
  dotnet build "$REPO/bench/Herald.DataGen/Herald.DataGen.csproj" -c Release -v q -nologo >/dev/null
}

wait_quiet() {
  local deadline=$(( $(date +%s) + BENCH_WAIT_MINUTES * 60 ))
  while :; do
    local one; one=$(cut -d' ' -f1 /proc/loadavg)
    if awk -v l="$one" -v m="$BENCH_MAX_LOAD" 'BEGIN{exit !(l < m)}'; then log "machine quiet: load average $(loadavg)"; return 0; fi
    if (( $(date +%s) >= deadline )); then log "WARNING: still busy after ${BENCH_WAIT_MINUTES} min (load average $(loadavg)); measuring anyway"; return 0; fi
    log "load average $(loadavg) >= $BENCH_MAX_LOAD; waiting"
    sleep 60
  done
}

# start_app DATA_DIR [extra env...]: starts Herald in the background, sets APP_PID.
start_app() {
  local data="$1"; shift
  mkdir -p "$data"
  env Herald__DataDir="$data" Urls="$BENCH_URL" Herald__Demo__Password="$BENCH_PASSWORD" Herald__RateLimits__Enabled=false ASPNETCORE_ENVIRONMENT=Production "$@" \
    dotnet "$WEB_DLL" >"$data/app.log" 2>&1 &
  APP_PID=$!
}

wait_healthy() {
  local tries=0
  until curl -sf -o /dev/null "$BENCH_URL/healthz"; do
    sleep 0.02
    tries=$((tries + 1))
    if ! kill -0 "$APP_PID" 2>/dev/null; then log "app exited"; return 1; fi
    if (( tries > 6000 )); then log "not healthy after 120 s"; return 1; fi
  done
}

rss_mb() { awk '/VmRSS/{printf "%.0f", $2/1024}' "/proc/$APP_PID/status"; }

stop_app() {
  if [[ -n "${APP_PID:-}" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
trap stop_app EXIT
