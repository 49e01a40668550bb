#!/usr/bin/env bash
# Time and peak memory of drawing charts, on a release build:
#   - the shipped data: national participants with four targets, and Bali Denpasar's claims,
#   - a long history: 100 years of month ends in four segments for one branch (4,800 points),
#   - bars: five programs in two segments (ten bars).
# Usage: scripts/bench-chart.sh [runs]   (default 5; prints the median wall time and peak RSS)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
cargo build --release --quiet
bin="$PWD/target/release/coverage"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cp data/*.csv "$work/"
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
with open(f"{w}/participants.csv", "a") as f:
    for s, base in (("pu", 400000), ("bpu", 100000), ("jakon", 30000), ("pmi", 5000)):
        k = 0
        for y in range(1924, 2024):
            for m in range(1, 13):
                k += 1
                f.write(f"kc-tabanan,{y}-{m:02d},{s},active,{base + 37 * k},bench,,\n")
with open(f"{w}/claims.csv", "a") as f:
    for p, n in (("jht", 900), ("jkk", 300), ("jkm", 120), ("jp", 80), ("jkp", 20)):
        f.write(f"kc-tabanan,2023,pu,{p},{n},{n * 20000000},bench,,\n")
        f.write(f"kc-tabanan,2023,bpu,{p},{n // 3},{n * 5000000},bench,,\n")
PY

measure() {
  local label="$1"; shift
  local times=() mem=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$work/time" -f '%e %M' "$bin" "$@" > /dev/null
    out="$(tail -1 "$work/time")"
    times+=("${out% *}")
    m="${out#* }"; (( m > mem )) && mem=$m
  done
  median="$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
  printf '%-44s median %5ss  peak RSS %6d KB\n' "$label" "$median" "$mem"
}

measure "shipped: national participants" chart --branch national --out "$work/a.svg"
measure "shipped: Bali Denpasar claims" chart --branch denpasar --metric claims --out "$work/b.svg"
measure "4,800 month ends in four segments" --data "$work" chart --branch kc-tabanan --out "$work/c.svg"
measure "ten program bars in two segments" --data "$work" chart --branch kc-tabanan --metric claims --out "$work/d.svg"
