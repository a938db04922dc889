#!/usr/bin/env bash
# What sharing state costs (issue 13): the signed-in lesson page through nginx with one node and with two nodes on the
# same PostgreSQL, side by side in one run (alternating rounds, so both see the same machine load).
# Usage: bench/nodes-lesson.sh [seconds per round] [rounds] [connections]
# Needs: Debian's postgresql 15, nginx, wrk. Ports: PG_PORT (5215), NODE_PORT_A/NODE_PORT_B (5209/5210),
# NGINX_PORT_ONE (5211, one node) / NGINX_PORT_TWO (5212, two nodes).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_RUN=${1:-20}
ROUNDS=${2:-3}
CONNECTIONS=${3:-64}
PG_PORT=${PG_PORT:-5215}
A=${NODE_PORT_A:-5209}; B=${NODE_PORT_B:-5210}; ONE=${NGINX_PORT_ONE:-5211}; TWO=${NGINX_PORT_TWO:-5212}
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
export Training__KnownProxies=127.0.0.1 Logging__LogLevel__Default=Warning Training__PublicBaseUrl=http://127.0.0.1:$ONE
start_node() { # port seed
  mkdir -p "$WORK/node$1"
  Training__DataPath="$WORK/node$1" Training__SeedDemo=$2 dotnet "$DLL" --urls "http://127.0.0.1:$1" >"$WORK/node$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$1/health" >/dev/null && return; sleep 1; done
  echo "node $1 did not start"; cat "$WORK/node$1.log"; exit 1
}
start_node "$A" true
start_node "$B" false

# nginx: the deployed configuration twice, one upstream with node A only, one with both nodes.
python3 - "$ROOT/deploy/nginx/training.conf" "$WORK" "$A" "$B" "$ONE" "$TWO" >"$WORK/nginx.conf" <<'PY'
import re, sys
site, work = open(sys.argv[1]).read(), sys.argv[2]
a, b, one, two = sys.argv[3:7]
site = re.sub(r"\n\s*server 10\.[^\n]*", "", site)
def variant(name, port, nodes):
    s = site.replace("upstream training_nodes {", "upstream %s {" % name + "".join(f"\n    server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;" for p in nodes))
    s = s.replace("http://training_nodes", "http://" + name)
    return re.sub(r"listen 80;", f"listen 127.0.0.1:{port};", s)
print(f"""daemon on; worker_processes 1; pid {work}/nginx.pid; error_log {work}/nginx-error.log warn;
events {{ worker_connections 4096; }}
http {{ access_log off; client_body_temp_path {work}/body; proxy_temp_path {work}/proxy; fastcgi_temp_path {work}/proxy;
uwsgi_temp_path {work}/proxy; scgi_temp_path {work}/proxy;
{variant("one_node", one, [a])}
{variant("two_nodes", two, [a, b])}
}}""")
PY
/usr/sbin/nginx -p "$WORK" -c "$WORK/nginx.conf"

# The learner signs in (through nginx) and opens a lesson of a course (enrolled first when needed).
JAR=$WORK/cookies
TOKEN=$(curl -fs -c "$JAR" -b "$JAR" http://127.0.0.1:$ONE/account/login | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "UserName=learner" --data-urlencode "Password=Training@2026" \
  --data-urlencode "__RequestVerificationToken=$TOKEN" http://127.0.0.1:$ONE/account/login
read -r CODE LESSON < <(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -At -F ' ' -c "
  select v.\"Code\", l.\"Id\" from courses_courses c join courses_versions v on v.\"Id\" = c.\"PublishedVersionId\"
  join courses_version_lessons l on l.\"VersionId\" = v.\"Id\" order by v.\"Code\", l.\"Number\" limit 1")
TOKEN=$(curl -fs -c "$JAR" -b "$JAR" "http://127.0.0.1:$ONE/courses/$CODE" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "__RequestVerificationToken=$TOKEN" "http://127.0.0.1:$ONE/courses/$CODE?handler=Enrol" || true
COOKIE=$(awk '!/^#/ && NF>=7 {printf "%s=%s; ", $6, $7} /^#HttpOnly_/ {sub("#HttpOnly_",""); printf "%s=%s; ", $6, $7}' "$JAR")
URL_PATH="/courses/$CODE/lessons/$LESSON"
for port in $ONE $TWO; do
  status=$(curl -s -o "$WORK/page.html" -w '%{http_code}' -H "Cookie: $COOKIE" "http://127.0.0.1:$port$URL_PATH")
  [ "$status" = 200 ] || { echo "lesson page answered $status on $port"; exit 1; }
done
echo "== lesson page $URL_PATH ($(wc -c <"$WORK/page.html") bytes), signed in as learner"
# Warm-up: each node directly for the same time (node A seeded the demo and would otherwise be warmer than B: its
# JIT tiers and caches would make the comparison one of warm-up, not of coordination), then each variant.
wrk -t2 -c"$CONNECTIONS" -d10s -H "Cookie: $COOKIE" "http://127.0.0.1:$A$URL_PATH" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d10s -H "Cookie: $COOKIE" "http://127.0.0.1:$B$URL_PATH" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s -H "Cookie: $COOKIE" "http://127.0.0.1:$ONE$URL_PATH" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s -H "Cookie: $COOKIE" "http://127.0.0.1:$TWO$URL_PATH" >/dev/null

# CPU time (clock ticks) of node A, node B, PostgreSQL (postmaster, its live backends and the ones it reaped) and nginx,
# so each round also says where the CPU went per request.
ticks() { # pid... -> own + reaped children's ticks, plus live children's own ticks
  local t=0 p c
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] || continue
    t=$((t + $(awk '{sub(/^.*\) /, ""); print $12 + $13 + $14 + $15}' "/proc/$p/stat")))
    for c in $(pgrep -P "$p" || true); do
      [ -r "/proc/$c/stat" ] && t=$((t + $(awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$c/stat")))
    done
  done
  echo "$t"
}
PG_PID=$(head -1 "$WORK/pg/postmaster.pid"); NGINX_PID=$(cat "$WORK/nginx.pid")
# Plus TCP connections opened on the machine (all of loopback: nginx to the nodes, the nodes to PostgreSQL, others' too).
opens() { awk '/^Tcp:/ { if (h) print $6; h = 1 }' /proc/net/snmp; }
cpu_now() { echo "$(ticks "${PIDS[0]}") $(ticks "${PIDS[1]}") $(ticks "$PG_PID") $(ticks "$NGINX_PID") $(opens)"; }
HZ=$(getconf CLK_TCK)
cpu_per_request() { # before after requests -> CPU ms per request: node A, node B, PostgreSQL, nginx
  python3 -c "import sys; b, a, n, hz = sys.argv[1].split(), sys.argv[2].split(), float(sys.argv[3]), float(sys.argv[4]); print(' '.join([f'{(int(y) - int(x)) * 1000 / hz / n:.3f}' for x, y in zip(b[:4], a[:4])] + [f'opens/req {(int(a[4]) - int(b[4])) / n:.3f}']))" "$1" "$2" "$3" "$HZ"
}

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
echo "round one_node_rps two_nodes_rps ratio one_p99 two_p99 non2xx"
for round in $(seq 1 "$ROUNDS"); do
  c0=$(cpu_now)
  one=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --latency -H "Cookie: $COOKIE" "http://127.0.0.1:$ONE$URL_PATH")
  c1=$(cpu_now)
  two=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --latency -H "Cookie: $COOKIE" "http://127.0.0.1:$TWO$URL_PATH")
  c2=$(cpu_now)
  n1=$(echo "$one" | awk '/requests in/ {print $1}'); n2=$(echo "$two" | awk '/requests in/ {print $1}')
  echo "cpu one $(cpu_per_request "$c0" "$c1" "$n1") two $(cpu_per_request "$c1" "$c2" "$n2")" >>"$WORK/cpu"
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
echo "== CPU ms per request (node A, node B, PostgreSQL, nginx), one-node round then two-node round:"
cat "$WORK/cpu"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
