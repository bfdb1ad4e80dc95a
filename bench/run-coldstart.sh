#!/usr/bin/env bash
# Cold start (issue 2, target 3): process start -> first 200 from /healthz on an empty data directory, which includes
# creating the database, running the migrations and seeding the demo organisation. Several runs; prints the median.
#   bench/run-coldstart.sh [runs=7]
source "$(dirname "$0")/lib.sh"

RUNS="${1:-7}"
build_release
wait_quiet
times=()
for i in $(seq 1 "$RUNS"); do
  data=$(mktemp -d /tmp/herald-bench-cold.XXXXXX)
  start_ns=$(date +%s%N)
  start_app "$data"
  wait_healthy
  end_ns=$(date +%s%N)
  ms=$(( (end_ns - start_ns) / 1000000 ))
  times+=("$ms")
  echo "   run $i: $ms ms (RSS $(rss_mb) MB, load average $(loadavg))"
  stop_app
  rm -rf "$data"
  sleep 1
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "cold start to healthy, $RUNS runs: median ${sorted[$(( RUNS / 2 ))]} ms, min ${sorted[0]} ms, max ${sorted[-1]} ms"
echo "machine: $(machine_line)"
