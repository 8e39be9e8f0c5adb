#!/usr/bin/env bash
# Fault campaign 4 (issue 13): a mixed soak — CLIENTS clients (default 32) for SOAK_S seconds (default 600) sending
# reads (person with a purpose, case search, family, executability, timeline, notes, task queue) and writes (case
# note, task) to `caseops serve --demo` (-Xmx512m). Goal: 0 errors (every answer the expected status within 30 s),
# /actuator/health UP at every check (once a second), heap flat: the heap live after a full GC at the end within
# 25 % of the same figure after warm-up, sampled with `jcmd PID GC.heap_info` every HEAP_EVERY_S (default 10) s.
#
#   SOAK_S=600 bench/faults/soak.sh        (or bench/run.sh faults-soak)
#
# Environment: SOAK_S=600 CLIENTS=32 WARMUP_S=30 HEAP_EVERY_S=10
# Output: bench/out/faults/soak/{soak.tsv,heap.tsv,errors.tsv,health-not-up.txt,summary.txt,machine.txt,server.log}.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SOAK_S=${SOAK_S:-600}
CLIENTS=${CLIENTS:-32}
WARMUP_S=${WARMUP_S:-30}
HEAP_EVERY_S=${HEAP_EVERY_S:-10}
PASSWORD=fault-campaign-password-2019
dir="$OUT/soak"
export CASEOPS_HOME="$WORK/soak-home"
export CASEOPS_DEMO_PASSWORD=$PASSWORD
SAMPLER_PID=

cleanup() {
    [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
    stop_server
}
trap cleanup EXIT

rm -rf "$dir" "$CASEOPS_HOME"
mkdir -p "$dir" "$CASEOPS_HOME"
build_jar
command -v jcmd >/dev/null || { echo "needs jcmd (a JDK)" >&2; exit 2; }
machine_info "$dir/machine.txt"
start_server "$dir/server.log" --demo

heap_used_kb() {  # "used" of the whole heap, from jcmd GC.heap_info
    jcmd "$SERVER_PID" GC.heap_info 2>/dev/null | awk '/heap/ && /used/ { for (i = 1; i <= NF; i++) if ($i == "used") { gsub(/[^0-9]/, "", $(i + 1)); print $(i + 1); exit } }'
}
live_after_full_gc_kb() {
    jcmd "$SERVER_PID" GC.run >/dev/null 2>&1
    heap_used_kb
}

printf 'seconds\theap_used_kb\n' >"$dir/heap.tsv"
(
    t0=$(date +%s)
    while sleep "$HEAP_EVERY_S"; do
        printf '%s\t%s\n' "$(( $(date +%s) - t0 ))" "$(heap_used_kb)" >>"$dir/heap.tsv"
    done
) &
SAMPLER_PID=$!

java -Xmx256m "$FAULTS_DIR/FaultClients.java" soak "http://localhost:$HTTP_PORT" "$PASSWORD" "$CLIENTS" "$dir" \
    "$SOAK_S" >"$dir/clients.log" 2>&1 &
clients=$!
sleep "$WARMUP_S"
live_start=$(live_after_full_gc_kb)
log "soak: $CLIENTS clients for $SOAK_S s; heap live after warm-up ${live_start} kB"
rc=0
wait "$clients" || rc=$?
live_end=$(live_after_full_gc_kb)
kill "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=
errors=$(awk -F'\t' '$1 == "errors" { print $2 }' "$dir/soak.tsv" 2>/dev/null || echo "?")
notup=$(awk -F'\t' '$1 == "health checks not UP" { print $2 }' "$dir/soak.tsv" 2>/dev/null || echo "?")
server_errors=$(grep -c ' ERROR ' "$dir/server.log" || true)
{
    echo "clients: $CLIENTS, seconds: $SOAK_S (warm-up $WARMUP_S s inside), client exit: $rc"
    cat "$dir/soak.tsv" 2>/dev/null || tail -20 "$dir/clients.log"
    echo "heap live after a full GC: after warm-up ${live_start} kB, at the end ${live_end} kB, ratio $(awk -v a="$live_start" -v b="$live_end" 'BEGIN { if (a > 0) printf "%.2f", b / a; else print "?" }')"
    echo "heap used samples (every ${HEAP_EVERY_S} s) min/max kB: $(awk -F'\t' 'NR > 1 && $2 != "" { if (min == "" || $2 < min) min = $2; if ($2 > max) max = $2 } END { print min " / " max }' "$dir/heap.tsv")"
    echo "server log ERROR lines: $server_errors"
    echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$dir/summary.txt"
cat "$dir/summary.txt"
stop_server
flat=$(awk -v a="$live_start" -v b="$live_end" 'BEGIN { print (a > 0 && b <= a * 1.25) ? 1 : 0 }')
[ "$rc" -eq 0 ] && [ "$errors" = 0 ] && [ "$notup" = 0 ] && [ "$flat" = 1 ]
