#!/usr/bin/env bash
# What sharing state costs (issue 13): the signed-in lesson page through nginx with one node and with two nodes on the
# same PostgreSQL, side by side in one run (alternating rounds, so both see the same machine load).
# Usage: [NODES_PIN=1] [TRACE_DIR=dir] bench/nodes-lesson.sh [seconds per round] [rounds] [connections]
# Needs: Debian's postgresql 15, nginx, wrk. Ports: PG_PORT (5215), NODE_PORT_A/NODE_PORT_B (5209/5210),
# NGINX_PORT_ONE (5211, one node) / NGINX_PORT_TWO (5212, two nodes).
# NODES_PIN=1 adds a third variant in every round: two more nodes C and D (NODE_PORT_C/NODE_PORT_D, 5213/5214) on the
# same database, each started on a core of its own (`taskset -c 0`, `taskset -c 1`: each runtime then sizes its GC
# and thread pool for one core), behind NGINX_PORT_PINNED (5216). That emulates each node on its own machine on this
# machine's cores; PostgreSQL, nginx and wrk still float over both cores, and the one-node variant (node A) is not
# pinned. The unpinned two-node variant (A and B sharing both cores) is measured and reported as before.
# TRACE_DIR=dir adds a round 0, not counted, during which every serving node is traced into dir (stack samples with
# dotnet-trace's dotnet-sampled-thread-time profile, runtime counters with dotnet-counters; both tools in /tmp/tools).
# Every round prints, per variant, the CPU per request of each process and the database statements per request
# (pg_stat_statements), the most direct measure of what coordination between nodes costs.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_RUN=${1:-20}
ROUNDS=${2:-3}
CONNECTIONS=${3:-64}
PG_PORT=${PG_PORT:-5215}
A=${NODE_PORT_A:-5209}; B=${NODE_PORT_B:-5210}; ONE=${NGINX_PORT_ONE:-5211}; TWO=${NGINX_PORT_TWO:-5212}
C=${NODE_PORT_C:-5213}; D=${NODE_PORT_D:-5214}; PINNED=${NGINX_PORT_PINNED:-5216}
PIN=${NODES_PIN:-}; [ "$PIN" = 0 ] && PIN=
[ -z "${TRACE_DIR:-}" ] || { mkdir -p "$TRACE_DIR"; [ -x /tmp/tools/dotnet-trace ] || { echo "dotnet-trace is missing in /tmp/tools"; exit 1; }; }
PGBIN=/usr/lib/postgresql/15/bin
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
WORK=$(mktemp -d /tmp/nodes-bench.XXXXXX)
chmod 777 "$WORK"
PIDS=()
declare -A NODE_PID VARIANT_NODES VARIANT_PORT
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
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all" start >/dev/null
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qAt -c "create extension if not exists pg_stat_statements" >/dev/null

dotnet build -c Release src/TrainingSite -v q -nologo >/dev/null
DLL=$ROOT/src/TrainingSite/bin/Release/net10.0/TrainingSite.dll
export ASPNETCORE_ENVIRONMENT=Testing Database__Provider=Postgres LegalLibrary__AutoImport=false Reminders__Enabled=false
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
export Training__KnownProxies=127.0.0.1 Logging__LogLevel__Default=Warning Training__PublicBaseUrl=http://127.0.0.1:$ONE
start_node() { # port seed [core]
  mkdir -p "$WORK/node$1"
  local pin=(); [ -n "${3:-}" ] && pin=(taskset -c "$3")
  Training__DataPath="$WORK/node$1" Training__SeedDemo=$2 "${pin[@]}" dotnet "$DLL" --urls "http://127.0.0.1:$1" >"$WORK/node$1.log" 2>&1 &
  PIDS+=($!); NODE_PID[$1]=$!
  for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$1/health" >/dev/null && return; sleep 1; done
  echo "node $1 did not start"; cat "$WORK/node$1.log"; exit 1
}
start_node "$A" true
start_node "$B" false
NODE_NAMES="A B"; VARIANTS="one two"
VARIANT_NODES[one]=$A; VARIANT_NODES[two]="$A $B"; VARIANT_PORT[one]=$ONE; VARIANT_PORT[two]=$TWO
if [ -n "$PIN" ]; then
  start_node "$C" false 0
  start_node "$D" false 1
  NODE_NAMES="A B C D"; VARIANTS="one two pinned"; VARIANT_NODES[pinned]="$C $D"; VARIANT_PORT[pinned]=$PINNED
fi

# nginx: the deployed configuration twice, one upstream with node A only, one with both nodes (and with NODES_PIN=1 a
# third, with the pinned nodes C and D).
python3 - "$ROOT/deploy/nginx/training.conf" "$WORK" "$A" "$B" "$ONE" "$TWO" "$PIN" "$C" "$D" "$PINNED" >"$WORK/nginx.conf" <<'PY'
import re, sys
site, work = open(sys.argv[1]).read(), sys.argv[2]
a, b, one, two, pin, c, d, pinned = sys.argv[3:11]
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
{variant("two_pinned_nodes", pinned, [c, d]) if pin else ""}
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
for port in $ONE $TWO $([ -n "$PIN" ] && echo "$PINNED"); do
  status=$(curl -s -o "$WORK/page.html" -w '%{http_code}' -H "Cookie: $COOKIE" "http://127.0.0.1:$port$URL_PATH")
  [ "$status" = 200 ] || { echo "lesson page answered $status on $port"; exit 1; }
done
echo "== lesson page $URL_PATH ($(wc -c <"$WORK/page.html") bytes), signed in as learner"
# Warm-up: each node directly for the same time (node A seeded the demo and would otherwise be warmer than B: its
# JIT tiers and caches would make the comparison one of warm-up, not of coordination), then each variant.
wrk -t2 -c"$CONNECTIONS" -d10s -H "Cookie: $COOKIE" "http://127.0.0.1:$A$URL_PATH" >/dev/null
for port in $B $([ -n "$PIN" ] && echo "$C $D"); do
  wrk -t2 -c"$CONNECTIONS" -d10s -H "Cookie: $COOKIE" "http://127.0.0.1:$port$URL_PATH" >/dev/null
done
for v in $VARIANTS; do wrk -t2 -c"$CONNECTIONS" -d5s -H "Cookie: $COOKIE" "http://127.0.0.1:${VARIANT_PORT[$v]}$URL_PATH" >/dev/null; done

# CPU time (clock ticks) of each node, PostgreSQL (postmaster, its live backends and the ones it reaped) and nginx,
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
cpu_now() {
  local out="" p
  for p in "${PIDS[@]}"; do out+="$(ticks "$p") "; done
  echo "$out$(ticks "$PG_PID") $(ticks "$NGINX_PID") $(opens)"
}
HZ=$(getconf CLK_TCK)
cpu_per_request() { # before after requests -> CPU ms per request of each node, PostgreSQL, nginx; opens per request
  python3 -c "
import sys
b, a, n, hz, names = sys.argv[1].split(), sys.argv[2].split(), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5].split()
ms = [(int(y) - int(x)) * 1000 / hz / n for x, y in zip(b[:-1], a[:-1])]
print(' '.join(f'{k} {v:.3f}' for k, v in zip(names, ms)) + f' nodes {sum(ms[:len(names) - 2]):.3f} opens/req {(int(a[-1]) - int(b[-1])) / n:.3f}')
" "$1" "$2" "$3" "$HZ" "$NODE_NAMES PG nginx"
}
# Database statements per request (pg_stat_statements: every statement of every client, both nodes' request path and
# their background work), reset before each variant's round: the most direct measure of coordination cost.
stmts_reset() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qAt -c "select pg_stat_statements_reset()" >/dev/null; }
stmts_take() { # file: calls and total execution ms per statement since the last reset, then reset
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -At -F $'\t' -c "select calls, round(total_exec_time::numeric, 1),
    left(regexp_replace(query, '\s+', ' ', 'g'), 150) from pg_stat_statements where query not like '%pg_stat_statements%'
    order by calls desc" >"$1"
  stmts_reset
}
stmts_per_request() { awk -F'\t' -v n="$2" '{s += $1; t += $2} END {printf "%.3f (%.3f ms executing)", s / n, t / n}' "$1"; }
trace_variant() { # variant seconds: a stack-sampling trace and the runtime's counters of each node serving the variant
  local port
  for port in ${VARIANT_NODES[$1]}; do
    /tmp/tools/dotnet-trace collect -p "${NODE_PID[$port]}" --profile dotnet-sampled-thread-time --duration "00:00:00:$2" \
      -o "$TRACE_DIR/$1-node$port.nettrace" >"$TRACE_DIR/$1-node$port.trace.log" 2>&1 &
    /tmp/tools/dotnet-counters collect -p "${NODE_PID[$port]}" --counters System.Runtime,Microsoft.AspNetCore.Hosting \
      --duration "00:00:00:$2" -o "$TRACE_DIR/$1-node$port.counters.csv" >"$TRACE_DIR/$1-node$port.counters.log" 2>&1 &
  done
  sleep 1
}
run_variant() { # variant round -> wrk output in $WORK/wrk-variant-round, CPU and statements appended to $WORK/cpu
  local c0 c1 out
  stmts_reset
  c0=$(cpu_now)
  [ "$2" = 0 ] && trace_variant "$1" "$SECONDS_RUN"
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --latency -H "Cookie: $COOKIE" "http://127.0.0.1:${VARIANT_PORT[$1]}$URL_PATH" >"$WORK/wrk-$1-$2"
  c1=$(cpu_now)
  stmts_take "$WORK/stmts-$1-$2"
  n=$(awk '/requests in/ {print $1}' "$WORK/wrk-$1-$2")
  echo "round $2 $1: cpu ms/req $(cpu_per_request "$c0" "$c1" "$n"); statements/req $(stmts_per_request "$WORK/stmts-$1-$2" "$n")" >>"$WORK/cpu"
}

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
HEADER="round one_node_rps two_nodes_rps ratio"
[ -n "$PIN" ] && HEADER+=" pinned_rps pinned_ratio"
echo "$HEADER one_p99 two_p99$([ -n "$PIN" ] && echo " pinned_p99") non2xx"
FIRST=1; [ -n "${TRACE_DIR:-}" ] && FIRST=0  # round 0: traced, not counted
for round in $(seq "$FIRST" "$ROUNDS"); do
  for v in $VARIANTS; do run_variant "$v" "$round"; done
  [ "$round" = 0 ] && { wait; continue; }
  rps() { awk '/Requests\/sec/ {print $2}' "$WORK/wrk-$1-$round"; }
  p99() { awk '$1=="99%" {print $2}' "$WORK/wrk-$1-$round"; }
  line="$round $(rps one) $(rps two) $(python3 -c "print(f'{$(rps two)/$(rps one):.3f}')")"
  [ -n "$PIN" ] && line+=" $(rps pinned) $(python3 -c "print(f'{$(rps pinned)/$(rps one):.3f}')")"
  line+=" $(p99 one) $(p99 two)"; [ -n "$PIN" ] && line+=" $(p99 pinned)"
  echo "$line $(cat "$WORK"/wrk-*-"$round" | awk '/Non-2xx/ {s+=$NF} END {print s+0}')"
done | tee "$WORK/rounds"
python3 - "$WORK/rounds" "$PIN" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l[0].isdigit()]
med = lambda i: statistics.median(float(r[i]) for r in rows)
print(f"median one node {med(1):.1f} req/s, two nodes {med(2):.1f} req/s, median of per-round ratios {med(3):.3f} (unpinned: both nodes share both cores)")
if sys.argv[2]:
    print(f"median two pinned nodes {med(4):.1f} req/s, median of per-round ratios {med(5):.3f} (pinned: each node on a core of its own, as on its own machine; the one node is not pinned)")
PY
echo "== per round and variant: CPU ms per request (each node, PostgreSQL, nginx; nodes = all nodes together), TCP"
echo "   connections opened per request, database statements per request:"
cat "$WORK/cpu"
python3 - "$WORK/cpu" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    m = re.match(r"round (\d+) (\w+): cpu ms/req (.*) nodes ([\d.]+) .*statements/req ([\d.]+)", line)
    if not m or m.group(1) == "0": continue
    pg = float(re.search(r"PG ([\d.]+)", m.group(3)).group(1))
    rows.setdefault(m.group(2), []).append((float(m.group(4)), pg, float(m.group(5))))
for v, r in rows.items():
    print(f"== {v}: median CPU ms per request, nodes together {statistics.median(x[0] for x in r):.3f}, PostgreSQL "
          f"{statistics.median(x[1] for x in r):.3f}; median statements per request {statistics.median(x[2] for x in r):.3f}")
PY
echo "== statements of the last round, one-node then two-node variant (calls, total ms, statement), top 12:"
head -12 "$WORK/stmts-one-$ROUNDS" | sed 's/^/one /'; head -12 "$WORK/stmts-two-$ROUNDS" | sed 's/^/two /'
[ -n "${KEEP_STATEMENTS:-}" ] && cp "$WORK"/stmts-* "$WORK/cpu" "$KEEP_STATEMENTS"/ 2>/dev/null || true
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
