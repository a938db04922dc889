#!/usr/bin/env bash
# Issue 13, item 4 (re-sync): the daily batched walk of everyone against the set-based rebuild, at 100,000 staff
# with certificates, on SQLite then PostgreSQL (a throwaway cluster on a free loopback port, stopped on exit): time
# and managed-heap peak of each, and the walk after 1 % of the status rows were deleted.
#   bench/status-resync.sh [staff] [units] [enrolments] [certificates] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
STAFF=${1:-100000} UNITS=${2:-1000} ENROLMENTS=${3:-20000} CERTIFICATES=${4:-300000} RUNS=${5:-20}
dotnet build -c Release -nologo -v q bench/Reporting.Bench >/dev/null
PGBIN=/usr/lib/postgresql/15/bin
PGDIR=$(mktemp -d /tmp/resync-bench-pg.XXXXXX)
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -ne 0 ] || chown postgres "$PGDIR"
cleanup() { as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PGDIR"; }
trap cleanup EXIT
as_pg "$PGBIN/initdb" -D "$PGDIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
  -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
export TRAINING_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
for provider in sqlite postgres; do
  BENCH_MODE=resync dotnet run -c Release --no-build --project bench/Reporting.Bench -- \
    "$provider" "$STAFF" "$UNITS" "$ENROLMENTS" "$CERTIFICATES" "$RUNS" | grep -E "^(provider|status backfill|resync)"
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
done
