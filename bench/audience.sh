#!/usr/bin/env bash
# Audience benchmark (issue 11): roster sync of N staff with 5 % changed through POST /api/roster, then the evaluation
# of every audience, while a learner writes. Prints total, sync, evaluation, peak memory, learner writes, p99 and the
# largest/smallest ratios. Usage: bench/audience.sh sqlite|postgres [sizes, default 20000,100000] [runs per size, default 1]
# For postgres it starts a throwaway PostgreSQL 15 cluster exactly as test.sh does (fsync off), and stops it on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
PROVIDER=${1:-sqlite}
SIZES=${2:-20000,100000}
RUNS=${3:-1}
dotnet build -c Release bench/Organisation.Bench -v q -nologo >/dev/null
if [ "$PROVIDER" = postgres ] && [ -z "${TRAINING_TEST_POSTGRES:-}" ]; then
  PGBIN=/usr/lib/postgresql/15/bin
  PGDIR=$(mktemp -d /tmp/audience-pg.XXXXXX)
  PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  [ "$(id -u)" -ne 0 ] || chown postgres "$PGDIR"
  trap 'as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PGDIR"' EXIT
  as_pg "$PGBIN/initdb" -D "$PGDIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
    -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  export TRAINING_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20"
fi
dotnet run -c Release --no-build --project bench/Organisation.Bench -- audience "$PROVIDER" "$SIZES" "$RUNS"
