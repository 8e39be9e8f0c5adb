#!/usr/bin/env bash
# Backup and restore round trip under a write load (issue 19): `caseops serve --demo` on the embedded database,
# CLIENTS writers over the API (FaultClients: case notes, tasks created and started, legal holds placed and lifted).
#   A. The writers write for WRITE_S seconds and stop: every write acknowledged then is "before the backup".
#   B. They start again; while they write, `caseops backup --to DIR` takes an online physical backup (ADR 010); they
#      stop WRITE_S seconds after it.
#   C. `caseops restore --from DIR --home NEW` into a fresh home: WAL replay, `audit verify` against the signed
#      checkpoints that came with the backup, every table compared with the backup's manifest (exit 0: intact, no
#      history table lost rows).
#   D. CaseOps started on the restored home: every write of phase A looked up (bench/faults/verify-acks.sql, the
#      checks of bench/faults/server-kill.sh): none may be missing; phase B's writes are counted (those acknowledged
#      before pg_backup_stop are in, later ones not: the backup is consistent as of its end).
#
#   bench/backup/roundtrip.sh            (or bench/run.sh backup)
#
# Environment: CLIENTS=8 WRITE_S=20
# Output: bench/out/faults/backup/{summary.txt,verify-a.tsv,verify-b.tsv,backup.log,restore.log,machine.txt,...}
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../faults/lib.sh"

CLIENTS=${CLIENTS:-8}
WRITE_S=${WRITE_S:-20}
PASSWORD=backup-roundtrip-password-2019
dir="$OUT/backup"
export CASEOPS_HOME="$WORK/backup-home"
RESTORED="$WORK/backup-restored"
BACKUP="$WORK/backup-dir"
export CASEOPS_DEMO_PASSWORD=$PASSWORD
CLIENTS_PID=

cleanup() {
    touch "$dir/a/stop" "$dir/b/stop" 2>/dev/null || true
    [ -n "$CLIENTS_PID" ] && { sleep 2; kill "$CLIENTS_PID" 2>/dev/null || true; }
    stop_server
    stop_orphaned_postmaster
}
trap cleanup EXIT

writers() {  # $1 = output folder; runs until $1/stop exists
    mkdir -p "$1"
    java -Xmx256m "$FAULTS_DIR/FaultClients.java" writers "http://localhost:$HTTP_PORT" "$PASSWORD" "$CLIENTS" "$1" \
        >"$1/clients.log" 2>&1 &
    CLIENTS_PID=$!
}

stop_writers() {  # $1 = output folder
    touch "$1/stop"
    wait "$CLIENTS_PID" || true
    CLIENTS_PID=
}

rm -rf "$dir" "$CASEOPS_HOME" "$RESTORED" "$BACKUP"
mkdir -p "$dir" "$CASEOPS_HOME"
build_jar
machine_info "$dir/machine.txt"
HTTP_PORT=$(free_port)
start_server "$dir/server.log" --demo

log "A: $CLIENTS writers for $WRITE_S s"
writers "$dir/a"
sleep "$WRITE_S"
stop_writers "$dir/a"

log "B: the writers again, and an online backup while they write"
writers "$dir/b"
sleep 3
t0=$(now)
java -Xmx256m -jar "$JAR" backup --to "$BACKUP" >"$dir/backup.log" 2>&1
backup_s=$(secs "$t0" "$(now)")
sleep "$WRITE_S"
stop_writers "$dir/b"
stop_server
backup_mb=$(du -sm "$BACKUP" | cut -f1)

log "C: restore into a fresh home"
t0=$(now)
set +e
CASEOPS_HOME="$RESTORED" java -Xmx512m -jar "$JAR" restore --from "$BACKUP" --home "$RESTORED" >"$dir/restore.log" 2>&1
restore_rc=$?
set -e
restore_s=$(secs "$t0" "$(now)")

log "D: every write acknowledged before the backup, on the restored home"
export CASEOPS_HOME="$RESTORED"
HTTP_PORT=$(free_port)
start_server "$dir/restored-server.log"
verify_acks "$dir/a/acks.tsv" "$dir/verify-a.tsv"
verify_acks "$dir/b/acks.tsv" "$dir/verify-b.tsv"
missing_a=$(awk -F'\t' '$1 ~ /missing|without|not started|not lifted/ { s += $2 } END { print s + 0 }' "$dir/verify-a.tsv")
acked_a=$(awk -F'\t' '$1 ~ /^acknowledged/ { s += $2 } END { print s + 0 }' "$dir/verify-a.tsv")
acked_b=$(awk -F'\t' '$1 ~ /^acknowledged/ { s += $2 } END { print s + 0 }' "$dir/verify-b.tsv")
missing_b=$(awk -F'\t' '$1 ~ /missing|not started|not lifted/ { s += $2 } END { print s + 0 }' "$dir/verify-b.tsv")
stop_server

{
    echo "backup: ${backup_s} s (the command, JVM start included), ${backup_mb} MB"
    echo "restore: ${restore_s} s, exit ${restore_rc} ($(grep -E 'intact|lost|exit|verif' "$dir/restore.log" | tail -3 | tr '\n' ' '))"
    echo "phase A (before the backup): ${acked_a} writes acknowledged, ${missing_a} missing or without their event/audit entry after the restore"
    echo "phase B (during and after the backup): ${acked_b} acknowledged, $((acked_b - missing_b)) of them in the restore (those acknowledged before its end)"
} | tee "$dir/summary.txt" >&2
[ "$restore_rc" = 0 ] && [ "$missing_a" = 0 ]
