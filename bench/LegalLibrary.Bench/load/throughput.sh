#!/usr/bin/env bash
# Throughput of the legal search page beside a trivial endpoint and a static file of the same site, in one run, so that
# the ratios hold on a shared machine (docs/benchmarks-legal.md). Runs each URL ROUNDS times, interleaved, with wrk at
# CONNECTIONS connections, and prints requests/s, p99 and the site's CPU per request (from /proc, when PID is given).
# Usage: bench/LegalLibrary.Bench/load/throughput.sh <base url> [seconds=10] [connections=32] [rounds=3] [site pid]
set -euo pipefail
BASE=${1:?base url, e.g. http://127.0.0.1:5107}; SECONDS_RUN=${2:-10}; CONNECTIONS=${3:-32}; ROUNDS=${4:-3}; PID=${5:-}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
URLS=("$BASE/legal?q=an+ninh+mang" "$BASE/health" "$BASE/_content/TrainingTheme/css/site.css"
      "$BASE/legal?q=nguoi+lao+dong+co+quyen+don+phuong+cham+dut+hop+dong+lao+dong+trong+truong+hop+nao")
TICKS=$(getconf CLK_TCK)
cpu() { [ -n "$PID" ] && awk '{print $14 + $15}' "/proc/$PID/stat" || echo 0; }
for url in "${URLS[@]}"; do wrk -t2 -c"$CONNECTIONS" -d2s "$url" >/dev/null; done   # warm-up
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  for url in "${URLS[@]}"; do
    before=$(cpu)
    out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --latency "$url")
    after=$(cpu)
    n=$(echo "$out" | awk '/requests in/{print $1}')
    rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
    p99=$(echo "$out" | awk '$1=="99%"{print $2}')
    errors=$(echo "$out" | grep -iE "non-2xx|socket errors" | tr '\n' ' ' || true)
    cpu_us=""; [ -n "$PID" ] && cpu_us=" cpu_us_per_request=$(( (after - before) * 1000000 / TICKS / n ))"
    echo "round=$round url=${url#$BASE} req/s=$rps p99=$p99$cpu_us $errors"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
