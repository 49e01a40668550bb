#!/usr/bin/env bash
# Time and peak memory of reading awkward inputs, on a release build:
#   - a 10,000-deep office chain with four segments per office (roll-ups at every level),
#   - a 50 MB single field (an office note),
#   - 100,000 participant rows with Indonesian numbers read with --decimal-comma.
# Usage: scripts/bench-input.sh [runs]   (default 5; prints the median wall time and peak RSS)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
cargo build --release --quiet
bin="$PWD/target/release/coverage"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import os, sys
w = sys.argv[1]
levels = ["national", "region", "branch", "district"]

d = os.path.join(w, "chain"); os.makedirs(d)
with open(os.path.join(d, "offices.csv"), "w") as f:
    f.write("code,name,level,parent\n")
    for i in range(10000):
        f.write(f"o{i},Office {i},{levels[i % 4]},{'o' + str(i - 1) if i else ''}\n")
with open(os.path.join(d, "participants.csv"), "w") as f:
    f.write("office,period,segment,measure,value,source\n")
    for i in range(10000):
        for seg in ["pu", "bpu", "jakon", "pmi"]:
            f.write(f"o{i},2023,{seg},active,{i + 1},s\n")

d = os.path.join(w, "bigfield"); os.makedirs(d)
with open(os.path.join(d, "offices.csv"), "w") as f:
    f.write("code,name,level,parent,note\n")
    f.write('b,Big,branch,,"' + "x" * (50 * 1024 * 1024) + '"\n')
with open(os.path.join(d, "participants.csv"), "w") as f:
    f.write("office,period,segment,measure,value,source\nb,2023,pu,active,1,s\n")

d = os.path.join(w, "rows"); os.makedirs(d)
with open(os.path.join(d, "offices.csv"), "w") as f:
    f.write("code;name;level;parent\n")
    for i in range(1000):
        f.write(f"o{i};Office {i};branch;\n")
with open(os.path.join(d, "participants.csv"), "w", newline="") as f:
    f.write("\ufeffoffice;period;segment;measure;value;source\r\n")
    for i in range(1000):
        for y in range(1925, 2025):
            f.write(f"o{i};{y};pu;active;{i % 999 + 1}.{y % 1000:03d};s\r\n")
PY

measure() {
  local label="$1"; shift
  local times=() mem=0
  for _ in $(seq "$runs"); do
    # validate exits 1 when it finds problems; only the time matters here.
    /usr/bin/time -o "$work/time" -f '%e %M' "$bin" "$@" > /dev/null 2>&1 || true
    out="$(tail -1 "$work/time")"
    times+=("${out% *}")
    m="${out#* }"; (( m > mem )) && mem=$m
  done
  median="$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
  printf '%-44s median %6.2f s   peak RSS %6d KB\n' "$label" "$median" "$mem"
}

measure "10,000-deep chain: validate" --data "$work/chain" validate
measure "10,000-deep chain: growth --format csv" --data "$work/chain" growth --format csv
measure "10,000-deep chain: offices (table)" --data "$work/chain" offices
measure "50 MB field: validate" --data "$work/bigfield" validate
measure "100,000 rows, ';', --decimal-comma: growth" --data "$work/rows" --decimal-comma growth --format csv
