#!/usr/bin/env bash
# Media benchmark (issue 14): one command. Builds the site and the runner in Release, generates a video of <megabytes>,
# starts the site (Staging, SQLite, data-folder blob store, demo data) on loopback with the same file also served as a
# static file by the same Kestrel (bench/Media.Bench/StaticBaseline.cs, injected through DOTNET_STARTUP_HOOKS and
# ASPNETCORE_HOSTINGSTARTUPASSEMBLIES; the site's code is unchanged), uploads the video to KN-02's library, signs in as an
# enrolled learner and measures <viewers> concurrent viewers of random 1 MiB ranges on both, alternating <rounds> times
# <seconds> each. Prints TTFB p50/p90/p99, throughput and the ratios, the site's peak working set and the load.
# About 1.5 minutes with the defaults once built. Staging, not Production: Production cookies are Secure and this runs
# over plain HTTP on loopback.
# Usage: bench/Media/run.sh [port=5205] [megabytes=200] [viewers=200] [seconds=10] [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${1:-5205}
MB=${2:-200}
VIEWERS=${3:-200}
SECONDS_=${4:-10}
ROUNDS=${5:-3}
DATA=$(mktemp -d /tmp/media-bench.XXXXXX)
dotnet build src/TrainingSite -c Release -nologo -v q >/dev/null
dotnet build bench/Media.Bench -c Release -nologo -v q >/dev/null
SITE=src/TrainingSite/bin/Release/net10.0/TrainingSite.dll
BENCH=$PWD/bench/Media.Bench/bin/Release/net10.0/Media.Bench.dll
mkdir -p "$DATA/static" "$DATA/site"
dotnet "$BENCH" generate "$DATA/static/video.mp4" "$MB"
export Training__DataPath=$DATA/site Training__SeedDemo=true ASPNETCORE_ENVIRONMENT=Staging LegalLibrary__AutoImport=false
DOTNET_STARTUP_HOOKS=$BENCH ASPNETCORE_HOSTINGSTARTUPASSEMBLIES=Media.Bench MEDIA_BENCH_STATIC=$DATA/static \
  dotnet $SITE --urls "http://127.0.0.1:$PORT" >"$DATA/site.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$PORT/health" >/dev/null || { echo "site did not start:"; tail -30 "$DATA/site.log"; exit 1; }
echo "load before: $(uptime)"
dotnet "$BENCH" measure "http://127.0.0.1:$PORT" "$DATA/static/video.mp4" "$VIEWERS" "$SECONDS_" "$ROUNDS" || status=$?
echo "site peak working set: $(grep VmHWM /proc/$PID/status)"
echo "load after: $(uptime)"
exit ${status:-0}
