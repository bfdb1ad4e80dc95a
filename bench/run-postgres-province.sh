#!/usr/bin/env bash
# The province data set on PostgreSQL vs SQLite in one run (issue 10), on identical rows: bench/Herald.DataGen
# --provider postgres writes the SQLite file in BENCH_DATA and copies it into PG_DATABASE (export-sqlite-to-postgres).
#   1. list and inbox pages (bench/Herald.Load pages, 1 client): correspondent, head, leader, office; p95 per engine
#   2. the quarter report: Herald's handler against the hand-written SQL on each engine (bench/Herald.Bench.Report)
#   3. opinion intake through the batch API with 1,000,000 items stored (bench/Herald.Load intake), each engine
#   BENCH_REGEN=1 bench/run-postgres-province.sh        # generate (about 30 min on 2 cores) and measure
#   PG_SERVER="Host=127.0.0.1;Port=55443;Username=postgres" PG_DATABASE=i10move_province DURATION=20 bench/run-postgres-province.sh
#   STEPS="pages report intake" (default): which parts to run
source "$(dirname "$0")/lib.sh"

BENCH_DATA="${BENCH_DATA:-/tmp/herald-province-pg}"
PG_SERVER="${PG_SERVER:-Host=127.0.0.1;Port=55443;Username=postgres}"
PG_DATABASE="${PG_DATABASE:-herald_province}"
PG_CS="$PG_SERVER;Database=$PG_DATABASE"
PG_PORT=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$PG_SERVER")
MANUSCRIPTS="${MANUSCRIPTS:-1000000}"
OPINION_ITEMS="${OPINION_ITEMS:-1000000}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-5}"
STEPS="${STEPS:-pages report intake}"
REPORT_DLL="$REPO/bench/Herald.Bench.Report/bin/Release/net10.0/Herald.Bench.Report.dll"
pgq() { psql "host=127.0.0.1 port=$PG_PORT user=postgres dbname=$1" -qAtc "$2"; }

build_release
dotnet build "$REPO/bench/Herald.Bench.Report/Herald.Bench.Report.csproj" -c Release -v q -nologo >/dev/null
if [[ "${BENCH_REGEN:-0}" == 1 || ! -f "$BENCH_DATA/datagen.log" ]]; then
  log "generating the data set in $BENCH_DATA and $PG_DATABASE"
  pgq postgres "DROP DATABASE IF EXISTS $PG_DATABASE WITH (FORCE)"
  pgq postgres "CREATE DATABASE $PG_DATABASE"
  mkdir -p "$BENCH_DATA"
  start=$(date +%s)
  dotnet "$DATAGEN_DLL" --data-dir "$BENCH_DATA" --manuscripts "$MANUSCRIPTS" --opinion-items "$OPINION_ITEMS" --password "$BENCH_PASSWORD" \
    --force --provider postgres --connection "$PG_CS" | tee "$BENCH_DATA/datagen.log"
  echo "generation took $(( $(date +%s) - start )) s" | tee -a "$BENCH_DATA/datagen.log"
fi
users_line=$(grep '^SCENARIO_USERS' "$BENCH_DATA/datagen.log")
user() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$users_line"; }
engine_env() { [[ "$1" == postgres ]] && echo "Herald__Database__Provider=postgres Herald__Database__ConnectionString=$PG_CS"; }
echo "load average before: $(loadavg)"
echo "PostgreSQL: $(pgq postgres "select current_setting('server_version') || ', fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') || ', shared_buffers=' || current_setting('shared_buffers')"); database $(pgq postgres "select pg_size_pretty(pg_database_size('$PG_DATABASE'))"), SQLite file $(( $(stat -c %s "$BENCH_DATA/herald.db") / 1048576 )) MB"

if [[ " $STEPS " == *" pages "* ]]; then
  for engine in sqlite postgres; do
    start_app "$BENCH_DATA" $(engine_env $engine)
    wait_healthy
    log "$engine: app up (pid $APP_PID)"
    for who in correspondent head leader office; do
      paths="/manuscripts,/manuscripts?page={page}"; [[ $who == head || $who == leader ]] && paths="$paths,/reviews"
      dotnet "$LOAD_DLL" pages --url "$BENCH_URL" --users "$(user $who)" --paths "$paths" --concurrency 1 \
        --duration "$DURATION" --warmup "$WARMUP" --label "$engine $who c=1" --json "$BENCH_OUT/pg-pages-$engine-$who.json" || true
    done
    stop_app
  done
fi

if [[ " $STEPS " == *" report "* ]]; then
  echo "== quarter report, SQLite"
  dotnet "$REPORT_DLL" --data-dir "$BENCH_DATA" --runs "${RUNS:-7}" --warmup 2 || true
  echo "== quarter report, PostgreSQL"
  dotnet "$REPORT_DLL" --connection "$PG_CS" --runs "${RUNS:-7}" --warmup 2 || true
fi

if [[ " $STEPS " == *" intake "* ]]; then
  for engine in sqlite postgres; do
    start_app "$BENCH_DATA" $(engine_env $engine)
    wait_healthy
    stored=$([[ $engine == postgres ]] && pgq "$PG_DATABASE" 'select count(*) from opinion_items' || sqlite3 "$BENCH_DATA/herald.db" 'select count(*) from opinion_items')
    dotnet "$LOAD_DLL" intake --url "$BENCH_URL" --users office --concurrency "${CONCURRENCY:-4}" --batch "${BATCH:-100}" \
      --duration "$DURATION" --warmup "$WARMUP" --label "$engine, $stored stored, batch ${BATCH:-100}" --json "$BENCH_OUT/pg-intake-$engine.json" || true
    stop_app
  done
fi
echo "load average after: $(loadavg)"
echo "machine: $(machine_line)"
