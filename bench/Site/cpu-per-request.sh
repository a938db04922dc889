#!/usr/bin/env bash
# CPU time the site process spends per request on each URL: reads the process's user+system ticks from /proc before and
# after a fixed wrk run and divides by the requests served. Robust to a noisy machine (it counts the site's own CPU,
# not wall-clock), so URLs measured in one run compare fairly. Used for the verification page profile in
# docs/benchmarks-cert.md.
# Usage: bench/Site/cpu-per-request.sh <site pid> <seconds> <connections> <url> [url ...]
set -euo pipefail
PID=$1; SECONDS_RUN=$2; CONNECTIONS=$3; shift 3
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
TICKS=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
for url in "$@"; do
  wrk -t1 -c10 -d2s "$url" >/dev/null            # warm-up
  before=$(cpu)
  out=$(wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" "$url")
  after=$(cpu)
  n=$(echo "$out" | awk '/requests in/{print $1}')
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  errors=$(echo "$out" | grep -iE "non-2xx|socket errors" || true)
  echo "$url requests=$n req/s=$rps cpu_us_per_request=$(( (after - before) * 1000000 / TICKS / n )) $errors"
done
