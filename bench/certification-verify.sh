#!/usr/bin/env bash
# Load test of the public verification page: 200 concurrent connections on /verify/{code} (wrk), plus the bulk
# issuance timing of the certificates it verifies. Usage: bench/certification-verify.sh [certificates] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-10000}
SECONDS_RUN=${2:-30}
PORT=${PORT:-5089}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
DATA=$(mktemp -d /tmp/cert-bench.XXXXXX)
trap 'kill $SITE 2>/dev/null || true; rm -rf "$DATA"' EXIT
dotnet build -c Release src/TrainingSite -v q -nologo >/dev/null
DLL=src/TrainingSite/bin/Release/net10.0/TrainingSite.dll
export Training__DataPath="$DATA" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning LegalLibrary__AutoImport=false
echo "== bulk issuance of $COUNT certificates (SQLite, PDFs written and hashed)"
/usr/bin/time -f "wall %e s, max RSS %M KB" dotnet "$DLL" issue-bulk --programme CT-KPL --synthetic "$COUNT" --batch 200
dotnet "$DLL" check-certificates
CODES=$(python3 - "$DATA/training.db" <<'PY'
import sqlite3, sys
rows = sqlite3.connect(sys.argv[1]).execute("select VerificationCode from cert_certificates order by random() limit 1").fetchall()
for (v,) in rows: print(f"{v[:4]}-{v[4:8]}-{v[8:12]}-{v[12:]}")
PY
)
CODE=$(echo "$CODES" | head -1)
Certification__VerifyPermitsPerMinute=1000000000 ASPNETCORE_URLS="http://127.0.0.1:$PORT" dotnet "$DLL" >/dev/null 2>&1 &
SITE=$!
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 1; done
curl -fs "http://127.0.0.1:$PORT/verify/$CODE" | grep -o 'data-status="[a-z]*"'
# The bulk run leaves one CertificateIssued event per certificate for the site to deliver (reminders, reports): let the
# site drain that backlog first, so the load test measures the page and not the backlog running beside it.
START=$(date +%s)
for _ in $(seq 1 600); do
  LEFT=$(python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(sum(c.execute(f'select count(*) from {t} where ProcessedAt is null').fetchone()[0] for t in ('cert_outbox','rpt_outbox','courses_outbox')))" "$DATA/training.db")
  [ "$LEFT" = 0 ] && break; sleep 1
done
echo "== outbox backlog delivered in $(( $(date +%s) - START )) s (undelivered: $LEFT)"
echo "== warm-up"
wrk -t2 -c50 -d5s "http://127.0.0.1:$PORT/verify/$CODE" >/dev/null
echo "== load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== wrk -t2 -c200 -d${SECONDS_RUN}s --latency /verify/$CODE"
wrk -t2 -c200 -d"${SECONDS_RUN}s" --latency "http://127.0.0.1:$PORT/verify/$CODE"
echo "== reference in the same run: trivial endpoint, wrk -t2 -c200 -d10s --latency /api/courses/ping"
wrk -t2 -c200 -d10s --latency "http://127.0.0.1:$PORT/api/courses/ping" | grep -E "Requests/sec|99%|Non-2xx|Socket errors"
