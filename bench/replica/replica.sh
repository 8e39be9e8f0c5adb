#!/usr/bin/env bash
# Issue 19's read-replica benchmark: the public statistics read by READERS clients while WRITERS threads append audit
# entries on the primary, for SECONDS with a streaming replica serving the reads, then SECONDS with its replay paused
# beyond the lag bound (the same reads on the primary: the same-run baseline). The replica is the test database's
# (fixtures/StreamingReplica: online base backup through SQL, standby.signal, primary_conninfo); the lag bound is the
# test's 4 s, measured every 200 ms. Figures: writes/s, reads/s and latency, reads served by the replica, fallbacks by
# reason, the largest lag measured (sampled every 100 ms) against the bound.
#
#   bench/replica/replica.sh                    (or bench/run.sh replica)
#
# Environment: SECONDS_PER_PHASE=20 READERS=4 WRITERS=2
# Output: bench/out/replica/{summary.tsv,machine.txt}
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
OUT="$BENCH_DIR/out/replica"
SECONDS_PER_PHASE=${SECONDS_PER_PHASE:-20}
READERS=${READERS:-4}
WRITERS=${WRITERS:-2}

rm -rf "$OUT"
mkdir -p "$OUT"
{
    echo "date: $(date -Iseconds)"
    echo "nproc: $(nproc)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
    echo "memory: $(free -h | awk '/^Mem:/ { print $2 " total, " $7 " available" }')"
    echo "loadavg before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "commit: $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?')"
} >"$OUT/machine.txt.tmp"
(cd "$ROOT" && mvn -B -q test -Dtest='ReplicaRoutingTest#replica_under_write_load_benchmark' \
    -Dsurefire.failIfNoSpecifiedTests=false -Dcaseops.bench.replica="$SECONDS_PER_PHASE" \
    -Dcaseops.bench.readers="$READERS" -Dcaseops.bench.writers="$WRITERS" >"$OUT.log" 2>&1) \
    || { tail -40 "$OUT.log" >&2; exit 1; }
mv "$OUT/machine.txt.tmp" "$OUT/machine.txt"
echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/machine.txt"
echo "== replica benchmark ($OUT)"
column -t -s $'\t' "$OUT/summary.tsv"
