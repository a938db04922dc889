#!/usr/bin/env bash
# Media benchmark (issue 14): the site in Release on loopback with the demo data, a 200 MB video uploaded through the
# streaming endpoint, then 200 concurrent viewers requesting random 1 MiB ranges for 20 s, after the same load on a static file of the site (baseline); prints TTFB percentiles and
# the site's peak working set. Under 5 minutes once built. Staging, not Production: Production cookies are Secure
# and this runs over plain HTTP on loopback.
# Usage: bench/Media/run.sh [port] [megabytes] [viewers] [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${1:-5205}
MB=${2:-200}
VIEWERS=${3:-200}
SECONDS_=${4:-20}
DATA=$(mktemp -d /tmp/media-bench.XXXXXX)
dotnet build src/TrainingSite -c Release -nologo -v q >/dev/null
dotnet build bench/Media.Bench -c Release -nologo -v q >/dev/null
SITE=src/TrainingSite/bin/Release/net10.0/TrainingSite.dll
export Training__DataPath=$DATA Training__SeedDemo=true ASPNETCORE_ENVIRONMENT=Staging LegalLibrary__AutoImport=false
dotnet $SITE --urls "http://127.0.0.1:$PORT" >"$DATA/site.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 1; done
echo "load before: $(uptime)"
dotnet bench/Media.Bench/bin/Release/net10.0/Media.Bench.dll "http://127.0.0.1:$PORT" "$MB" "$VIEWERS" "$SECONDS_" || status=$?
echo "site peak working set: $(grep VmHWM /proc/$PID/status)"
echo "load after: $(uptime)"
exit ${status:-0}
