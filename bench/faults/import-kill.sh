#!/usr/bin/env bash
# Fault campaign 1 (issue 13): `kill -9` of an import at ROUNDS random points, then the same import again; every
# round must end with the docket a clean single import gives (0 lost, 0 duplicated: the docket's fingerprint, as
# fixtures/Database.docketFingerprint computes it, equals the clean import's) and the kill must leave nothing visible.
#
#   bench/faults/import-kill.sh            (or bench/run.sh faults-import-kill)
#
# Environment: CASES=3000 SEED=7 ROUNDS=20 KILL_SEED=13 REIMPORT_TIMEOUT_S=600
#   IMPORT_JAVA_OPTS="-Xmx256m -XX:TieredStopAtLevel=1" (C1 only: a shorter JVM start on a busy machine)
# Odd rounds start from an empty docket (the kill interrupts a first import); even rounds from the clean docket (the
# kill interrupts a re-import of unchanged files). The kill point is uniform over the import's work (from its first
# "Reading" line) as long as the clean import's work took, and 10 % beyond it (a kill after the commit).
# Output: bench/out/faults/import-kill/{rounds.tsv,summary.txt,machine.txt,*.log}. Stops what it started.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CASES=${CASES:-3000}
SEED=${SEED:-7}
ROUNDS=${ROUNDS:-20}
KILL_SEED=${KILL_SEED:-13}
REIMPORT_TIMEOUT_S=${REIMPORT_TIMEOUT_S:-600}
IMPORT_JAVA_OPTS=${IMPORT_JAVA_OPTS:--Xmx256m -XX:TieredStopAtLevel=1}
dir="$OUT/import-kill"
export CASEOPS_HOME="$WORK/import-kill-home"
IMPORT_PID=

cleanup() {
    [ -n "$IMPORT_PID" ] && kill -9 "$IMPORT_PID" 2>/dev/null || true
    stop_server
}
trap cleanup EXIT

rm -rf "$dir" "$CASEOPS_HOME"
mkdir -p "$dir" "$CASEOPS_HOME" "$WORK"
build_jar
machine_info "$dir/machine.txt"
generate_docket
start_server "$dir/server.log"

# exec: run in the background, $! is the importer JVM itself, so kill -9 hits it and not a subshell
import_cmd() { exec java $IMPORT_JAVA_OPTS -jar "$JAR" import --eoir "$DATA" --persons "$DATA/persons.csv" --show-quarantine 0; }
imports() { sql -A -t -c "select count(*) from import_run"; }

# The importer's work starts when it prints "Reading <file>" (after the JVM and Spring have started): kill points are
# drawn over the work itself, so that a loaded machine's slow JVM start does not take the kills.
wait_for_work() {  # $1 = log file, $2 = pid; returns 1 if the process ended first
    for _ in $(seq 6000); do
        grep -q '^Reading ' "$1" 2>/dev/null && return 0
        kill -0 "$2" 2>/dev/null || return 1
        sleep 0.05
    done
    return 1
}

log "clean import of $CASES cases"
t0=$(now)
import_cmd >"$dir/clean.log" 2>&1 &
IMPORT_PID=$!
wait_for_work "$dir/clean.log" "$IMPORT_PID" || true
tw=$(now)
wait "$IMPORT_PID"
IMPORT_PID=
clean_s=$(secs "$t0" "$(now)")
work_s=$(secs "$tw" "$(now)")
clean=$(docket_fingerprint)
empty_fp=$(clear_docket >/dev/null; docket_fingerprint)
log "clean import: $clean_s s; fingerprint $clean"
echo "clean import wall s: $clean_s (of which the import's work after the JVM start: $work_s s)" >"$dir/summary.txt"
echo "clean fingerprint: $clean" >>"$dir/summary.txt"

printf 'round\tstart\tkill_at_s\tlast_line_before_kill\tleft_after_kill\torphan_backends\treimport_s\treimport_rc\tresult\n' \
    >"$dir/rounds.tsv"
lost=0; dup=0; bad=0; ok=0; hung=0; completed_before_kill=0
for r in $(seq "$ROUNDS"); do
    if (( r % 2 == 1 )); then
        clear_docket
        start=empty
        before=$empty_fp
    else
        start=clean
        before=$clean
    fi
    runs_before=$(imports)
    # uniform over the import's work as the clean import took it, and a little beyond (a kill after the commit)
    kill_at=$(awk -v s="$KILL_SEED" -v r="$r" -v t="$work_s" 'BEGIN { srand(s * 1000 + r); printf "%.2f", rand() * t * 1.1 }')
    import_cmd >"$dir/round-$r-killed.log" 2>&1 &
    IMPORT_PID=$!
    wait_for_work "$dir/round-$r-killed.log" "$IMPORT_PID" || true
    sleep "$kill_at"
    if kill -0 "$IMPORT_PID" 2>/dev/null; then
        kill -9 "$IMPORT_PID"
        wait "$IMPORT_PID" 2>/dev/null || true
        # (grep finds nothing when the JVM was killed before it printed a line: not an error under pipefail)
        last=$({ grep -v '^\s*$' "$dir/round-$r-killed.log" || true; } | tail -1 | cut -c1-80 | tr '\t' ' ')
        [ -n "$last" ] || last="(killed before it printed a line)"
    else
        wait "$IMPORT_PID" 2>/dev/null || true
        last="(finished before the kill)"
        completed_before_kill=$((completed_before_kill + 1))
    fi
    IMPORT_PID=
    # What the killed import left: either nothing (killed before its commit: the docket as before, no new import_run)
    # or all of it (killed after its commit, while the JVM was exiting: the clean docket, one new import_run).
    after_kill=$(docket_fingerprint)
    runs_after=$(imports)
    if [ "$after_kill" = "$before" ] && [ "$runs_after" = "$runs_before" ]; then
        left=nothing
    elif [ "$after_kill" = "$clean" ] && [ "$runs_after" = "$((runs_before + 1))" ]; then
        left=all-committed
        [ "$last" = "(finished before the kill)" ] || last="$last (committed before the kill)"
    else
        left=PARTIAL
    fi
    # a backend of the killed import may still run its statement (issue 13 finding); count it as the re-import starts
    orphans=$(sql -A -t -c "select count(*) from pg_stat_activity where state = 'active' and pid <> pg_backend_pid()
        and backend_type = 'client backend' and query not ilike '%pg_stat_activity%'")
    t0=$(now)
    set +e
    timeout -s KILL "$REIMPORT_TIMEOUT_S" java $IMPORT_JAVA_OPTS -jar "$JAR" import --eoir "$DATA" \
        --persons "$DATA/persons.csv" --show-quarantine 0 >"$dir/round-$r-reimport.log" 2>&1
    rc=$?
    set -e
    re_s=$(secs "$t0" "$(now)")
    fp=$(docket_fingerprint)
    if [ "$rc" -ne 0 ]; then
        result="REIMPORT-FAILED(rc=$rc)"; bad=$((bad + 1)); [ "$rc" = 137 ] && hung=$((hung + 1))
    elif [ "$fp" = "$clean" ] && [ "$left" != PARTIAL ]; then
        result=same-as-clean; ok=$((ok + 1))
    else
        result=DIFFERENT; bad=$((bad + 1))
        # per table: fewer rows than clean = lost, more = duplicated
        for t in eoir_case proceeding court_motion appeal lead_rider juvenile_history court_application appeal_fed_court person case_event; do
            echo "round $r $t: $(sql -A -t -c "select count(*) from $t")" >>"$dir/differences.txt"
        done
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$start" "$kill_at" "$last" "$left" "$orphans" "$re_s" "$rc" \
        "$result" >>"$dir/rounds.tsv"
    log "round $r ($start): killed at $kill_at s [$last]; left $left; re-import $re_s s -> $result"
done
{
    echo "rounds: $ROUNDS (kill seed $KILL_SEED, $CASES cases, seed $SEED)"
    echo "same as a clean import: $ok"
    echo "different or failed: $bad (re-imports killed by the ${REIMPORT_TIMEOUT_S} s bound: $hung)"
    echo "imports that finished before their kill point: $completed_before_kill"
    echo "kills after the import had committed: $(awk -F'\t' 'NR > 1 && $5 == "all-committed"' "$dir/rounds.tsv" | wc -l)"
    echo "kills that left part of an import visible: $(awk -F'\t' 'NR > 1 && $5 == "PARTIAL"' "$dir/rounds.tsv" | wc -l)"
    echo "re-import wall s min/median/max: $(awk -F'\t' 'NR > 1 { print $7 }' "$dir/rounds.tsv" | sort -n | awk '{ a[NR] = $1 } END { print a[1] " / " a[int((NR + 1) / 2)] " / " a[NR] }')"
    echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)"
} >>"$dir/summary.txt"
echo
column -t -s $'\t' "$dir/rounds.tsv"
cat "$dir/summary.txt"
[ "$bad" -eq 0 ]
