"""The growth query in plain Python with the csv module: usage growth_python.py DIR OUT [LEVEL]."""
import csv
import sys
from collections import defaultdict

data, out = sys.argv[1], sys.argv[2]
level = sys.argv[3] if len(sys.argv) > 3 else ""

parent, lvl, kids = {}, {}, defaultdict(int)
with open(f"{data}/offices.csv", newline="") as f:
    for r in csv.DictReader(f):
        parent[r["code"]], lvl[r["code"]] = r["parent"], r["level"]
        kids[r["parent"]] += 1

fig = {}  # (office, period, segment, measure) -> value
with open(f"{data}/participants.csv", newline="") as f:
    rd = csv.reader(f)
    next(rd)
    for office, period, segment, measure, value, *_ in rd:
        if value != "":
            fig[(office, period, segment, measure)] = int(value)


def roll(pred, key_of, need):
    """Sums figures into groups; keeps the groups that have `need(group)` members."""
    s, n = defaultdict(int), defaultdict(int)
    for k, v in fig.items():
        if pred(k):
            g = key_of(k)
            s[g] += v
            n[g] += 1
    return {g: v for g, v in s.items() if n[g] == need(g)}


fig.update(roll(lambda k: lvl[k[0]] == "branch", lambda k: (k[0], k[1], "all", k[3]), lambda g: 4))
fig.update(roll(lambda k: lvl[k[0]] == "branch", lambda k: (parent[k[0]],) + k[1:], lambda g: kids[g[0]]))
fig.update(roll(lambda k: lvl[k[0]] == "region", lambda k: (parent[k[0]],) + k[1:], lambda g: kids[g[0]]))

latest = {}
for (o, p, s, m) in fig:
    g = (o, s, m, p[:4])
    if g not in latest or p > latest[g]:
        latest[g] = p

with open(out, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["office", "segment", "measure", "period", "value", "base_value", "change", "change_pct"])
    for (o, s, m, y), p in latest.items():
        if level and lvl[o] != level:
            continue
        v = fig[(o, p, s, m)]
        b = fig.get((o, str(int(y) - 1) + p[4:], s, m))
        if b is None:
            w.writerow([o, s, m, p, v, "", "", ""])
        else:
            w.writerow([o, s, m, p, v, b, v - b, (v - b) * 100.0 / b if b > 0 else ""])
