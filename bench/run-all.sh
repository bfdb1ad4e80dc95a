#!/usr/bin/env bash
# Every issue-2 measurement in turn (each script waits for a quiet machine first): cold start, API submission with
# and without a photo (including RSS after each run), province-scale pages, .docx import. Output goes to the terminal
# and to bench/results/run-all-<time>.log.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p results
log="results/run-all-$(date +%Y%m%d-%H%M%S).log"
{ ./run-coldstart.sh; ./run-submit.sh; ./run-pages.sh; ./run-docx.sh; } 2>&1 | tee "$log"
