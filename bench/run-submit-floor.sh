#!/usr/bin/env bash
# Submission against its floor (issue 8): Herald's POST /api/v1/manuscripts and a bare minimal-API endpoint that parses
# the same multipart form and inserts one row in its own transaction into SQLite WAL (bench/Herald.Bench.Floor), driven
# by the same client (wrk + bench/submit.lua: 3 KB Chinese body, bearer token, fresh Idempotency-Key), 32 connections.
# Both apps run side by side on fresh data directories; each is warmed up, then the runs alternate
# (ROUNDS × (floor DURATION s, Herald DURATION s)) so that machine noise hits both alike.
#   bench/run-submit-floor.sh                         # 3 rounds of 20 s each, 20 s warm-up each
#   ROUNDS=5 DURATION=30 bench/run-submit-floor.sh
# Prints each run's throughput, p50/p95/p99/max and non-201 answers, then the totals and Herald/floor.
source "$(dirname "$0")/lib.sh"

ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-20}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
FLOOR_PORT="${FLOOR_PORT:-5191}"
FLOOR_URL="http://127.0.0.1:$FLOOR_PORT"
FLOOR_DLL="$REPO/bench/Herald.Bench.Floor/bin/Release/net10.0/Herald.Bench.Floor.dll"
LUA="$REPO/bench/submit.lua"
OUT="$BENCH_OUT/submit-floor.txt"

command -v wrk >/dev/null || { log "wrk is missing: apt-get install -y wrk"; exit 1; }
build_release
dotnet build "$REPO/bench/Herald.Bench.Floor/Herald.Bench.Floor.csproj" -c Release -v q -nologo >/dev/null

herald_data=$(mktemp -d /tmp/herald-bench-floor-herald.XXXXXX)
floor_data=$(mktemp -d /tmp/herald-bench-floor-floor.XXXXXX)
FLOOR_PID=""
cleanup() {
  stop_app
  if [[ -n "$FLOOR_PID" ]] && kill -0 "$FLOOR_PID" 2>/dev/null; then kill "$FLOOR_PID"; wait "$FLOOR_PID" 2>/dev/null || true; fi
  rm -rf "$herald_data" "$floor_data"
}
trap cleanup EXIT

wait_quiet
start_app "$herald_data"
dotnet "$FLOOR_DLL" --urls "$FLOOR_URL" --data "$floor_data" >"$floor_data/app.log" 2>&1 &
FLOOR_PID=$!
wait_healthy
until curl -sf -o /dev/null "$FLOOR_URL/healthz"; do sleep 0.05; kill -0 "$FLOOR_PID" || { log "floor exited"; exit 1; }; done

token() {
  curl -sf -X POST "$BENCH_URL/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"userName\":\"$1\",\"password\":\"$BENCH_PASSWORD\",\"name\":\"wrk\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}
TOKENS="$(token officer),$(token officer2)"
export TOKENS
[[ "$TOKENS" == hld_*,hld_* ]] || { log "could not get API tokens: $TOKENS"; exit 1; }

# CPU time (user + system, ms) the process has used so far: CPU per request is less sensitive to a busy machine.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$1/stat"; }

# run NAME URL SECONDS PID: one wrk run; prints its RESULT line prefixed with the name, the app's CPU ms per request
# and the load average.
run() {
  local line cpu0 cpu1 requests
  cpu0=$(cpu_ms "$4")
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3s" --timeout 10s --latency -s "$LUA" "$2" | tee -a "$OUT" | grep '^RESULT') || true
  cpu1=$(cpu_ms "$4")
  requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$line")
  echo "$1 ${line#RESULT } cpu_ms_per_req=$(awk -v c=$((cpu1 - cpu0)) -v r="$requests" 'BEGIN { printf "%.3f", (r > 0 ? c / r : 0) }') load=$(cut -d' ' -f1 /proc/loadavg)"
}

: >"$OUT"
log "warming up: floor ${WARMUP} s, Herald ${WARMUP} s ($CONNECTIONS connections)"
run warmup-floor "$FLOOR_URL" "$WARMUP" "$FLOOR_PID" >/dev/null
run warmup-herald "$BENCH_URL" "$WARMUP" "$APP_PID" >/dev/null
before=$(loadavg)
results=()
for round in $(seq "$ROUNDS"); do
  results+=("$(run floor "$FLOOR_URL" "$DURATION" "$FLOOR_PID")"); echo "   round $round ${results[-1]}"
  results+=("$(run herald "$BENCH_URL" "$DURATION" "$APP_PID")"); echo "   round $round ${results[-1]}"
done

printf '%s\n' "${results[@]}" | awk '
  { name = $1; for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    req[name] += v["requests"]; sec[name] += v["seconds"]; err[name] += v["non201"] + v["socket_errors"]; cpu[name] += v["cpu_ms_per_req"] * v["requests"]
    if (v["p99"] > p99[name]) p99[name] = v["p99"]; if (v["max"] > mx[name]) mx[name] = v["max"] }
  END {
    for (n in req) printf "   %-6s %8.1f/s  worst p99 %7.1f ms  max %7.1f ms  errors %d  app CPU %.3f ms/request\n", n, req[n] / sec[n], p99[n], mx[n], err[n], cpu[n] / req[n]
    printf "   Herald / floor: %.3f× (throughput), %.3f× (CPU per request, floor / Herald)\n", (req["herald"] / sec["herald"]) / (req["floor"] / sec["floor"]), (cpu["floor"] / req["floor"]) / (cpu["herald"] / req["herald"]) }'
echo "   load average before the measured runs: $before; after: $(loadavg)"
echo "   Herald RSS after: $(rss_mb) MB; manuscripts in Herald: $(sqlite3 "$herald_data/herald.db" 'select count(*) from manuscripts' 2>/dev/null || echo '?')"
echo "   machine: $(machine_line)"
echo "   raw wrk output: $OUT"
