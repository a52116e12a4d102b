#!/usr/bin/env python3
"""Verify the integrity of a coop-ledger JSONL file (format 1, docs/ledger-format.md). Usage: verify_ledger.py LEDGER"""
import hashlib, json, math, re, sys
from decimal import Decimal

MAX_LINE, MAX_NESTING, SAFE = 1048576, 16, 2**53 - 1
HEADER = {"canonicalization": "RFC8785", "format": "coop-ledger", "formatVersion": 1, "hashAlgorithm": "sha256", "maxLineBytes": MAX_LINE}
EVENT = ["batchRemaining", "data", "eventId", "metadata", "position", "revision", "schemaVersion", "streamId", "type"]
INSTANT = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{3}Z")
STREAM, UUID = re.compile(r"(coop|alliance|fund|reorganisation)-[A-Za-z0-9][A-Za-z0-9._-]{0,63}"), re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
ESC = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}

class Bad(Exception): pass

def bad_constant(name): raise Bad(f"non-finite number {name}")

def canonical(v):  # RFC 8785 as the writer produces it (ECMAScript number and string forms)
    if v is None or isinstance(v, bool): return json.dumps(v)
    if isinstance(v, float) and v.is_integer(): v = int(v)
    if isinstance(v, int):
        if abs(v) > SAFE: raise Bad("unsafe integer")
        return str(v)
    if isinstance(v, float):
        if not math.isfinite(v) or not 1e-6 <= abs(v) < 1e21: raise Bad("number with no portable form")
        return format(Decimal(repr(v)), "f")
    if isinstance(v, str):
        if any(0xD800 <= ord(c) <= 0xDFFF for c in v): raise Bad("lone surrogate")
        return '"' + "".join(ESC.get(c) or (f"\\u{ord(c):04x}" if c < " " else c) for c in v) + '"'
    if isinstance(v, list): return "[" + ",".join(canonical(x) for x in v) + "]"
    keys = sorted(v, key=lambda k: k.encode("utf-16-be"))
    return "{" + ",".join(canonical(k) + ":" + canonical(v[k]) for k in keys) + "}"

def depth(b):  # nesting of objects and arrays, counted on the bytes outside strings
    d = top = 0; in_str = esc = False
    for c in b:
        if in_str: in_str, esc = (in_str, False) if esc else (c != 34, c == 92)
        elif c == 34: in_str = True
        elif c in (123, 91): d += 1; top = max(top, d)
        elif c in (125, 93): d -= 1
    return top

def content_of(content):  # the strict rule: UTF-8, nesting, one JSON object, byte-exact canonical form
    try: text = content.decode("utf-8")
    except UnicodeDecodeError: raise Bad("invalid UTF-8")
    if content.count(b"[") + content.count(b"{") > MAX_NESTING and depth(content) > MAX_NESTING: raise Bad("nested too deep")
    try: rec = json.loads(text, parse_constant=bad_constant)
    except ValueError: raise Bad("not JSON")
    if not isinstance(rec, dict) or "hash" in rec: raise Bad("not a JSON object without a hash member")
    if canonical(rec) != text: raise Bad("not canonical JSON")
    return rec

def real_instant(s):
    m = INSTANT.fullmatch(s) if isinstance(s, str) else None
    if not m: return False
    y, mo, d, h, mi, se = map(int, m.groups())
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    days = 29 if mo == 2 and leap else [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] if 1 <= mo <= 12 else 0
    return 1 <= d <= days and h < 24 and mi < 60 and se < 60

def verify(path):
    prev, revisions, ids, pending, start, n = "", {}, {}, 0, 0, 0
    with open(path, "rb") as f:
        for n, raw in enumerate(f, start=1):
            if len(raw.rstrip(b"\n")) > MAX_LINE: return f"line {n}: longer than 1 MiB"
            if not raw.endswith(b"\n"): return f"line {start if pending else n}: torn final line (no newline)"
            line = raw[:-1]
            if re.fullmatch(rb'\{"hash":"[0-9a-f]{64}",.*', line, re.S) is None: return f"line {n}: bad frame"
            stored, content = line[9:73].decode("ascii"), b"{" + line[75:]
            if hashlib.sha256(prev.encode("ascii") + content).hexdigest() != stored: return f"line {n}: hash mismatch"
            try: rec = content_of(content)
            except Bad as e: return f"line {n}: {e}"
            prev = stored
            if n == 1:
                if sorted(rec) != sorted([*HEADER, "createdAt"]) or any(rec[k] != v or type(rec[k]) != type(v) for k, v in HEADER.items()) or not real_instant(rec["createdAt"]):
                    return "line 1: not a coop-ledger v1 header"
                continue
            if sorted(rec) != EVENT: return f"line {n}: not exactly the envelope's members"
            if not all(type(rec[k]) is int and rec[k] >= 0 for k in ("batchRemaining", "position", "revision", "schemaVersion")) or not all(isinstance(rec[k], str) for k in ("eventId", "streamId", "type")):
                return f"line {n}: an envelope member has the wrong type"
            if not STREAM.fullmatch(rec["streamId"]) or not UUID.fullmatch(rec["eventId"]): return f"line {n}: bad stream id or event id"
            if rec["position"] != n - 2: return f"line {n}: position {rec['position']}, expected {n - 2}"
            if rec["revision"] != revisions.get(rec["streamId"], -1) + 1: return f"line {n}: revision out of sequence"
            if pending and rec["batchRemaining"] != pending - 1: return f"line {n}: append grouping broken"
            if rec["eventId"] in ids: return f"line {n}: event id already used on line {ids[rec['eventId']]}"
            if not pending: start = n
            revisions[rec["streamId"]], pending, ids[rec["eventId"]] = rec["revision"], rec["batchRemaining"], n
    if n == 0: return "line 1: empty file"
    return f"line {start}: the file ends inside an append" if pending else None

if __name__ == "__main__":
    problem = verify(sys.argv[1])
    print(f"FAIL {problem}" if problem else "OK")
    sys.exit(1 if problem else 0)
