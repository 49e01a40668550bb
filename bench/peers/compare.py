"""Checks a peer's figures before it is timed. Usage:

  compare.py growth COVERAGE.csv PEER.csv      the full growth job: every row and figure of
                                               `coverage --format csv growth` (value, base, change,
                                               change %), no row more or less
  compare.py branches COVERAGE.csv PEER.csv OFFICES.csv
                                               the branches-only query: each December stock, its change
                                               and change % equal coverage's growth row for that branch,
                                               segment and December, and every such row of a branch in
                                               OFFICES.csv is there
  compare.py same PEER_A.csv PEER_B.csv        two peers' answers to the branches-only query, every
                                               column (new_sum is no coverage figure: it sums year-to-date
                                               rows, so it is checked peer against peer)
"""
import csv
import sys


def read(path, key):
    with open(path, newline="") as f:
        return {tuple(r[k] for k in key): r for r in csv.DictReader(f)}


def same_int(a, b):
    return a == b or bool(a and b and float(a) == float(b) and float(a).is_integer())


def same_float(a, b):
    return bool(a) == bool(b) and (not a or abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a))))


def differ(k, a, b, ints, floats):
    bad = [f"{k} {c}: {a[c]!r} against {b[c2]!r}" for c, c2 in ints if not same_int(a[c], b[c2])]
    return bad + [f"{k} {c}: {a[c]!r} against {b[c2]!r}" for c, c2 in floats if not same_float(a[c], b[c2])]


def growth(want, got):
    want = read(want, ("office", "segment", "measure", "period"))
    got = read(got, ("office", "segment", "measure", "period"))
    bad = []
    for k in sorted(set(want) | set(got)):
        a, b = want.get(k), got.get(k)
        if a is None or b is None:
            bad.append(f"{k}: only in {'the peer' if a is None else 'coverage'}")
        else:
            bad += differ(k, a, b, [(c, c) for c in ("value", "base_value", "change")], [("change_pct",) * 2])
    return len(want), bad


def branches(want, got, offices):
    want = read(want, ("office", "segment", "measure", "period"))
    got = read(got, ("office", "segment", "year"))
    offices = {r["code"] for r in read(offices, ("code",)).values() if r["level"] == "branch"}
    bad = []
    for (office, segment, year), b in sorted(got.items()):
        a = want.get((office, segment, "active", f"{year}-12"))
        if not b["dec_active"]:
            if a is not None:
                bad.append(f"{office} {segment} {year}: no December stock, coverage has {a['value']}")
            continue
        if a is None:
            bad.append(f"{office} {segment} {year}: not in coverage")
            continue
        bad += differ((office, segment, year), a, b, [("value", "dec_active"), ("change", "change")],
                      [("change_pct", "pct")])
    n = 0
    for (office, segment, measure, period), a in want.items():
        if office in offices and segment != "all" and measure == "active" and period.endswith("-12"):
            n += 1
            if not (got.get((office, segment, period[:4])) or {}).get("dec_active"):
                bad.append(f"{office} {segment} {period}: only in coverage")
    return n, bad


def same(a, b):
    a = read(a, ("office", "segment", "year"))
    b = read(b, ("office", "segment", "year"))
    bad = [f"{k}: only in {'the second' if k not in a else 'the first'}" for k in sorted(set(a) ^ set(b))]
    for k in sorted(set(a) & set(b)):
        bad += differ(k, a[k], b[k], [(c, c) for c in ("dec_active", "new_sum", "change")], [("pct", "pct")])
    return len(a), bad


mode, first, second = sys.argv[1:4]
rows, bad = {"growth": growth, "branches": branches, "same": same}[mode](first, second, *sys.argv[4:])
if bad:
    print(f"{second}: {len(bad)} differences from {first}, e.g.", *bad[:5], sep="\n  ")
    sys.exit(1)
if rows == 0:
    print(f"{second}: nothing to compare in {first}")
    sys.exit(1)
print(f"{second}: {rows} rows, the same figures as {first}")
