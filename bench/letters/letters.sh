#!/usr/bin/env bash
# Issue 16's letter benchmark: printing LETTERS call-in letters (a PDF per letter, then per mailing batch of BATCH the
# batch PDF and the mail house's CSV), against the baseline of rendering one letter, measured in the same run
# (bench/letters/LetterBench.java). Peak memory is the JVM's resident set (/usr/bin/time) and its heap peak.
#
#   bench/letters/letters.sh                     (or bench/run.sh letters)
#   LETTERS=100000 bench/letters/letters.sh      the issue's scale
#
# Environment: LETTERS=2000 BATCH=500 THREADS=(cores) SEED=7 XMX=512m KEEP=0 (1 keeps every letter's PDF)
# Output: bench/out/letters/{summary.tsv,time.txt,machine.txt}, the batches in bench/work/letters/batches/.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
WORK="$BENCH_DIR/work/letters"
OUT="$BENCH_DIR/out/letters"
LETTERS=${LETTERS:-2000}
BATCH=${BATCH:-500}
THREADS=${THREADS:-$(nproc)}
SEED=${SEED:-7}
XMX=${XMX:-512m}

rm -rf "$WORK" "$OUT"
mkdir -p "$WORK" "$OUT" "$WORK/classes"
{
    echo "date: $(date -Iseconds)"
    echo "nproc: $(nproc)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
    echo "memory: $(free -h | awk '/^Mem:/ { print $2 " total, " $7 " available" }')"
    echo "loadavg before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "commit: $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?')"
} >"$OUT/machine.txt"
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
(cd "$ROOT" && mvn -B -q compile dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null)
CP="$ROOT/target/classes:$(cat "$WORK/classpath.txt")"
javac -d "$WORK/classes" -cp "$CP" "$BENCH_DIR/letters/LetterBench.java"
/usr/bin/time -v -o "$OUT/time.txt" java -Xmx"$XMX" -Dlogback.configurationFile="$BENCH_DIR/schedule/logback.xml" \
    -cp "$WORK/classes:$CP" LetterBench "$LETTERS" "$BATCH" "$THREADS" "$SEED" "$WORK" >"$OUT/stdout.txt"
cp "$WORK/summary.tsv" "$OUT/summary.tsv"
echo "max_rss_mb	$(awk '/Maximum resident set size/ { printf "%.0f", $6 / 1024 }' "$OUT/time.txt")" >>"$OUT/summary.tsv"
echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/machine.txt"
echo "== letters benchmark ($OUT)"
column -t -s $'\t' "$OUT/summary.tsv"
