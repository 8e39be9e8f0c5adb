#!/usr/bin/env python3
"""Verify a CaseOps audit export offline, without CaseOps (docs/audit.md, "Checking an export offline").

    python3 verify-audit-export.py caseops-audit.ndjson [--anchor FILE | --anchor POSITION:HASH]... [--key HEX]

Reads the NDJSON export (one entry per line), recomputes every chained entry's SHA-256 over the canonical
serialization and checks that they form one unbroken chain from the start. Entries not chained yet (position null,
at the end of the export) are counted, not checked.

With --anchor FILE, also checks each signed checkpoint in FILE (from `caseops audit checkpoint`, the API, or
CASEOPS_HOME/audit/checkpoints.ndjson): its Ed25519 signature, and that the export still holds the entry at the
checkpoint's position with the checkpoint's hash. That catches a chain that was rewritten wholesale (every hash
recomputed) or cut short (the newest entries deleted), which the chain alone cannot show. --key pins the public key
the checkpoints must be signed with (GET /api/audit/public-key); without it any valid signature is accepted and the
key's id is printed. --anchor POSITION:HASH is an unsigned anchor you wrote down yourself.

Exit 0 when intact, 3 when broken, 2 when the export or an anchor cannot be read. Python 3 standard library only.
"""
import argparse
import hashlib
import json
import re
import sys

VERSION = "caseops-audit-v1"
CHECKPOINT = "caseops-audit-checkpoint-v1"
GENESIS = "0" * 64
SEPARATOR = "\u001f"
# The hashed fields, in order. The first is the entry's position in the chain ("position"; exports made before
# CaseOps had a sequencer call it "seq", and have no separate entry number).
FIELDS = ["position", "recorded_at", "actor", "role", "field_office", "action", "subject_type", "subject_id",
          "purpose", "request_id", "detail", "prev_hash"]
TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$")
HEX64 = re.compile(r"^[0-9a-f]{64}$")
HEX128 = re.compile(r"^[0-9a-f]{128}$")


def canonical(entry):
    """The canonical serialization: version tag, then each field after U+001F as '-' (null) or '<bytes>:<value>'."""
    parts = [VERSION]
    for name in FIELDS:
        value = entry[name]
        if name == "position":
            value = str(value)
        if value is None:
            parts.append("-")
        else:
            parts.append("%d:%s" % (len(value.encode("utf-8")), value))
    return SEPARATOR.join(parts)


def entry_hash(entry):
    return hashlib.sha256(canonical(entry).encode("utf-8")).hexdigest()


# ---------------------------------------------------------------------------------------------------- Ed25519
# Signature verification as RFC 8032 section 6 gives it (Python's standard library has no Ed25519).

P = 2 ** 255 - 19
Q = 2 ** 252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)


def _add(a, b):
    x = (a[1] - a[0]) * (b[1] - b[0]) % P
    y = (a[1] + a[0]) * (b[1] + b[0]) % P
    c = 2 * a[3] * b[3] * D % P
    d = 2 * a[2] * b[2] % P
    e, f, g, h = y - x, d - c, d + c, y + x
    return e * f, g * h, f * g, e * h


def _mul(s, point):
    result = (0, 1, 1, 0)
    while s > 0:
        if s & 1:
            result = _add(result, point)
        point = _add(point, point)
        s >>= 1
    return result


def _equal(a, b):
    return (a[0] * b[2] - b[0] * a[2]) % P == 0 and (a[1] * b[2] - b[1] * a[2]) % P == 0


def _recover_x(y, sign):
    if y >= P:
        return None
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P)
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P != 0:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P != 0:
        return None
    if (x & 1) != sign:
        x = P - x
    return x


def _decompress(s):
    y = int.from_bytes(s, "little")
    sign = y >> 255
    y &= (1 << 255) - 1
    x = _recover_x(y, sign)
    return None if x is None else (x, y, 1, x * y % P)


_GY = 4 * pow(5, P - 2, P) % P
_G = (_recover_x(_GY, 0), _GY, 1, _recover_x(_GY, 0) * _GY % P)


def ed25519_verify(public, message, signature):
    if len(public) != 32 or len(signature) != 64:
        return False
    a = _decompress(public)
    r = _decompress(signature[:32])
    if a is None or r is None:
        return False
    s = int.from_bytes(signature[32:], "little")
    if s >= Q:
        return False
    h = int.from_bytes(hashlib.sha512(signature[:32] + public + message).digest(), "little") % Q
    return _equal(_mul(s, _G), _add(r, _mul(h, a)))


# ---------------------------------------------------------------------------------------------------- checkpoints

class Malformed(Exception):
    pass


def key_id(key_hex):
    return hashlib.sha256(bytes.fromhex(key_hex)).hexdigest()[:16]


def read_checkpoint(obj, where):
    if not isinstance(obj, dict) or obj.get("checkpoint") != CHECKPOINT:
        raise Malformed("%s is not a %s" % (where, CHECKPOINT))
    position = obj.get("position")
    if not isinstance(position, int) or isinstance(position, bool) or position < 0:
        raise Malformed("%s: position is not a whole number >= 0" % where)
    for name, form in (("hash", HEX64), ("key", HEX64), ("signature", HEX128)):
        if not isinstance(obj.get(name), str) or not form.match(obj[name]):
            raise Malformed("%s: %s is not lower-case hex of the right length" % (where, name))
    if not isinstance(obj.get("issued_at"), str) or not TIME.match(obj["issued_at"]):
        raise Malformed("%s: issued_at is not YYYY-MM-DDTHH:MM:SS.ffffffZ" % where)
    return obj


def read_anchor_file(path):
    """The checkpoints in a file: one JSON object, or one per line."""
    with open(path, encoding="utf-8") as f:
        text = f.read().strip()
    if not text:
        raise Malformed("%s holds no checkpoint" % path)
    try:
        return [read_checkpoint(json.loads(text), path)]
    except (ValueError, Malformed):
        pass
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            try:
                found.append(read_checkpoint(json.loads(line), "%s line %d" % (path, number)))
            except ValueError as e:
                raise Malformed("%s line %d is not JSON: %s" % (path, number, e))
    return found


def signed_text(c):
    return ("%s\n%d\n%s\n%s\n" % (CHECKPOINT, c["position"], c["hash"], c["issued_at"])).encode("utf-8")


def describe(c):
    if "signature" not in c:
        return "the anchor %d:%s" % (c["position"], c["hash"])
    return "the checkpoint of %s at position %d (key %s)" % (c["issued_at"], c["position"], key_id(c["key"]))


# ---------------------------------------------------------------------------------------------------- the export

def read(line, number):
    try:
        entry = json.loads(line)
    except ValueError as e:
        raise Malformed("line %d is not JSON: %s" % (number, e))
    if not isinstance(entry, dict):
        raise Malformed("line %d is not a JSON object" % number)
    if "position" not in entry:
        # an export from before the sequencer: seq was the position
        if "seq" not in entry:
            raise Malformed("line %d has no field position" % number)
        entry["position"] = entry["seq"]
    for name in FIELDS + ["hash"]:
        if name not in entry:
            raise Malformed("line %d has no field %s" % (number, name))
    for name in FIELDS[1:] + ["hash"]:
        if entry[name] is not None and not isinstance(entry[name], str):
            raise Malformed("line %d: %s is not a string or null" % (number, name))
    position = entry["position"]
    if position is not None and (not isinstance(position, int) or isinstance(position, bool)):
        raise Malformed("line %d: position is not an integer or null" % number)
    if not isinstance(entry["recorded_at"], str) or not TIME.match(entry["recorded_at"]):
        raise Malformed("line %d: recorded_at is not YYYY-MM-DDTHH:MM:SS.ffffffZ" % number)
    return entry


def verify(lines, anchors=()):
    """Returns (intact, entries, first_broken_position, problem, pending): entries counts the chained ones."""
    by_position = {}
    for a in anchors:
        by_position.setdefault(a["position"], []).append(a)
    entries = pending = 0
    last_position, last_hash = 0, GENESIS
    broken = None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        entry = read(line, number)
        position = entry["position"]
        if position is None:
            pending += 1
            continue
        entries += 1
        if broken is not None:
            continue
        expected = last_position + 1
        if position != expected:
            if position > expected:
                missing = ("entries %d to %d are" % (expected, position - 1)) if position - 1 > expected \
                    else "entry %d is" % expected
                broken = (expected, "%s missing: after %d comes %d (deleted)" % (missing, last_position, position))
            else:
                broken = (position, "entry %d is out of order after %d (reordered or inserted)"
                          % (position, last_position))
        elif entry["prev_hash"] != last_hash:
            before = "the chain's start" if last_position == 0 else "entry %d" % last_position
            broken = (position, "entry %d's prev_hash is not the hash of %s (reordered or inserted)"
                      % (position, before))
        elif not isinstance(entry["hash"], str) or not HEX64.match(entry["hash"]) \
                or entry_hash(entry) != entry["hash"]:
            broken = (position, "entry %d's content does not match its hash (edited)" % position)
        else:
            for a in by_position.get(position, []):
                if a["hash"] != entry["hash"]:
                    broken = (position, "entry %d's hash is not the one %s signed: the chain up to here was "
                                        "rewritten (rewritten)" % (position, describe(a)))
                    break
        last_position, last_hash = position, entry["hash"]
    if broken is None:
        for a in sorted(anchors, key=lambda a: a["position"]):
            if a["position"] == 0 and a["hash"] != GENESIS:
                broken = (1, "%s signed an empty chain with a hash other than 64 zeros" % describe(a))
            elif a["position"] > last_position:
                p = a["position"]
                missing = ("entries %d to %d are" % (last_position + 1, p)) if p > last_position + 1 \
                    else "entry %d is" % p
                broken = (last_position + 1, "%s missing at the end: the export ends at %d but %s says the chain "
                                             "had %d entries (truncated)" % (missing, last_position, describe(a), p))
            if broken is not None:
                break
    if broken is None:
        return True, entries, None, None, pending
    return False, entries, broken[0], broken[1], pending


def main(argv=None):
    parser = argparse.ArgumentParser(description="Verify a CaseOps audit export (NDJSON) offline.")
    parser.add_argument("export", help="the export file, or - for standard input")
    parser.add_argument("--anchor", metavar="FILE|POSITION:HASH", action="append", default=[],
                        help="signed checkpoints kept from before (a file), or an entry's position and hash you "
                             "wrote down; the export must still contain each unchanged. Repeatable.")
    parser.add_argument("--key", metavar="HEX",
                        help="the public key (64 hex digits) every checkpoint must be signed with")
    args = parser.parse_args(argv)
    if args.key is not None and not HEX64.match(args.key):
        parser.error("--key must be 64 lower-case hex digits")
    anchors = []
    try:
        for anchor in args.anchor:
            position, _, digest = anchor.partition(":")
            if position.isdigit() and HEX64.match(digest):
                anchors.append({"position": int(position), "hash": digest})
            else:
                anchors.extend(read_anchor_file(anchor))
    except (OSError, UnicodeDecodeError, Malformed) as e:
        print("cannot read the anchor: %s" % e, file=sys.stderr)
        return 2
    for c in anchors:
        if "signature" not in c:
            continue
        if args.key is not None and c["key"] != args.key:
            print("Audit export BROKEN: %s is not signed with the key %s (key %s)"
                  % (describe(c), key_id(args.key), key_id(c["key"])))
            return 3
        if not ed25519_verify(bytes.fromhex(c["key"]), signed_text(c), bytes.fromhex(c["signature"])):
            print("Audit export BROKEN: %s: its signature does not verify (forged or altered checkpoint)"
                  % describe(c))
            return 3
    try:
        if args.export == "-":
            stream = open(sys.stdin.fileno(), encoding="utf-8", closefd=False)
        else:
            stream = open(args.export, encoding="utf-8")
        with stream:
            intact, entries, position, problem, pending = verify(stream, anchors)
    except (OSError, UnicodeDecodeError, Malformed) as e:
        print("cannot read the export: %s" % e, file=sys.stderr)
        return 2
    waiting = " (and %d pending: recorded, not chained yet, not checked)" % pending if pending else ""
    if intact:
        print("Audit export intact: %d entries%s" % (entries, waiting))
        for c in anchors:
            print("  checked against %s" % describe(c))
        return 0
    print("Audit export BROKEN at entry %d: %s (%d entries read)%s" % (position, problem, entries, waiting))
    return 3


if __name__ == "__main__":
    sys.exit(main())
