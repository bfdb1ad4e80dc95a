#!/usr/bin/env bash
# Work-bench (home page) benchmark on the province-scale data set (issue 8, target: p95 < 50 ms), one scenario per role:
#   correspondent: /            (returned, drafts, in review, recent)
#   head, leader:  /            (reviews waiting, cases assigned to the unit)
#   principal:     /, /?period=quarter   (dashboard: figures from the report, cached 2 min per person; open cases)
#   office:        /, /?period=quarter   (pool, claims, open cases, units without a correspondent, figures)
# Same data set and client as bench/run-pages.sh (bench/Herald.DataGen, bench/Herald.Load "pages").
#   bench/run-home.sh            # BENCH_DATA=/tmp/herald-province; per user 30 s after a 5 s warm-up, 1 then 4 clients
source "$(dirname "$0")/lib.sh"

BENCH_DATA="${BENCH_DATA:-/tmp/herald-province}"
CONCURRENCY="${CONCURRENCY:-1 4}"
DURATION="${DURATION:-30}"
WARMUP="${WARMUP:-5}"

build_release
if [[ ! -f "$BENCH_DATA/herald.db" || ! -f "$BENCH_DATA/datagen.log" ]]; then
  echo "no data set in $BENCH_DATA: run bench/run-pages.sh first (it generates it)" >&2
  exit 1
fi
users_line=$(grep '^SCENARIO_USERS' "$BENCH_DATA/datagen.log")
user() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$users_line"; }

wait_quiet
start_app "$BENCH_DATA"
wait_healthy
log "app up (pid $APP_PID, RSS $(rss_mb) MB)"
run() {
  local label="$1" who="$2" paths="$3" c="$4"
  dotnet "$LOAD_DLL" pages --url "$BENCH_URL" --users "$who" --paths "$paths" --concurrency "$c" \
    --duration "$DURATION" --warmup "$WARMUP" --label "home $label c=$c" --json "$BENCH_OUT/home-$label-c$c.json" || true
}
for c in $CONCURRENCY; do
  run correspondent "$(user correspondent)" "/" "$c"
  run head "$(user head)" "/" "$c"
  run leader "$(user leader)" "/" "$c"
  run principal "$(user principal)" "/,/?period=quarter" "$c"
  run office "$(user office)" "/,/?period=quarter" "$c"
done
echo "   app RSS after the home runs: $(rss_mb) MB (VmRSS)"
echo "   machine: $(machine_line)"
