#!/usr/bin/env bash
# API submission benchmark (issue 2, targets 1 and 4): POST /api/v1/manuscripts, 32 concurrent clients, 60 s after a
# 20 s warm-up (JIT tiering: the first 15 s of a fresh process run at ~60% speed), on a fresh data directory (demo organisation; officer and officer2 submit with API tokens).
#   bench/run-submit.sh            # 3 KB body, then 3 KB body + one 300 KB photo, each on a fresh app
#   bench/run-submit.sh submit     # only one of them (submit | submit-photo)
# Prints throughput, p50/p95/p99/max, errors by status, and the app's RSS after the run.
source "$(dirname "$0")/lib.sh"

SCENARIOS=("${@:-submit submit-photo}")
read -r -a SCENARIOS <<<"${SCENARIOS[*]}"
CONCURRENCY="${CONCURRENCY:-32}"
DURATION="${DURATION:-60}"
WARMUP="${WARMUP:-20}"

build_release
for scenario in "${SCENARIOS[@]}"; do
  data=$(mktemp -d /tmp/herald-bench-submit.XXXXXX)
  wait_quiet
  start_app "$data"
  wait_healthy
  log "app up (pid $APP_PID, RSS $(rss_mb) MB); $scenario"
  before=$(loadavg)
  dotnet "$LOAD_DLL" "$scenario" --url "$BENCH_URL" --users officer,officer2 --concurrency "$CONCURRENCY" \
    --duration "$DURATION" --warmup "$WARMUP" --json "$BENCH_OUT/$scenario.json" || true
  rss=$(rss_mb)
  echo "   load average before: $before; after: $(loadavg)"
  echo "   app RSS after the run: $rss MB (VmRSS); manuscripts in db: $(sqlite3 "$data/herald.db" 'select count(*) from manuscripts' 2>/dev/null || echo '?')"
  echo "   machine: $(machine_line)"
  stop_app
  rm -rf "$data"
done
