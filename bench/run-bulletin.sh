#!/usr/bin/env bash
# Bulletin generation benchmark (issue 3: the .docx + .xlsx bulletin for 5,000 units in < 3 s), BenchmarkDotNet in process,
# Release, generation only (synthetic report, no HTTP or database). Waits for a quiet machine like the other scripts.
#   bench/run-bulletin.sh
source "$(dirname "$0")/lib.sh"

wait_quiet
echo "load average before: $(loadavg)"
(cd "$REPO" && dotnet run -c Release --project bench/Herald.Bench.Micro -- --filter '*Bulletin*' --artifacts "$BENCH_OUT/bulletin")
echo "load average after: $(loadavg)"
echo "machine: $(machine_line)"
