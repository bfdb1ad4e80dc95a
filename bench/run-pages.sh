#!/usr/bin/env bash
# Page benchmark on the province-scale data set (issue 2, target 2): 5,000 units, 1,000,000 manuscripts.
# Generates the data set once (bench/Herald.DataGen; kept in $BENCH_DATA, reused when present), starts Herald on it,
# signs in through the real form as each kind of user and requests their pages repeatedly:
#   correspondent, head, leader, office: /manuscripts and /manuscripts?page=N (N random in 2..50)
#   head, leader, principal: /reviews
#   office, data tables (issue 8): every sort order of /manuscripts, the adoptions table, the correspondent registry
#   bench/run-pages.sh            # BENCH_DATA=/tmp/herald-province; per user 30 s after a 5 s warm-up, first with
#                                 # 1 client (service time), then 4 clients back to back (both cores saturated)
#   BENCH_REGEN=1 bench/run-pages.sh   # regenerate the data set
source "$(dirname "$0")/lib.sh"

BENCH_DATA="${BENCH_DATA:-/tmp/herald-province}"
CONCURRENCY="${CONCURRENCY:-1 4}"
DURATION="${DURATION:-30}"
WARMUP="${WARMUP:-5}"
MANUSCRIPTS="${MANUSCRIPTS:-1000000}"

# In single quotes: inside "${VAR:-…}" the first } of {page} would end the default.
DEFAULT_TABLE_PATHS='/manuscripts?sort=title,/manuscripts?sort=title&dir=desc,/manuscripts?sort=eventDate,/manuscripts?sort=status&dir=asc,/manuscripts?sort=unit,/manuscripts?sort=submittedAt&page={page},/manuscripts?status=approved&sort=title,/adoptions?status=all,/adoptions?status=all&sort=level,/adoptions?sort=adoptedOn&page={page},/org/correspondents?sort=name'
TABLE_PATHS="${TABLE_PATHS:-$DEFAULT_TABLE_PATHS}"

build_release
if [[ "${BENCH_REGEN:-0}" == 1 || ! -f "$BENCH_DATA/herald.db" || ! -f "$BENCH_DATA/datagen.log" ]]; then
  log "generating the data set in $BENCH_DATA"
  mkdir -p "$BENCH_DATA"
  start=$(date +%s)
  dotnet "$DATAGEN_DLL" --data-dir "$BENCH_DATA" --manuscripts "$MANUSCRIPTS" --password "$BENCH_PASSWORD" --force | tee "$BENCH_DATA/datagen.log"
  echo "generation took $(( $(date +%s) - start )) s" | tee -a "$BENCH_DATA/datagen.log"
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
    --duration "$DURATION" --warmup "$WARMUP" --label "$label c=$c" --json "$BENCH_OUT/pages-$label-c$c.json" || true
}
for c in $CONCURRENCY; do
  run correspondent "$(user correspondent)" "/manuscripts,/manuscripts?page={page}" "$c"
  run head "$(user head)" "/manuscripts,/manuscripts?page={page},/reviews" "$c"
  run leader "$(user leader)" "/manuscripts,/manuscripts?page={page},/reviews" "$c"
  run principal "$(user principal)" "/reviews" "$c"
  run office "$(user office)" "/manuscripts,/manuscripts?page={page}" "$c"
  run office-tables "$(user office)" "$TABLE_PATHS" "$c"
done
echo "   app RSS after the page runs: $(rss_mb) MB (VmRSS)"
echo "   machine: $(machine_line)"
