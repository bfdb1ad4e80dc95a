#!/usr/bin/env bash
# A/B of two Herald builds (or one build under two runtime settings) on the API submission of bench/run-submit-floor.sh:
# both run side by side on fresh data directories, each is warmed up, then wrk runs alternate (ROUNDS × (A, B)) so that
# a busy machine hits both alike. The metric is the app's CPU ms per submission (user + system), less sensitive to load
# than throughput.
#   cp -r src/Herald.Web/bin/Release/net10.0 /tmp/herald-a     # the build before a change
#   bench/ab-submit.sh /tmp/herald-a/Herald.Web.dll             # B: the current Release build
#   A_ENV="DOTNET_TieredPGO=0" bench/ab-submit.sh               # same build, A with a runtime setting
# A_DLL (first argument) and B_DLL (second) default to the current Release build; A_ENV/B_ENV: extra environment.
# CONCURRENT=1: each round drives A and B at the same time instead of one after the other (steadier on a busy machine).
source "$(dirname "$0")/lib.sh"

A_DLL="${1:-$WEB_DLL}"
B_DLL="${2:-$WEB_DLL}"
read -r -a A_ENV <<<"${A_ENV:-}"
read -r -a B_ENV <<<"${B_ENV:-}"
ROUNDS="${ROUNDS:-4}"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-10}"
WARMUP_REQUESTS="${WARMUP_REQUESTS:-15000}"
CONNECTIONS="${CONNECTIONS:-32}"
LUA="$REPO/bench/submit.lua"
A_URL="http://127.0.0.1:5192"
B_URL="http://127.0.0.1:5193"

command -v wrk >/dev/null || { log "wrk is missing: apt-get install -y wrk"; exit 1; }
[[ "$A_DLL" == "$WEB_DLL" || "$B_DLL" == "$WEB_DLL" ]] && dotnet build "$REPO/src/Herald.Web/Herald.Web.csproj" -c Release -v q -nologo >/dev/null
a_data=$(mktemp -d /tmp/herald-ab-a.XXXXXX)
b_data=$(mktemp -d /tmp/herald-ab-b.XXXXXX)
A_PID="" B_PID=""
results=()
cleanup() {
  # A run without a single answer: show what the apps logged before their data directories go.
  if printf '%s\n' "${results[@]}" | grep -q ' requests=0 '; then tail -n 20 "$a_data/app.log" "$b_data/app.log" >&2; fi
  for pid in $A_PID $B_PID; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  rm -rf "$a_data" "$b_data"
}
trap cleanup EXIT

# launch DLL URL DATA ENV...: prints the pid.
launch() {
  local dll="$1" url="$2" data="$3"; shift 3
  env Herald__DataDir="$data" Urls="$url" Herald__Demo__Password="$BENCH_PASSWORD" Herald__RateLimits__Enabled=false ASPNETCORE_ENVIRONMENT=Production "$@" \
    dotnet "$dll" >"$data/app.log" 2>&1 &
  echo $!
}
A_PID=$(launch "$A_DLL" "$A_URL" "$a_data" "${A_ENV[@]}")
B_PID=$(launch "$B_DLL" "$B_URL" "$b_data" "${B_ENV[@]}")
for url in "$A_URL" "$B_URL"; do
  until curl -sf -o /dev/null "$url/healthz"; do sleep 0.1; kill -0 "$A_PID" "$B_PID" || { log "an app exited"; exit 1; }; done
done

tokens() {
  local t1 t2
  for user in officer officer2; do
    curl -sf -X POST "$1/api/v1/auth/token" -H 'Content-Type: application/json' \
      -d "{\"userName\":\"$user\",\"password\":\"$BENCH_PASSWORD\",\"name\":\"wrk\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
    echo
  done | paste -sd,
}
A_TOKENS=$(tokens "$A_URL")
B_TOKENS=$(tokens "$B_URL")
[[ "$A_TOKENS" == hld_*,hld_* && "$B_TOKENS" == hld_*,hld_* ]] || { log "could not get API tokens"; exit 1; }

cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$1/stat"; }

# run NAME URL TOKENS SECONDS PID: one wrk run; prints NAME, its RESULT fields, CPU ms per request and the load.
run() {
  local line cpu0 cpu1 requests
  cpu0=$(cpu_ms "$5")
  line=$(TOKENS="$3" wrk -t2 -c"$CONNECTIONS" -d"$4s" --timeout 10s --latency -s "$LUA" "$2" | tee -a "$BENCH_OUT/ab-submit.txt" | grep '^RESULT') || true
  cpu1=$(cpu_ms "$5")
  requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$line")
  echo "$1 ${line#RESULT } cpu_ms_per_req=$(awk -v c=$((cpu1 - cpu0)) -v r="$requests" 'BEGIN { printf "%.3f", (r > 0 ? c / r : 0) }') load=$(cut -d' ' -f1 /proc/loadavg)"
}

: >"$BENCH_OUT/ab-submit.txt"
log "A: $A_DLL ${A_ENV[*]}"
log "B: $B_DLL ${B_ENV[*]}"
# warm NAME URL TOKENS PID: wrk runs of WARMUP s until WARMUP_REQUESTS submissions are done. Tiered compilation
# finishes after a number of calls, not seconds: on a busy machine a fixed warm-up leaves one app half compiled.
warm() {
  local done=0 line
  while (( done < WARMUP_REQUESTS )); do
    line=$(run "$1" "$2" "$3" "$WARMUP" "$4")
    done=$(( done + $(sed -E 's/.* requests=([0-9]+).*/\1/' <<<"$line") ))
  done
  log "$1 warmed up: $done submissions"
}
log "warming up: at least ${WARMUP_REQUESTS} submissions each"
warm warmup-a "$A_URL" "$A_TOKENS" "$A_PID" &
[[ -n "${CONCURRENT:-}" ]] || wait
warm warmup-b "$B_URL" "$B_TOKENS" "$B_PID"
wait
for round in $(seq "$ROUNDS"); do
  if [[ -n "${CONCURRENT:-}" ]]; then
    # Both at once: on a machine others are using, both see the same noise over the same seconds.
    run A "$A_URL" "$A_TOKENS" "$DURATION" "$A_PID" >"$a_data/run.txt" &
    run B "$B_URL" "$B_TOKENS" "$DURATION" "$B_PID" >"$b_data/run.txt"
    wait
    results+=("$(cat "$a_data/run.txt")" "$(cat "$b_data/run.txt")")
    echo "   round $round ${results[-2]}"; echo "   round $round ${results[-1]}"
    continue
  fi
  # Alternate which goes first, so that a trend in the machine's load favours neither.
  if (( round % 2 )); then order=(a b); else order=(b a); fi
  for x in "${order[@]}"; do
    if [[ $x == a ]]; then results+=("$(run A "$A_URL" "$A_TOKENS" "$DURATION" "$A_PID")")
    else results+=("$(run B "$B_URL" "$B_TOKENS" "$DURATION" "$B_PID")"); fi
    echo "   round $round ${results[-1]}"
  done
done
printf '%s\n' "${results[@]}" | awk '
  { name = $1; for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    req[name] += v["requests"]; sec[name] += v["seconds"]; err[name] += v["non201"] + v["socket_errors"]; cpu[name] += v["cpu_ms_per_req"] * v["requests"]
    if (v["p99"] > p99[name]) p99[name] = v["p99"] }
  END {
    for (n in req) printf "   %s %8.1f/s  worst p99 %7.1f ms  errors %d  app CPU %.3f ms/request\n", n, req[n] / sec[n], p99[n], err[n], cpu[n] / req[n]
    printf "   B / A: CPU per request %.3f×, throughput %.3f×\n", (cpu["B"] / req["B"]) / (cpu["A"] / req["A"]), (req["B"] / sec["B"]) / (req["A"] / sec["A"]) }'
echo "   load average after: $(loadavg)"
