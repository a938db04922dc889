#!/usr/bin/env bash
# National-scale benchmark (issue 13, item 5): a persistent PostgreSQL cluster on 127.0.0.1:5499 with its data under
# /work/scale-pg (SCALE_DIR), the generated country in database "scale", and the dashboard measurement.
#   bench/scale.sh start                 # creates (first time) and starts the cluster
#   bench/scale.sh generate              # schema + 2,000,000 staff ... (resumable: loaded tables are skipped)
#   bench/scale.sh backfill [--force]    # Reporting's status tables by the module's own backfill (generate runs it once)
#   bench/scale.sh measure [runs]        # cold (after a restart) and warm medians of the dashboards, plans of the slowest
#   bench/scale.sh stop | size
# SCALE_PGEXTRA adds server settings from the next (re)start on, e.g. SCALE_PGEXTRA="-c jit=off" bench/scale.sh measure 10.
# Run as root (the cluster runs as the postgres user, as ./test.sh does) or as the user owning SCALE_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${SCALE_DIR:-/work/scale-pg}
PORT=${SCALE_PORT:-5499}
PGBIN=/usr/lib/postgresql/15/bin
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# Bulk-load settings: fsync off is acceptable for a benchmark database that can be regenerated, never for production.
OPTS="-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=100 -c shared_buffers=1GB -c work_mem=64MB \
 -c maintenance_work_mem=512MB -c max_wal_size=1GB -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
 -c wal_level=minimal -c max_wal_senders=0 ${SCALE_PGEXTRA:-}"
export SCALE_PG=${SCALE_PG:-"Host=127.0.0.1;Port=$PORT;Username=postgres;Database=scale;Command Timeout=0"}
export SCALE_PGLOG="$DIR/log"

start() {
  if [ ! -d "$DIR/data" ]; then
    mkdir -p "$DIR"; [ "$(id -u)" -ne 0 ] || chown postgres "$DIR"
    as_pg "$PGBIN/initdb" -D "$DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  as_pg "$PGBIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1 || as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -o "$OPTS" start >/dev/null
  psql -h 127.0.0.1 -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'scale'" | grep -q 1 \
    || psql -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE scale"
}

bench() {
  dotnet build -c Release bench/Scale -nologo -v q >/dev/null
  dotnet bench/Scale/bin/Release/net10.0/Scale.dll "$@"
}

case "${1:-measure}" in
  start) start ;;
  stop) as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -m fast stop ;;
  size) du -sh "$DIR/data"; psql -h 127.0.0.1 -p "$PORT" -U postgres scale -c \
    "SELECT relname, pg_size_pretty(pg_total_relation_size(oid)) total, reltuples::bigint rows FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY pg_total_relation_size(oid) DESC LIMIT 12" ;;
  generate) start; shift; bench generate "$@" ;;
  backfill) start; shift; bench backfill "$@" ;;
  measure)
    start; shift
    # "Cold": each dashboard's first render follows a restart of the cluster (PostgreSQL's buffers empty; the OS page
    # cache is shared by everyone on this machine and is not dropped).
    export SCALE_RESTART="runuser -u postgres -- $PGBIN/pg_ctl -D $DIR/data -l $DIR/log -w -m fast -o \"$OPTS\" restart >/dev/null"
    [ "$(id -u)" -eq 0 ] || SCALE_RESTART="$PGBIN/pg_ctl -D $DIR/data -l $DIR/log -w -m fast -o \"$OPTS\" restart >/dev/null"
    bench measure "$@" ;;
  *) echo "usage: bench/scale.sh start|stop|size|generate [scale]|backfill [--force]|measure [runs]" >&2; exit 2 ;;
esac
