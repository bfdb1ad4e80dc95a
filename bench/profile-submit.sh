#!/usr/bin/env bash
# CPU profile of Herald's API submission (issue 8): Herald on a fresh data directory with perf maps for JIT code,
# wrk + bench/submit.lua with 32 connections, a warm-up, then `perf record` (on-CPU samples of every thread, managed,
# native SQLite, runtime and kernel) for SECONDS_TRACED while wrk keeps the load on. Prints the CPU shares of the
# submission's parts (bench/profile-shares.py) and the CPU per request. Raw stacks: bench/results/submit.perf.txt.
#   bench/profile-submit.sh                 # 20 s warm-up, 20 s recorded
#   bench/profile-submit.sh --top 60        # extra arguments go to profile-shares.py
source "$(dirname "$0")/lib.sh"

SECONDS_TRACED="${SECONDS_TRACED:-20}"
WARMUP="${WARMUP:-20}"
LUA="$REPO/bench/submit.lua"
STACKS="$BENCH_OUT/submit.perf.txt"

command -v perf >/dev/null || { log "perf is missing: apt-get install -y linux-perf"; exit 1; }
command -v wrk >/dev/null || { log "wrk is missing: apt-get install -y wrk"; exit 1; }
build_release
data=$(mktemp -d /tmp/herald-bench-profile.XXXXXX)
trap 'stop_app; rm -rf "$data"' EXIT
# W^X off: JIT code then lives in anonymous memory that perf resolves through /tmp/perf-PID.map.
start_app "$data" DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
wait_healthy
token() {
  curl -sf -X POST "$BENCH_URL/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"userName\":\"$1\",\"password\":\"$BENCH_PASSWORD\",\"name\":\"wrk\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}
TOKENS="$(token officer),$(token officer2)"
export TOKENS
log "warming up ${WARMUP} s"
wrk -t2 -c32 -d"${WARMUP}s" --timeout 10s -s "$LUA" "$BENCH_URL" | grep '^RESULT'
log "recording ${SECONDS_TRACED} s under load (load average $(loadavg))"
cpu0=$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")
wrk -t2 -c32 -d"${SECONDS_TRACED}s" --timeout 10s -s "$LUA" "$BENCH_URL" >"$data/wrk.txt" &
WRK=$!
perf record -F 499 -g -p "$APP_PID" -o "$data/perf.data" -- sleep "$SECONDS_TRACED" 2>/dev/null
wait "$WRK"
cpu1=$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")
grep '^RESULT' "$data/wrk.txt"
requests=$(sed -nE 's/^RESULT requests=([0-9]+).*/\1/p' "$data/wrk.txt")
echo "   Herald CPU: $(awk -v c=$((cpu1 - cpu0)) -v hz="$(getconf CLK_TCK)" -v r="$requests" 'BEGIN { printf "%.3f ms per request", c * 1000 / hz / r }'); load average $(loadavg)"
perf script -i "$data/perf.data" -F comm,tid,ip,sym,dso 2>/dev/null >"$STACKS"
python3 "$REPO/bench/profile-shares.py" "$STACKS" "$@"
