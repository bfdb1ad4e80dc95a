#!/usr/bin/env bash
# Report benchmark (issue 3): the quarter unit report over the province-scale data set (5,000 units, 1,000,000
# manuscripts, ~300,000 adoptions), Herald's handler against one hand-written SQL aggregation, in one process
# (bench/Herald.Bench.Report). Regenerates the data set when it predates adoptions.
#   bench/run-report.sh                 # BENCH_DATA=/tmp/herald-province, last full quarter of the data set
#   QUARTER=2026-2 RUNS=25 bench/run-report.sh
source "$(dirname "$0")/lib.sh"

BENCH_DATA="${BENCH_DATA:-/tmp/herald-province}"
MANUSCRIPTS="${MANUSCRIPTS:-1000000}"
REPORT_DLL="$REPO/bench/Herald.Bench.Report/bin/Release/net10.0/Herald.Bench.Report.dll"

build_release
dotnet build "$REPO/bench/Herald.Bench.Report/Herald.Bench.Report.csproj" -c Release -v q -nologo >/dev/null
if [[ "${BENCH_REGEN:-0}" == 1 || ! -f "$BENCH_DATA/herald.db" ]] || ! grep -q "adoptions" "$BENCH_DATA/datagen.log" 2>/dev/null; then
  log "generating the data set in $BENCH_DATA"
  mkdir -p "$BENCH_DATA"
  start=$(date +%s)
  dotnet "$DATAGEN_DLL" --data-dir "$BENCH_DATA" --manuscripts "$MANUSCRIPTS" --password "$BENCH_PASSWORD" --force | tee "$BENCH_DATA/datagen.log"
  echo "generation took $(( $(date +%s) - start )) s" | tee -a "$BENCH_DATA/datagen.log"
fi
wait_quiet
echo "load average before: $(loadavg)"
args=(--data-dir "$BENCH_DATA" --runs "${RUNS:-15}")
[[ -n "${QUARTER:-}" ]] && args+=(--quarter "$QUARTER")
dotnet "$REPORT_DLL" "${args[@]}"
echo "load average after: $(loadavg)"
echo "machine: $(machine_line)"
