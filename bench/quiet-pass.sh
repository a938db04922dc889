#!/usr/bin/env bash
# Quiet-machine benchmark pass, wave 3 (the lead runs it on an idle machine). Logs in /tmp/bench3.
set -uo pipefail
cd "$(dirname "$0")/.."
L=/tmp/bench3; mkdir -p $L
stamp() { echo "== $1 $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg) commit $(git rev-parse --short HEAD)"; }
{ stamp media; bench/Media/run.sh; stamp end; } > $L/media.log 2>&1
{ stamp scorm; dotnet run -c Release --project bench/Scorm.Bench; stamp end; } > $L/scorm.log 2>&1
{ stamp markdown; dotnet run -c Release --project bench/Courses.Bench -- markdown; stamp end; } > $L/markdown.log 2>&1
{ stamp audience-sqlite; bench/audience.sh sqlite 20000,100000; stamp audience-pg; bench/audience.sh postgres 20000,100000; stamp end; } > $L/audience.log 2>&1
{ stamp status; bench/status-dashboard.sh; stamp end; } > $L/status.log 2>&1
{ stamp nodes; bench/nodes-lesson.sh 20 5 64; stamp end; } > $L/nodes.log 2>&1
{ stamp scale; bench/scale.sh measure 10; stamp end; } > $L/scale.log 2>&1
echo done > $L/DONE
