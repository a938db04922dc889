#!/usr/bin/env bash
# Runs every test of Training.sln: unit, functional, PostgreSQL-backed and Playwright.
# Installs what the tests need when missing (Debian chromium, postgresql, nginx, fonts, poppler-utils),
# starts a throwaway PostgreSQL cluster on a free loopback port and stops it on exit.
# With arguments, runs only `dotnet test -c Release <args>` on the same servers, for day-to-day work:
#   ./test.sh tests/Organisation.Tests --filter RosterImport
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
[ -d /usr/share/fonts/truetype/noto ] || need+=(fonts-noto-core)
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu-core)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
[ -x /usr/sbin/nginx ] || need+=(nginx)
if [ ${#need[@]} -gt 0 ]; then
  echo "test.sh: installing ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  # Installing nginx must not start Debian's default site on port 80: the tests start their own nginx on loopback.
  norc=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    norc=1; printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null; $SUDO chmod +x /usr/sbin/policy-rc.d
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  [ -z "$norc" ] || $SUDO rm -f /usr/sbin/policy-rc.d
fi
# The several-node tests start nginx (deploy/nginx/training.conf) on a free loopback port in front of the site processes.
export TRAINING_TEST_NGINX=/usr/sbin/nginx

# Throwaway PostgreSQL cluster, owned by the postgres user, bound to 127.0.0.1 on a free port.
PGBIN=/usr/lib/postgresql/15/bin
PGDIR=$(mktemp -d /tmp/training-pg.XXXXXX)
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  chown postgres "$PGDIR"
fi
cleanup() {
  as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap cleanup EXIT
as_pg "$PGBIN/initdb" -D "$PGDIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
  -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
export TRAINING_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20"
echo "test.sh: PostgreSQL on 127.0.0.1:$PGPORT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH=/usr/bin/chromium
dotnet tool restore >/dev/null
if [ $# -gt 0 ]; then
  dotnet test -c Release "$@"
  exit $?
fi
dotnet build Training.sln -c Release -nologo -v q

RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
status=0
dotnet test Training.sln -c Release --no-build --logger "trx" --results-directory "$RESULTS" -- RunConfiguration.TreatNoTestsAsError=true || status=$?

# One closing line for the whole run, summed from the TRX files.
python3 - "$RESULTS" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout"))
    skipped += int(c.get("notExecuted"))
print(f"Total: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
