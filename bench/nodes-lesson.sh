#!/usr/bin/env bash
# What sharing state costs (issue 13): the signed-in lesson page through nginx with one node and with two nodes on the
# same PostgreSQL, side by side in one run (alternating rounds, so both see the same machine load).
# Usage: bench/nodes-lesson.sh [seconds per round] [rounds] [connections]
# Needs: Debian's postgresql 15, nginx, wrk. Ports: PG_PORT (5215), nodes 5209/5210, nginx 5211 (one) / 5212 (two).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_RUN=${1:-20}
ROUNDS=${2:-3}
CONNECTIONS=${3:-64}
PG_PORT=${PG_PORT:-5215}
PGBIN=/usr/lib/postgresql/15/bin
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
WORK=$(mktemp -d /tmp/nodes-bench.XXXXXX)
chmod 777 "$WORK"
PIDS=()
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== PostgreSQL on 127.0.0.1:$PG_PORT"
mkdir -p "$WORK/pg" && { [ "$(id -u)" -ne 0 ] || chown postgres "$WORK/pg"; }
as_pg "$PGBIN/initdb" -D "$WORK/pg" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null

dotnet build -c Release src/TrainingSite -v q -nologo >/dev/null
DLL=$ROOT/src/TrainingSite/bin/Release/net10.0/TrainingSite.dll
export ASPNETCORE_ENVIRONMENT=Testing Database__Provider=Postgres LegalLibrary__AutoImport=false Reminders__Enabled=false
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
export Training__KnownProxies=127.0.0.1 Logging__LogLevel__Default=Warning Training__PublicBaseUrl=http://127.0.0.1:5211
start_node() { # port seed
  mkdir -p "$WORK/node$1"
  Training__DataPath="$WORK/node$1" Training__SeedDemo=$2 dotnet "$DLL" --urls "http://127.0.0.1:$1" >"$WORK/node$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$1/health" >/dev/null && return; sleep 1; done
  echo "node $1 did not start"; cat "$WORK/node$1.log"; exit 1
}
start_node 5209 true
start_node 5210 false

# nginx: the deployed configuration twice, one upstream with node 5209 only, one with both nodes.
python3 - "$ROOT/deploy/nginx/training.conf" "$WORK" >"$WORK/nginx.conf" <<'PY'
import re, sys
site, work = open(sys.argv[1]).read(), sys.argv[2]
site = re.sub(r"\n\s*server 10\.[^\n]*", "", site)
def variant(name, port, nodes):
    s = site.replace("upstream training_nodes {", "upstream %s {" % name + "".join(f"\n    server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;" for p in nodes))
    s = s.replace("http://training_nodes", "http://" + name)
    return re.sub(r"listen 80;", f"listen 127.0.0.1:{port};", s)
print(f"""daemon on; worker_processes 1; pid {work}/nginx.pid; error_log {work}/nginx-error.log warn;
events {{ worker_connections 4096; }}
http {{ access_log off; client_body_temp_path {work}/body; proxy_temp_path {work}/proxy; fastcgi_temp_path {work}/proxy;
uwsgi_temp_path {work}/proxy; scgi_temp_path {work}/proxy;
{variant("one_node", 5211, [5209])}
{variant("two_nodes", 5212, [5209, 5210])}
}}""")
PY
/usr/sbin/nginx -p "$WORK" -c "$WORK/nginx.conf"

# The learner signs in (through nginx) and opens a lesson of a course (enrolled first when needed).
JAR=$WORK/cookies
TOKEN=$(curl -fs -c "$JAR" -b "$JAR" http://127.0.0.1:5211/account/login | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "UserName=learner" --data-urlencode "Password=Training@2026" \
  --data-urlencode "__RequestVerificationToken=$TOKEN" http://127.0.0.1:5211/account/login
read -r CODE LESSON < <(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -At -F ' ' -c "
  select v.\"Code\", l.\"Id\" from courses_courses c join courses_versions v on v.\"Id\" = c.\"PublishedVersionId\"
  join courses_version_lessons l on l.\"VersionId\" = v.\"Id\" order by v.\"Code\", l.\"Number\" limit 1")
TOKEN=$(curl -fs -c "$JAR" -b "$JAR" "http://127.0.0.1:5211/courses/$CODE" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "__RequestVerificationToken=$TOKEN" "http://127.0.0.1:5211/courses/$CODE?handler=Enrol" || true
COOKIE=$(awk '!/^#/ && NF>=7 {printf "%s=%s; ", $6, $7} /^#HttpOnly_/ {sub("#HttpOnly_",""); printf "%s=%s; ", $6, $7}' "$JAR")
URL_PATH="/courses/$CODE/lessons/$LESSON"
for port in 5211 5212; do
  status=$(curl -s -o "$WORK/page.html" -w '%{http_code}' -H "Cookie: $COOKIE" "http://127.0.0.1:$port$URL_PATH")
  [ "$status" = 200 ] || { echo "lesson page answered $status on $port"; exit 1; }
done
echo "== lesson page $URL_PATH ($(wc -c <"$WORK/page.html") bytes), signed in as learner"
wrk -t2 -c"$CONNECTIONS" -d5s -H "Cookie: $COOKIE" "http://127.0.0.1:5211$URL_PATH" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s -H "Cookie: $COOKIE" "http://127.0.0.1:5212$URL_PATH" >/dev/null

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
echo "round one_node_rps two_nodes_rps ratio one_p99 two_p99 non2xx"
for round in $(seq 1 "$ROUNDS"); do
  one=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --latency -H "Cookie: $COOKIE" "http://127.0.0.1:5211$URL_PATH")
  two=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --latency -H "Cookie: $COOKIE" "http://127.0.0.1:5212$URL_PATH")
  r1=$(echo "$one" | awk '/Requests\/sec/ {print $2}'); r2=$(echo "$two" | awk '/Requests\/sec/ {print $2}')
  p1=$(echo "$one" | awk '$1=="99%" {print $2}'); p2=$(echo "$two" | awk '$1=="99%" {print $2}')
  bad=$( (echo "$one"; echo "$two") | awk '/Non-2xx/ {s+=$NF} END {print s+0}')
  echo "$round $r1 $r2 $(python3 -c "print(f'{$r2/$r1:.3f}')") $p1 $p2 $bad"
done | tee "$WORK/rounds"
python3 - "$WORK/rounds" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l[0].isdigit()]
one = statistics.median(float(r[1]) for r in rows); two = statistics.median(float(r[2]) for r in rows)
ratios = statistics.median(float(r[3]) for r in rows)
print(f"median one node {one:.1f} req/s, two nodes {two:.1f} req/s, median of per-round ratios {ratios:.3f}")
PY
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
