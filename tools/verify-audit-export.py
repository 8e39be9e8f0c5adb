#!/usr/bin/env python3
"""Verify a CaseOps audit export offline, without CaseOps (docs/audit.md, "Checking an export offline").

    python3 verify-audit-export.py caseops-audit.ndjson [--anchor SEQ:HASH]

Reads the NDJSON export (one entry per line), recomputes every entry's SHA-256 over the canonical serialization
and checks that the entries form one unbroken chain from the start. With --anchor, also checks that the entry SEQ
still carries HASH (a hash you kept from an earlier export or that CaseOps published), which catches a chain that
was rewritten wholesale. Exit 0 when intact, 3 when broken, 2 when the file cannot be read as an export.
Python 3 standard library only.
"""
import argparse
import hashlib
import json
import re
import sys

VERSION = "caseops-audit-v1"
GENESIS = "0" * 64
SEPARATOR = "\u001f"
FIELDS = ["seq", "recorded_at", "actor", "role", "field_office", "action", "subject_type", "subject_id",
          "purpose", "request_id", "detail", "prev_hash"]
TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$")
HEX64 = re.compile(r"^[0-9a-f]{64}$")


def canonical(entry):
    """The canonical serialization: version tag, then each field after U+001F as '-' (null) or '<bytes>:<value>'."""
    parts = [VERSION]
    for name in FIELDS:
        value = entry[name]
        if name == "seq":
            value = str(value)
        if value is None:
            parts.append("-")
        else:
            parts.append("%d:%s" % (len(value.encode("utf-8")), value))
    return SEPARATOR.join(parts)


def entry_hash(entry):
    return hashlib.sha256(canonical(entry).encode("utf-8")).hexdigest()


class Malformed(Exception):
    pass


def read(line, number):
    try:
        entry = json.loads(line)
    except ValueError as e:
        raise Malformed("line %d is not JSON: %s" % (number, e))
    if not isinstance(entry, dict):
        raise Malformed("line %d is not a JSON object" % number)
    for name in FIELDS + ["hash"]:
        if name not in entry:
            raise Malformed("line %d has no field %s" % (number, name))
    for name in FIELDS[1:] + ["hash"]:
        if entry[name] is not None and not isinstance(entry[name], str):
            raise Malformed("line %d: %s is not a string or null" % (number, name))
    if not isinstance(entry["seq"], int) or isinstance(entry["seq"], bool):
        raise Malformed("line %d: seq is not an integer" % number)
    if not isinstance(entry["recorded_at"], str) or not TIME.match(entry["recorded_at"]):
        raise Malformed("line %d: recorded_at is not YYYY-MM-DDTHH:MM:SS.ffffffZ" % number)
    return entry


def verify(lines, anchor=None):
    """Returns (intact, entries, first_broken_seq, problem), as CaseOps's own verify does."""
    entries = 0
    last_seq, last_hash = 0, GENESIS
    broken = None
    anchor_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        entry = read(line, number)
        entries += 1
        seq = entry["seq"]
        if anchor is not None and seq == anchor[0]:
            anchor_seen = True
            if broken is None and entry["hash"] != anchor[1]:
                broken = (seq, "entry %d's hash is not the anchor %s (chain rewritten)" % (seq, anchor[1]))
        if broken is not None:
            continue
        expected = last_seq + 1
        if seq != expected:
            if seq > expected:
                missing = ("entries %d to %d are" % (expected, seq - 1)) if seq - 1 > expected \
                    else "entry %d is" % expected
                broken = (expected, "%s missing: after %d comes %d (deleted)" % (missing, last_seq, seq))
            else:
                broken = (seq, "entry %d is out of order after %d (reordered or inserted)" % (seq, last_seq))
        elif entry["prev_hash"] != last_hash:
            before = "the chain's start" if last_seq == 0 else "entry %d" % last_seq
            broken = (seq, "entry %d's prev_hash is not the hash of %s (reordered or inserted)" % (seq, before))
        elif not isinstance(entry["hash"], str) or not HEX64.match(entry["hash"]) or entry_hash(entry) != entry["hash"]:
            broken = (seq, "entry %d's content does not match its hash (edited)" % seq)
        last_seq, last_hash = seq, entry["hash"]
    if broken is None and anchor is not None and not anchor_seen:
        broken = (anchor[0], "entry %d (the anchor) is not in the export (deleted)" % anchor[0])
    if broken is None:
        return True, entries, None, None
    return False, entries, broken[0], broken[1]


def main(argv=None):
    parser = argparse.ArgumentParser(description="Verify a CaseOps audit export (NDJSON) offline.")
    parser.add_argument("export", help="the export file, or - for standard input")
    parser.add_argument("--anchor", metavar="SEQ:HASH",
                        help="an entry's seq and hash kept from before; the export must still contain it unchanged")
    args = parser.parse_args(argv)
    anchor = None
    if args.anchor:
        seq, _, digest = args.anchor.partition(":")
        if not seq.isdigit() or not HEX64.match(digest):
            parser.error("--anchor must be SEQ:HASH, e.g. 42:<64 hex digits>")
        anchor = (int(seq), digest)
    try:
        if args.export == "-":
            stream = open(sys.stdin.fileno(), encoding="utf-8", closefd=False)
        else:
            stream = open(args.export, encoding="utf-8")
        with stream:
            intact, entries, seq, problem = verify(stream, anchor)
    except (OSError, UnicodeDecodeError, Malformed) as e:
        print("cannot read the export: %s" % e, file=sys.stderr)
        return 2
    if intact:
        print("Audit export intact: %d entries" % entries)
        return 0
    print("Audit export BROKEN at entry %d: %s (%d entries read)" % (seq, problem, entries))
    return 3


if __name__ == "__main__":
    sys.exit(main())
