#!/usr/bin/env bash
# .docx import benchmark (issue 2: a 30-page Word report with 10 pictures imported in < 300 ms), BenchmarkDotNet in
# process, Release. Waits for a quiet machine like the other scripts and prints the load average with the result.
#   bench/run-docx.sh
source "$(dirname "$0")/lib.sh"

wait_quiet
echo "load average before: $(loadavg)"
(cd "$REPO" && dotnet run -c Release --project bench/Herald.Bench.Micro -- --filter '*Docx*' --artifacts "$BENCH_OUT/docx")
echo "load average after: $(loadavg)"
echo "machine: $(machine_line)"
