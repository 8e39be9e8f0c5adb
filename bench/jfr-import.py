#!/usr/bin/env python3
"""Where an importer's CPU goes, per file, from a JFR recording of `bench/run.sh import` (JFR_IMPORT=1).

    jfr print --json --stack-depth 96 --events jdk.ExecutionSample,jdk.ThreadStart first.jfr > first.json
    bench/jfr-import.py first.json

Files are told apart by the thread that sends each file's rows (`import-copy-<table>`, ADR 007 step 6): a file runs
from its sender's start to the next one's. For each file: the reading thread's samples, split into the stages of a row
(the innermost stage on the stack wins), and the sender's; then the hottest methods of the whole run (self time).
"""
import json
import sys
from collections import Counter, defaultdict

STAGES = [  # (label, a frame's "class.method" prefix); the first match from the top of the stack wins
    ("encode: rows into COPY bytes (CopyBlocks)", "org.caseops.docket.CopyBlocks."),
    ("checks: duplicates, unique, references (DirectLoader.Rows, FirstLines)", "org.caseops.docket.FirstLines."),
    ("checks: duplicates, unique, references (DirectLoader.Rows, FirstLines)", "org.caseops.docket.DirectLoader$Rows."),
    ("row rules (RowRules)", "org.caseops.docket.RowRules"),
    ("values: dates, ids, codes (EoirValues, StagingLoader.read/code)", "org.caseops.docket.EoirValues."),
    ("values: dates, ids, codes (EoirValues, StagingLoader.read/code)", "org.caseops.docket.StagingLoader.code"),
    ("values: dates, ids, codes (EoirValues, StagingLoader.read/code)", "org.caseops.docket.StagingLoader.monthDate"),
    ("values: dates, ids, codes (EoirValues, StagingLoader.read/code)", "org.caseops.docket.ReleaseDates."),
    ("CSV parsing (FastCSV)", "de.siegmar.fastcsv."),
    ("quote guard (person file)", "org.caseops.docket.QuoteGuard."),
    ("bytes to chars (UTF-8 / windows-1252 decoder)", "sun.nio.cs."),
    ("bytes to chars (UTF-8 / windows-1252 decoder)", "java.io.InputStreamReader."),
    ("SHA-256 of the file", "sun.security.provider."),
    ("reading the file", "java.io.FileInputStream."),
    ("values: dates, ids, codes (EoirValues, StagingLoader.read/code)", "org.caseops.docket.StagingLoader.read"),
    ("quarantine and warnings spooled", "org.caseops.docket.DirectLoader$Spool"),
]


def frame_name(f):
    m = f["method"]
    return m["type"]["name"].replace("/", ".") + "." + m["name"]


def stage(frames):
    for f in frames:  # top of stack first
        n = frame_name(f)
        for label, prefix in STAGES:
            if n.startswith(prefix):
                return label
    return "other"


def main(path):
    events = json.load(open(path))["recording"]["events"]
    starts = []
    samples = []
    for e in events:
        v = e["values"]
        if e["type"] == "jdk.ThreadStart":
            name = (v.get("thread") or {}).get("javaName") or ""
            if name.startswith("import-copy-"):
                starts.append((v["startTime"], name[len("import-copy-"):]))
        elif e["type"] == "jdk.ExecutionSample":
            t = v["sampledThread"].get("javaName") or "?"
            samples.append((v["startTime"], t, v["stackTrace"]["frames"] if v["stackTrace"] else []))
    starts.sort()

    def file_at(t):
        current = "before the first file"
        for s, name in starts:
            if s <= t:
                current = name
            else:
                break
        return current

    per_file = defaultdict(Counter)
    threads = defaultdict(Counter)
    self_time = Counter()
    total = 0
    for t, thread, frames in samples:
        total += 1
        f = file_at(t)
        threads[f][thread if not thread.startswith("import-copy-") else "sender"] += 1
        if thread == "main":
            per_file[f][stage(frames)] += 1
            if frames:
                self_time[frame_name(frames[0])] += 1
    print(f"{total} samples; files in order: {', '.join(n for _, n in starts)}")
    for f in ["before the first file"] + [n for _, n in starts]:
        c = per_file.get(f)
        if not c:
            continue
        n = sum(c.values())
        print(f"\n{f}: reading thread {n} samples; other threads: "
              + ", ".join(f"{k} {v}" for k, v in threads[f].most_common(6) if k != "main"))
        for label, k in c.most_common():
            print(f"  {100.0 * k / n:5.1f} %  {label}")
    print("\nhottest methods of the reading thread (self):")
    n = sum(self_time.values())
    for name, k in self_time.most_common(30):
        print(f"  {100.0 * k / n:5.1f} %  {name}")


if __name__ == "__main__":
    main(sys.argv[1])
