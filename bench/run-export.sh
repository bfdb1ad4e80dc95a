#!/usr/bin/env bash
# Excel export at province scale (issue 8): GET /api/v1/manuscripts/export.xlsx for a date range of about
# $ROWS rows, as the province office, against the floor: the same rows read with a bare SqliteDataReader and written
# by a bare OpenXmlWriter loop (bench/Herald.Bench.Floor, GET /export.xlsx), alternating, $RUNS times each.
# Records wall time, bytes, and the server's resident memory before and at its peak during each export
# (sampled every 20 ms from /proc). Uses the data set of run-pages.sh ($BENCH_DATA).
#   bench/run-export.sh            # ROWS=100000 RUNS=3
source "$(dirname "$0")/lib.sh"

BENCH_DATA="${BENCH_DATA:-/tmp/herald-province}"
ROWS="${ROWS:-100000}"
RUNS="${RUNS:-3}"
FLOOR_DLL="$REPO/bench/Herald.Bench.Floor/bin/Release/net10.0/Herald.Bench.Floor.dll"
FLOOR_URL="http://127.0.0.1:5191"
DB="$BENCH_DATA/herald.db"

build_release
dotnet build "$REPO/bench/Herald.Bench.Floor/Herald.Bench.Floor.csproj" -c Release -v q -nologo >/dev/null
[[ -f "$DB" ]] || { log "no data set in $BENCH_DATA: run bench/run-pages.sh first"; exit 1; }
office=$(grep '^SCENARIO_USERS' "$BENCH_DATA/datagen.log" | sed -E 's/.* office=([^ ]+).*/\1/')

# The days from the $ROWS-th newest submission on (read along the submission-time index, not the table).
from=$(sqlite3 "$DB" "SELECT substr(submitted_at, 1, 10) FROM manuscripts WHERE submitted_at IS NOT NULL ORDER BY submitted_at DESC LIMIT 1 OFFSET $ROWS;")
to=$(sqlite3 "$DB" "SELECT date(max(submitted_at), '+1 day') FROM manuscripts;")
count=$(sqlite3 "$DB" "SELECT count(*) FROM manuscripts WHERE submitted_at >= '$from' AND submitted_at < '$to';")
log "range $from .. $to (UTC days): $count manuscripts"

# sample_peak PID OUTFILE: peak VmRSS (MB) of PID until the file STOP appears.
sample_peak() {
  local pid="$1" out="$2" peak=0 rss
  while [[ ! -f "$out.stop" ]]; do
    rss=$(awk '/VmRSS/{print int($2/1024)}' "/proc/$pid/status" 2>/dev/null || echo 0)
    (( rss > peak )) && peak=$rss
    sleep 0.02
  done
  echo "$peak" >"$out"
}

measure() {  # measure LABEL PID URL [curl args...]
  local label="$1" pid="$2" url="$3"; shift 3
  local before; before=$(awk '/VmRSS/{print int($2/1024)}' "/proc/$pid/status")
  local peakfile; peakfile=$(mktemp); rm -f "$peakfile.stop"
  sample_peak "$pid" "$peakfile" & local sampler=$!
  local result; result=$(curl -s -o /tmp/bench-export.xlsx -w '%{http_code} %{time_total} %{size_download}' "$@" "$url")
  touch "$peakfile.stop"; wait "$sampler"
  local rows=""; [[ "$label" == herald* ]] && rows=$(unzip -p /tmp/bench-export.xlsx xl/worksheets/sheet1.xml | grep -o '<x:row\|<row' | wc -l)
  echo "$label: http $(cut -d' ' -f1 <<<"$result")  $(cut -d' ' -f2 <<<"$result") s  $(( $(cut -d' ' -f3 <<<"$result") / 1024 )) KiB  rows(incl. header) ${rows:-?}  RSS before $before MB, peak $(cat "$peakfile") MB"
  rm -f "$peakfile" "$peakfile.stop"
}

wait_quiet
start_app "$BENCH_DATA"
wait_healthy
token=$(curl -s -X POST "$BENCH_URL/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"userName\":\"$office\",\"password\":\"$BENCH_PASSWORD\",\"name\":\"bench-export\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
env Urls="$FLOOR_URL" dotnet "$FLOOR_DLL" --data /tmp/herald-floor-export >/tmp/herald-floor-export.log 2>&1 &
FLOOR_PID=$!
trap 'stop_app; kill $FLOOR_PID 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "$FLOOR_URL/healthz"; do sleep 0.05; done
log "app up (pid $APP_PID, RSS $(rss_mb) MB); floor up (pid $FLOOR_PID)"

# Warm-up: one small export on each.
curl -s -o /dev/null -H "Authorization: Bearer $token" "$BENCH_URL/api/v1/manuscripts/export.xlsx?from=$to&to=$to"
curl -s -o /dev/null "$FLOOR_URL/export.xlsx?db=$DB&from=$to&to=$to"
for i in $(seq 1 "$RUNS"); do
  measure "herald run $i" "$APP_PID" "$BENCH_URL/api/v1/manuscripts/export.xlsx?from=$from&to=$(date -d "$to -1 day" +%F)" -H "Authorization: Bearer $token"
  measure "floor  run $i" "$FLOOR_PID" "$FLOOR_URL/export.xlsx?db=$DB&from=$from&to=$to"
done
echo "   machine: $(machine_line)"
