#!/usr/bin/env bash
# Bulk assignment benchmark (issue 10, item 9) on SQLite and PostgreSQL: timings with a learner writing meanwhile,
# then kill -9 in the middle of the write. PostgreSQL is a throwaway cluster on a free loopback port, as in test.sh.
# Usage: bench/Courses/assign.sh [people=40000] [runs=3]
set -euo pipefail
cd "$(dirname "$0")/../.."
PEOPLE=${1:-40000}
RUNS=${2:-3}
PGBIN=/usr/lib/postgresql/15/bin
PGDIR=$(mktemp -d /tmp/courses-bench-pg.XXXXXX)
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$PGDIR"
trap 'as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PGDIR"' EXIT
as_pg "$PGBIN/initdb" -D "$PGDIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1" start >/dev/null
export TRAINING_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20"
dotnet build bench/Courses.Bench -c Release -nologo -v q >/dev/null
run() { dotnet run -c Release --no-build --project bench/Courses.Bench -- "$@" 2>&1 | grep -v '^\(info\|warn\|dbug\):\|^      '; }
echo "load before: $(cat /proc/loadavg)"
for provider in sqlite postgres; do
  run timing "$provider" "$PEOPLE" "$RUNS"
  run kill "$provider" "$PEOPLE" 5
done
echo "load after: $(cat /proc/loadavg)"
