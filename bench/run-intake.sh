#!/usr/bin/env bash
# Opinion intake benchmark (issue 4): POST /api/v1/opinion/items in batches of 1 KB items (dedup and watch-list
# matching on) with OPINION_ITEMS stored opinion items already in the database, on SQLite.
# Generates the data set once (bench/Herald.DataGen --opinion-items; kept in $BENCH_DATA, reused when present):
# the province organisation (no manuscripts unless MANUSCRIPTS is set), OPINION_ITEMS items over the last
# OPINION_DAYS days, with the duplicate index for the last 30 days. Then the office's API token posts batches of
# BATCH items from CONCURRENCY clients for DURATION s after a WARMUP s warm-up (15% of them near-duplicates).
#   bench/run-intake.sh                                   # 1,000,000 stored items, batches of 100, 4 clients
#   OPINION_ITEMS=20000 BENCH_DATA=/tmp/herald-intake-small DURATION=10 WARMUP=3 bench/run-intake.sh   # a quick check
#   BENCH_REGEN=1 bench/run-intake.sh                     # regenerate the data set
# Prints requests/s and items/s, p50/p95/p99/max per request, errors by status, the app's RSS and the row counts.
source "$(dirname "$0")/lib.sh"

BENCH_DATA="${BENCH_DATA:-/tmp/herald-intake}"
OPINION_ITEMS="${OPINION_ITEMS:-1000000}"
OPINION_DAYS="${OPINION_DAYS:-365}"
MANUSCRIPTS="${MANUSCRIPTS:-0}"
CONCURRENCY="${CONCURRENCY:-4}"
BATCH="${BATCH:-100}"
DURATION="${DURATION:-60}"
WARMUP="${WARMUP:-20}"

build_release
if [[ "${BENCH_REGEN:-0}" == 1 || ! -f "$BENCH_DATA/herald.db" || ! -f "$BENCH_DATA/datagen.log" ]]; then
  log "generating the data set in $BENCH_DATA"
  mkdir -p "$BENCH_DATA"
  start=$(date +%s)
  dotnet "$DATAGEN_DLL" --data-dir "$BENCH_DATA" --manuscripts "$MANUSCRIPTS" --opinion-items "$OPINION_ITEMS" \
    --opinion-days "$OPINION_DAYS" --password "$BENCH_PASSWORD" --force | tee "$BENCH_DATA/datagen.log"
  echo "generation took $(( $(date +%s) - start )) s" | tee -a "$BENCH_DATA/datagen.log"
fi
count() { sqlite3 "$BENCH_DATA/herald.db" "$1" 2>/dev/null || echo '?'; }
before_items=$(count 'select count(*) from opinion_items')

wait_quiet
start_app "$BENCH_DATA"
wait_healthy
log "app up (pid $APP_PID, RSS $(rss_mb) MB); $before_items opinion items stored"
before=$(loadavg)
dotnet "$LOAD_DLL" intake --url "$BENCH_URL" --users office --concurrency "$CONCURRENCY" --batch "$BATCH" \
  --duration "$DURATION" --warmup "$WARMUP" --label "$before_items stored, batch $BATCH" --json "$BENCH_OUT/intake.json" || true
rss=$(rss_mb)
stop_app
echo "   load average before: $before; after: $(loadavg)"
echo "   app RSS after the run: $rss MB (VmRSS)"
echo "   opinion items: $before_items before, $(count 'select count(*) from opinion_items') after;" \
     "grouped as duplicates: $(count 'select count(*) from opinion_items where duplicate_of_id is not null');" \
     "band rows: $(count 'select count(*) from opinion_item_bands')"
echo "   machine: $(machine_line)"
