#!/usr/bin/env bash
# Fault campaign 2 (issue 13): `kill -9` of the server while CLIENTS clients write over the API (case notes, tasks
# created and started, legal holds placed and lifted), ROUNDS times; after each kill the server is started again on
# the same home and port. Goal: every start is healthy (health UP) and every write the server acknowledged (2xx) is
# in the database, each with exactly one timeline/task event and one audit entry; the audit chain verifies.
#
#   bench/faults/server-kill.sh            (or bench/run.sh faults-server-kill)
#
# Environment: CLIENTS=8 ROUNDS=6 MIN_WRITE_S=5 MAX_WRITE_S=20 KILL_SEED=17
# Odd rounds kill the JVM only (its embedded PostgreSQL is orphaned and stopped by the next start); even rounds kill
# the JVM and the postmaster with -9 (PostgreSQL recovers from its WAL at the next start, fsync on).
# Output: bench/out/faults/server-kill/{rounds.tsv,summary.txt,acks.tsv,clients.txt,machine.txt,*.log}.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CLIENTS=${CLIENTS:-8}
ROUNDS=${ROUNDS:-6}
MIN_WRITE_S=${MIN_WRITE_S:-5}
MAX_WRITE_S=${MAX_WRITE_S:-20}
KILL_SEED=${KILL_SEED:-17}
PASSWORD=fault-campaign-password-2019
dir="$OUT/server-kill"
export CASEOPS_HOME="$WORK/server-kill-home"
export CASEOPS_DEMO_PASSWORD=$PASSWORD
CLIENTS_PID=

cleanup() {
    touch "$dir/stop" 2>/dev/null || true
    if [ -n "$CLIENTS_PID" ]; then
        sleep 2
        kill "$CLIENTS_PID" 2>/dev/null || true
    fi
    stop_server
    stop_orphaned_postmaster
}
trap cleanup EXIT

rm -rf "$dir" "$CASEOPS_HOME"
mkdir -p "$dir" "$CASEOPS_HOME"
build_jar
machine_info "$dir/machine.txt"
HTTP_PORT=$(free_port)
log "first start with the demo data"
start_server "$dir/server.log" --demo
java -Xmx256m "$FAULTS_DIR/FaultClients.java" writers "http://localhost:$HTTP_PORT" "$PASSWORD" "$CLIENTS" "$dir" \
    >"$dir/clients.log" 2>&1 &
CLIENTS_PID=$!

printf 'round\twrote_s\tkilled\tstart_s\thealth_after_start\n' >"$dir/rounds.tsv"
unhealthy=0
for r in $(seq "$ROUNDS"); do
    wait_s=$(awk -v s="$KILL_SEED" -v r="$r" -v a="$MIN_WRITE_S" -v b="$MAX_WRITE_S" \
        'BEGIN { srand(s * 1000 + r); printf "%.1f", a + rand() * (b - a) }')
    sleep "$wait_s"
    pm=$(postmaster_pid)
    kill -9 "$SERVER_PID"
    killed="JVM $SERVER_PID"
    if (( r % 2 == 0 )) && [ -n "$pm" ]; then
        kill -9 "$pm"
        killed="$killed + postmaster $pm"
    fi
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
    log "round $r: wrote ${wait_s} s, killed $killed"
    echo "---- round $r: killed $killed" >>"$dir/server.log"
    t0=$(now)
    start_server "$dir/server.log" --demo
    start_s=$(secs "$t0" "$(now)")
    health=$(curl -s -m 10 "http://localhost:$HTTP_PORT/actuator/health" || echo "no answer")
    case "$health" in *'"status":"UP"'*) h=UP ;; *) h="NOT UP: $health"; unhealthy=$((unhealthy + 1)) ;; esac
    printf '%s\t%s\t%s\t%s\t%s\n' "$r" "$wait_s" "$killed" "$start_s" "$h" >>"$dir/rounds.tsv"
done
sleep 5
touch "$dir/stop"
wait "$CLIENTS_PID" || true
CLIENTS_PID=

# every acknowledged write against the database
cp "$dir/acks.tsv" "$WORK/acks.tsv"
verify_acks "$WORK/acks.tsv" "$dir/verify.tsv"
java -jar "$JAR" audit verify >"$dir/audit-verify.txt" 2>&1 || true
stop_server
lost=$(awk -F'\t' '/missing|without|not started|not lifted|twice|more than one/ { s += $2 } END { print s + 0 }' "$dir/verify.tsv")
{
    echo "rounds: $ROUNDS, clients: $CLIENTS (kill seed $KILL_SEED)"
    echo "starts not healthy: $unhealthy"
    cat "$dir/clients.txt"
    cat "$dir/verify.tsv"
    echo "violations (lost, changed, duplicated, events or audit entries not exactly one): $lost"
    echo "audit verify: $(grep -m1 -i 'audit trail' "$dir/audit-verify.txt" || tail -1 "$dir/audit-verify.txt")"
    echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$dir/summary.txt"
echo
column -t -s $'\t' "$dir/rounds.tsv"
cat "$dir/summary.txt"
[ "$unhealthy" -eq 0 ] && [ "$lost" -eq 0 ]
