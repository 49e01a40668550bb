"""Checks that a peer's growth rows equal coverage's: usage compare.py COVERAGE.csv PEER.csv."""
import csv
import sys


def rows(path):
    with open(path, newline="") as f:
        out = {}
        for r in csv.DictReader(f):
            out[(r["office"], r["segment"], r["measure"], r["period"])] = r
        return out


want, got = rows(sys.argv[1]), rows(sys.argv[2])
bad = []
for k in sorted(set(want) | set(got)):
    a, b = want.get(k), got.get(k)
    if a is None or b is None:
        bad.append(f"{k}: only in {'peer' if a is None else 'coverage'}")
        continue
    for c in ("value", "base_value", "change"):
        if (a[c] or None) != (b[c] or None) and not (a[c] and b[c] and int(a[c]) == int(float(b[c]))):
            bad.append(f"{k} {c}: coverage {a[c]!r}, peer {b[c]!r}")
    x, y = a["change_pct"], b["change_pct"]
    if bool(x) != bool(y) or (x and abs(float(x) - float(y)) > 1e-9 * max(1.0, abs(float(x)))):
        bad.append(f"{k} change_pct: coverage {x!r}, peer {y!r}")
if bad:
    print(f"{sys.argv[2]}: {len(bad)} differences from coverage, e.g.", *bad[:5], sep="\n  ")
    sys.exit(1)
print(f"{sys.argv[2]}: {len(want)} rows, same figures as coverage")
