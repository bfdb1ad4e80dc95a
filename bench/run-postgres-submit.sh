#!/usr/bin/env bash
# Submission on PostgreSQL vs SQLite in one run (issue 10): POST /api/v1/manuscripts (bench/submit.lua, wrk) against
#   sqlite   one Herald on SQLite (fresh data directory, demo data)
#   pg1      one Herald on PostgreSQL (a fresh database on PG_SERVER, the same demo data, copied by export-sqlite-to-postgres)
#   pg2      two Herald processes on another fresh PostgreSQL database and one shared data directory, one wrk each
#            (half the connections each; throughput summed, worst p99 of the two)
# All four apps run for the whole benchmark; rounds rotate the order so that a busy machine hits all alike.
#   PG_SERVER="Host=127.0.0.1;Port=55443;Username=postgres" bench/run-postgres-submit.sh
#   ROUNDS=3 DURATION=15 CONNECTIONS=32 bench/run-postgres-submit.sh
source "$(dirname "$0")/lib.sh"

PG_SERVER="${PG_SERVER:-Host=127.0.0.1;Port=55443;Username=postgres}"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-15}"
WARMUP_REQUESTS="${WARMUP_REQUESTS:-6000}"
CONNECTIONS="${CONNECTIONS:-32}"
LUA="$REPO/bench/submit.lua"
PG_PORT=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$PG_SERVER")
# pgq DB SQL: one value from the benchmark server.
pgq() { psql "host=127.0.0.1 port=$PG_PORT user=postgres dbname=$1" -qAtc "$2"; }
PSQL=(pgq postgres)
command -v wrk >/dev/null || { log "wrk is missing: apt-get install -y wrk"; exit 1; }
dotnet build "$REPO/src/Herald.Web/Herald.Web.csproj" -c Release -v q -nologo >/dev/null

run_id=$(date +%s)
db1="i10move_submit1_$run_id" db2="i10move_submit2_$run_id"
"${PSQL[@]}" "CREATE DATABASE $db1" && "${PSQL[@]}" "CREATE DATABASE $db2"
sqlite_data=$(mktemp -d /tmp/herald-pgsub-s.XXXXXX) pg1_data=$(mktemp -d /tmp/herald-pgsub-1.XXXXXX) pg2_data=$(mktemp -d /tmp/herald-pgsub-2.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  "${PSQL[@]}" "DROP DATABASE IF EXISTS $db1 WITH (FORCE)" || true
  "${PSQL[@]}" "DROP DATABASE IF EXISTS $db2 WITH (FORCE)" || true
  rm -rf "$sqlite_data" "$pg1_data" "$pg2_data"
}
trap cleanup EXIT

# launch URL DATA LOG ENV...: starts one Herald, waits for /healthz, appends its pid to PIDS.
launch() {
  local url="$1" data="$2" logfile="$3"; shift 3
  env Herald__DataDir="$data" Urls="$url" Herald__Demo__Password="$BENCH_PASSWORD" Herald__RateLimits__Enabled=false ASPNETCORE_ENVIRONMENT=Production "$@" \
    dotnet "$WEB_DLL" >"$logfile" 2>&1 &
  PIDS+=($!)
  until curl -sf -o /dev/null "$url/healthz"; do sleep 0.2; kill -0 "${PIDS[-1]}" || { log "app at $url exited"; tail -20 "$logfile"; exit 1; }; done
}
pg() { echo "Herald__Database__Provider=postgres" "Herald__Database__ConnectionString=$PG_SERVER;Database=$1"; }
S_URL=http://127.0.0.1:5194 P1_URL=http://127.0.0.1:5195 P2A_URL=http://127.0.0.1:5196 P2B_URL=http://127.0.0.1:5197
launch "$S_URL" "$sqlite_data" "$sqlite_data/app.log"
# The PostgreSQL databases get the same demo installation through export-sqlite-to-postgres (an online backup of the
# SQLite one, exported twice), so all three start from identical rows.
seed=$(mktemp -d /tmp/herald-pgsub-seed.XXXXXX) && rmdir "$seed"
Herald__DataDir="$sqlite_data" dotnet "$WEB_DLL" backup "$seed" >/dev/null
for db in "$db1" "$db2"; do
  dotnet "$WEB_DLL" export-sqlite-to-postgres --from "$seed" --to "$PG_SERVER;Database=$db" | tail -1
done
cp -r "$seed/." "$pg1_data/" && cp -r "$seed/." "$pg2_data/" && rm -rf "$seed"
launch "$P1_URL" "$pg1_data" "$pg1_data/app.log" $(pg "$db1")
launch "$P2A_URL" "$pg2_data" "$pg2_data/app-a.log" $(pg "$db2")
launch "$P2B_URL" "$pg2_data" "$pg2_data/app-b.log" $(pg "$db2")
S_PID=${PIDS[0]} P1_PID=${PIDS[1]} P2A_PID=${PIDS[2]} P2B_PID=${PIDS[3]}

tokens() {
  for user in officer officer2; do
    curl -sf -X POST "$1/api/v1/auth/token" -H 'Content-Type: application/json' \
      -d "{\"userName\":\"$user\",\"password\":\"$BENCH_PASSWORD\",\"name\":\"wrk\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
    echo
  done | paste -sd,
}
S_TOKENS=$(tokens "$S_URL") P1_TOKENS=$(tokens "$P1_URL") P2_TOKENS=$(tokens "$P2A_URL")
[[ "$S_TOKENS" == hld_*,hld_* && "$P1_TOKENS" == hld_*,hld_* && "$P2_TOKENS" == hld_*,hld_* ]] || { log "could not get API tokens"; exit 1; }

# wrk_run URL TOKENS SECONDS CONNECTIONS: prints the RESULT fields of one wrk run.
wrk_run() {
  local line
  line=$(TOKENS="$2" wrk -t2 -c"$4" -d"$3s" --timeout 10s --latency -s "$LUA" "$1" | grep '^RESULT') || true
  echo "${line#RESULT }"
}
field() { sed -E "s/.*(^| )$1=([0-9.]+).*/\2/" <<<"$2"; }
# measure NAME SECONDS: one run of a configuration; prints "NAME requests=… seconds=… p99=… errors=…".
measure() {
  local name="$1" secs="$2" a b
  case "$name" in
    sqlite) a=$(wrk_run "$S_URL" "$S_TOKENS" "$secs" "$CONNECTIONS"); echo "$name requests=$(field requests "$a") seconds=$(field seconds "$a") p99=$(field p99 "$a") errors=$(( $(field non201 "$a") + $(field socket_errors "$a") ))" ;;
    pg1) a=$(wrk_run "$P1_URL" "$P1_TOKENS" "$secs" "$CONNECTIONS"); echo "$name requests=$(field requests "$a") seconds=$(field seconds "$a") p99=$(field p99 "$a") errors=$(( $(field non201 "$a") + $(field socket_errors "$a") ))" ;;
    pg2)
      wrk_run "$P2A_URL" "$P2_TOKENS" "$secs" $(( CONNECTIONS / 2 )) >"$pg2_data/a.txt" &
      b=$(wrk_run "$P2B_URL" "$P2_TOKENS" "$secs" $(( CONNECTIONS / 2 )))
      wait
      a=$(cat "$pg2_data/a.txt")
      echo "$name requests=$(( $(field requests "$a") + $(field requests "$b") )) seconds=$(field seconds "$a") p99=$(printf '%s\n' "$(field p99 "$a")" "$(field p99 "$b")" | sort -g | tail -1) errors=$(( $(field non201 "$a") + $(field socket_errors "$a") + $(field non201 "$b") + $(field socket_errors "$b") ))" ;;
  esac
}
log "warming up: at least $WARMUP_REQUESTS submissions each"
for name in sqlite pg1 pg2; do
  done_=0
  while (( done_ < WARMUP_REQUESTS )); do done_=$(( done_ + $(field requests "$(measure "$name" 10)") )); done
  log "$name warmed up: $done_ submissions"
done
echo "load average before: $(loadavg)"
results=()
configs=(sqlite pg1 pg2)
for round in $(seq "$ROUNDS"); do
  for k in 0 1 2; do
    name=${configs[$(( (round + k) % 3 ))]}
    results+=("$(measure "$name" "$DURATION") load=$(cut -d' ' -f1 /proc/loadavg)")
    echo "   round $round ${results[-1]}"
  done
done
printf '%s\n' "${results[@]}" | awk '
  { name = $1; for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    req[name] += v["requests"]; sec[name] += v["seconds"]; err[name] += v["errors"]; if (v["p99"] > p99[name]) p99[name] = v["p99"] }
  END {
    for (n in req) printf "   %-6s %8.1f submissions/s  worst p99 %7.1f ms  errors %d\n", n, req[n] / sec[n], p99[n], err[n]
    printf "   pg1 / sqlite %.2f×, pg2 / sqlite %.2f×\n", (req["pg1"] / sec["pg1"]) / (req["sqlite"] / sec["sqlite"]), (req["pg2"] / sec["pg2"]) / (req["sqlite"] / sec["sqlite"]) }'
echo "   manuscripts stored: sqlite $(sqlite3 "$sqlite_data/herald.db" 'select count(*) from manuscripts'), pg1 $(pgq "$db1" 'select count(*) from manuscripts'), pg2 $(pgq "$db2" 'select count(*) from manuscripts')"
echo "   load average after: $(loadavg)"
echo "   PostgreSQL: $("${PSQL[@]}" "select current_setting('server_version') || ', fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') || ', shared_buffers=' || current_setting('shared_buffers')")"
echo "   machine: $(machine_line)"
