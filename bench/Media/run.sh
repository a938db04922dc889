#!/usr/bin/env bash
# Media benchmark (issue 14): one command. Builds the site and the runner in Release, generates a video of <megabytes>,
# starts the site (Staging, SQLite, data-folder blob store, demo data) on loopback with the same file also served as a
# static file by the same Kestrel (bench/Media.Bench/StaticBaseline.cs, injected through DOTNET_STARTUP_HOOKS and
# ASPNETCORE_HOSTINGSTARTUPASSEMBLIES; the site's code is unchanged), uploads the video to KN-02's library, signs in as an
# enrolled learner and measures <viewers> concurrent viewers of random 1 MiB ranges on both, alternating <rounds> times
# <seconds> each. Prints TTFB p50/p90/p99, throughput and the ratios, the site's peak working set and the load.
# About 1.5 minutes with the defaults once built. Staging, not Production: Production cookies are Secure and this runs
# over plain HTTP on loopback.
# With "postgres" last, the site runs on a throwaway PostgreSQL cluster (as test.sh starts one), so the video comes from
# the database blob store (256 KiB bytea chunks) while the baseline stays a file.
# Usage: bench/Media/run.sh [port=5205] [megabytes=200] [viewers=200] [seconds=10] [rounds=3] [sqlite|postgres]
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${1:-5205}
MB=${2:-200}
VIEWERS=${3:-200}
SECONDS_=${4:-10}
ROUNDS=${5:-3}
DB=${6:-sqlite}
DATA=$(mktemp -d /tmp/media-bench.XXXXXX)
PGBIN=/usr/lib/postgresql/15/bin
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null
  [ "$DB" = postgres ] && as_pg "$PGBIN/pg_ctl" -D "$DATA/pg/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$DATA"
}
trap cleanup EXIT
dotnet build src/TrainingSite -c Release -nologo -v q >/dev/null
dotnet build bench/Media.Bench -c Release -nologo -v q >/dev/null
SITE=src/TrainingSite/bin/Release/net10.0/TrainingSite.dll
BENCH=$PWD/bench/Media.Bench/bin/Release/net10.0/Media.Bench.dll
mkdir -p "$DATA/static" "$DATA/site"
dotnet "$BENCH" generate "$DATA/static/video.mp4" "$MB"
export Training__DataPath=$DATA/site Training__SeedDemo=true ASPNETCORE_ENVIRONMENT=Staging LegalLibrary__AutoImport=false
if [ "$DB" = postgres ]; then
  PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  mkdir -p "$DATA/pg"
  [ "$(id -u)" -eq 0 ] && chown postgres "$DATA/pg" && chmod o+x "$DATA"
  as_pg "$PGBIN/initdb" -D "$DATA/pg/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  as_pg "$PGBIN/pg_ctl" -D "$DATA/pg/data" -l "$DATA/pg/log" -w -o "-p $PGPORT -k $DATA/pg -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
  export Database__Provider=Postgres ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Maximum Pool Size=100"
fi
DOTNET_STARTUP_HOOKS=$BENCH ASPNETCORE_HOSTINGSTARTUPASSEMBLIES=Media.Bench MEDIA_BENCH_STATIC=$DATA/static \
  dotnet $SITE --urls "http://127.0.0.1:$PORT" >"$DATA/site.log" 2>&1 &
PID=$!
for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$PORT/health" >/dev/null || { echo "site did not start:"; tail -30 "$DATA/site.log"; exit 1; }
echo "database: $DB; load before: $(uptime)"
dotnet "$BENCH" measure "http://127.0.0.1:$PORT" "$DATA/static/video.mp4" "$VIEWERS" "$SECONDS_" "$ROUNDS" || status=$?
echo "site peak working set: $(grep VmHWM /proc/$PID/status)"
echo "load after: $(uptime)"
exit ${status:-0}
