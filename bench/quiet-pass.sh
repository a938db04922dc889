#!/usr/bin/env bash
# Quiet-machine benchmark pass (the lead runs it on an idle machine after a merge). Logs in /tmp/bench4.
# Wave 4 re-measures what wave 4 changed: the streamed roster sync (issue 11), the nginx settings of the two-node
# run and the daily status re-sync (issue 13). Wave 3's pass (media, SCORM, Markdown, status dashboard, national
# scale) is in git history and docs/benchmarks.md.
set -uo pipefail
cd "$(dirname "$0")/.."
L=/tmp/bench4; mkdir -p $L
stamp() { echo "== $1 $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg) commit $(git rev-parse --short HEAD)"; }
{ stamp audience-sqlite; bench/audience.sh sqlite 20000,100000; stamp audience-pg; bench/audience.sh postgres 20000,100000; stamp end; } > $L/audience.log 2>&1
{ stamp nodes; bench/nodes-lesson.sh 20 5 64; stamp end; } > $L/nodes.log 2>&1
{ stamp resync; bench/status-resync.sh 50000 500 10000 150000; stamp end; } > $L/resync.log 2>&1
echo done > $L/DONE
