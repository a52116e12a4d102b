#!/usr/bin/env python3
"""Verify a coop-ledger JSONL file (format 1, docs/ledger-format.md). Usage: verify_ledger.py LEDGER"""
import hashlib, json, sys

def verify(path):
    prev, revisions, pending, n = "", {}, 0, 0
    with open(path, "rb") as f:
        for n, raw in enumerate(f, start=1):
            if not raw.endswith(b"\n"): return f"line {n}: torn final line (no newline)"
            line = raw[:-1]
            if len(line) > 1048576: return f"line {n}: longer than 1 MiB"
            if not line.startswith(b'{"hash":"') or line[73:75] != b'",': return f"line {n}: bad frame"
            stored, content = line[9:73].decode("ascii"), b"{" + line[75:]  # content = canonical JSON
            if hashlib.sha256(prev.encode("ascii") + content).hexdigest() != stored: return f"line {n}: hash mismatch"
            rec, prev = json.loads(content), stored
            if n == 1:
                if rec.get("format") != "coop-ledger" or rec.get("formatVersion") != 1: return "line 1: not a coop-ledger v1 header"
                continue
            if rec["position"] != n - 2: return f"line {n}: position {rec['position']}, expected {n - 2}"
            if rec["revision"] != revisions.get(rec["streamId"], -1) + 1: return f"line {n}: revision out of sequence"
            if pending and rec["batchRemaining"] != pending - 1: return f"line {n}: append grouping broken"
            revisions[rec["streamId"]], pending = rec["revision"], rec["batchRemaining"]
    if n == 0: return "empty file"
    return f"line {n}: the file ends inside an append" if pending else None

if __name__ == "__main__":
    problem = verify(sys.argv[1])
    print(f"FAIL {problem}" if problem else "OK")
    sys.exit(1 if problem else 0)
