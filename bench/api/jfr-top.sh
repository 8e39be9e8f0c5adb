#!/usr/bin/env bash
# Where the CPU time goes in a JFR recording (bench/README.md, "API benchmark"): of the jdk.ExecutionSample events,
# the share whose stack contains each of a few markers (inclusive), then the top frames (exclusive), then the
# CaseOps methods seen anywhere in a stack.
#   bench/api/jfr-top.sh FILE.jfr
set -euo pipefail
f=$1
jfr summary "$f" | sed -n '1,12p'
jfr print --events jdk.ExecutionSample "$f" | awk '
    /^jdk.ExecutionSample/ { if (n) flush(); n++; first = ""; delete seen; next }
    /^[ \t]+[a-zA-Z_$][a-zA-Z0-9_$.]*\.[a-zA-Z_$<>0-9]+\(/ {
        frame = $1; sub(/\(.*/, "", frame)
        if (first == "") first = frame
        seen[frame] = 1
    }
    function flush(   f, m) {
        top[first]++
        for (f in seen) {
            for (m in markers) if (index(f, m) == 1) hit[m "|" f] = 1
            if (f ~ /^org\.caseops\./) cops[f]++
        }
        for (m in markers) for (f in seen) if (index(f, m) == 1) { inc[m]++; break }
    }
    BEGIN {
        split("org.postgresql. com.zaxxer.hikari. com.fasterxml.jackson. org.springframework.security. org.springframework.transaction. org.springframework.web. org.apache.catalina. org.apache.coyote. org.apache.tomcat. org.caseops.legal. org.caseops.docket. org.caseops.access. org.caseops.audit. ch.qos.logback. java.security. sun.security. org.springframework.jdbc. java.util.regex.", a, " ")
        for (i in a) markers[a[i]] = 1
    }
    END {
        if (n) flush()
        printf "samples\t%d\n\n-- share of samples with a frame of (inclusive)\n", n
        for (m in inc) printf "%5.1f%%\t%s\n", 100 * inc[m] / n, m | "sort -rn"
        close("sort -rn")
        printf "\n-- top frames (exclusive), first 30\n"
        for (f in top) printf "%5.1f%%\t%s\n", 100 * top[f] / n, f | "sort -rn | head -30"
        close("sort -rn | head -30")
        printf "\n-- CaseOps methods on the stack (inclusive), first 40\n"
        for (f in cops) printf "%5.1f%%\t%s\n", 100 * cops[f] / n, f | "sort -rn | head -40"
        close("sort -rn | head -40")
    }'
# Where request threads wait (JFR records parks, monitor waits and socket reads over its thresholds, 20 ms by default):
# summed duration by what the stack shows they wait for.
echo
echo "-- waits over the recording's threshold, summed (seconds), by what they wait for"
jfr print --events jdk.ThreadPark,jdk.JavaMonitorEnter,jdk.SocketRead "$f" | awk '
    /^jdk\.(ThreadPark|JavaMonitorEnter|SocketRead)/ { if (ev) flush(); ev = $1; d = 0; what = ""; next }
    /duration = / { v = $3; u = $4; d = (u == "s") ? v : (u == "ms") ? v / 1000 : (u == "us") ? v / 1e6 : v / 1e9 }
    /^[ \t]+[a-zA-Z_$][a-zA-Z0-9_$.]*\.[a-zA-Z_$<>0-9]+\(/ {
        if (what == "") {
            if ($1 ~ /^com\.zaxxer\.hikari/) what = "pool: waiting for a connection"
            else if ($1 ~ /^org\.postgresql/) what = "PostgreSQL: waiting for an answer"
            else if ($1 ~ /^org\.caseops\./) what = "CaseOps: " $1
        }
    }
    function flush() { k = ev " " (what == "" ? "other (idle threads, JFR, Tomcat acceptor)" : what); s[k] += d; c[k]++ }
    END { if (ev) flush(); for (k in s) printf "%8.1f s  %6d  %s\n", s[k], c[k], k | "sort -rn | head -15" }'
