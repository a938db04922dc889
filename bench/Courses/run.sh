#!/usr/bin/env bash
# Courses benchmark: 200 generated courses / 5,000 lessons (plus the demo data), the site in Release on loopback,
# wrk at 32 connections against the catalogue, a lesson page and a static file of the same host (the baseline: same
# pipeline, no page work; /api/courses/ping was removed from the product), in one run.
# Usage: bench/Courses/run.sh [port] [duration]
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${1:-5103}
DURATION=${2:-20s}
DATA=$(mktemp -d /tmp/courses-bench.XXXXXX)
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk"; exit 1; }
dotnet build src/TrainingSite -c Release -nologo -v q >/dev/null
SITE=src/TrainingSite/bin/Release/net10.0/TrainingSite.dll
export Training__DataPath=$DATA Training__SeedDemo=true ASPNETCORE_ENVIRONMENT=Production LegalLibrary__AutoImport=false
dotnet $SITE courses-generate-bench --courses 200 --lessons 5000
dotnet $SITE --urls "http://127.0.0.1:$PORT" >"$DATA/site.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 1; done
BASE="http://127.0.0.1:$PORT"
LESSON=$(curl -s "$BASE/courses/BENCH-100" | grep -o '/courses/BENCH-100/lessons/[0-9a-f-]*' | sed -n 13p)
echo "lesson: $LESSON"
for url in "$BASE/_content/Courses/css/courses.css" "$BASE/courses" "$BASE$LESSON"; do
  wrk -t2 -c32 -d5s "$url" >/dev/null   # warm-up
done
for url in "$BASE/_content/Courses/css/courses.css" "$BASE/courses" "$BASE$LESSON" "$BASE/courses?p=5" "$BASE/_content/Courses/css/courses.css"; do
  echo "== $url"
  wrk -t2 -c32 -d"$DURATION" --latency "$url" | grep -E "Requests/sec|Latency  |99%|Non-2xx|Socket errors|Transfer/sec"
done
