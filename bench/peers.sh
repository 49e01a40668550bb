#!/usr/bin/env bash
# The growth benchmark: `coverage --format csv growth` against DuckDB, Polars, Miller and plain
# Python on generated monthly data. Installs the peers, checks that every one gives coverage's
# figures on a 10,000-row file, then times each and prints a table. Not run by CI.
#
#   bench/peers.sh    # 1M and 10M rows, median of 3 runs (Python and Miller: 1 run, growth only, at 10M)
#   SIZES="1000000" RUNS=5 bench/peers.sh
#
# Needs root for apt (miller) and network access to PyPI (duckdb, polars) on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000000 10000000"}
RUNS=${RUNS:-3}
# Python takes minutes at 10M rows: fewer runs above this size.
SLOW_ROWS=${SLOW_ROWS:-5000000}
SLOW_RUNS=${SLOW_RUNS:-1}
# Miller holds every row in its DSL maps, about 3 GiB per million rows: above this size it
# would exhaust the memory of an ordinary machine, so it is left out.
MILLER_MAX_ROWS=${MILLER_MAX_ROWS:-1000000}
# KEEP=1 adds to the results of an earlier run instead of starting afresh.
KEEP=${KEEP:-}
WORK=target/bench
VENV=target/peers-venv
PY=$VENV/bin/python
mkdir -p "$WORK"

need_apt=()
command -v mlr >/dev/null || need_apt+=(miller)
[ -x /usr/bin/time ] || need_apt+=(time)
if [ ${#need_apt[@]} -gt 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if ! "$PY" -c 'import duckdb, polars' 2>/dev/null; then
    python3 -m venv "$VENV"
    "$PY" -m pip install -q duckdb polars
fi

cargo build -q --release --bin coverage --example gen
COV=target/release/coverage
GEN=target/release/examples/gen

gen() { # rows dir [years]
    [ -s "$2/participants.csv" ] || "$GEN" --rows "$1" --out "$2" ${3:+--years "$3"}
}

# One command line per tool: DIR OUT LEVEL are filled in by `run`.
run() { # tool dir out level
    local tool=$1 dir=$2 out=$3 level=$4
    case $tool in
    coverage) "$COV" --data "$dir" --format csv growth ${level:+--level "$level"} >"$out" ;;
    duckdb | polars | python) "$PY" "bench/peers/growth_$tool.py" "$dir" "$out" "$level" ;;
    miller) mlr --icsv --ocsv put -q -s level="$level" -f bench/peers/growth.mlr \
        "$dir/offices.csv" "$dir/participants.csv" >"$out" ;;
    esac
}
TOOLS="coverage duckdb polars python miller"

echo "== checking that every peer gives coverage's figures (10,000 rows)"
gen 10000 "$WORK/check" 3
for level in "" region; do
    run coverage "$WORK/check" "$WORK/check-coverage.csv" "$level"
    for tool in $TOOLS; do
        [ "$tool" = coverage ] && continue
        run "$tool" "$WORK/check" "$WORK/check-$tool.csv" "$level"
        "$PY" bench/peers/compare.py "$WORK/check-coverage.csv" "$WORK/check-$tool.csv"
    done
done

results=$WORK/peers-results.tsv
[ -n "$KEEP" ] || : >"$results"
for rows in $SIZES; do
    dir=$WORK/rows-$rows
    gen "$rows" "$dir"
    bytes=$(stat -c %s "$dir/participants.csv")
    cat "$dir"/*.csv >/dev/null # into the page cache: the job is CSV parsing, not disk
    for level in "" region; do
        for tool in $TOOLS; do
            n=$RUNS
            if [ "$tool" = miller ] && [ "$rows" -gt "$MILLER_MAX_ROWS" ]; then
                echo "== miller, $rows rows: left out (above MILLER_MAX_ROWS=$MILLER_MAX_ROWS)" >&2
                continue
            fi
            if [ "$tool" = python ] || [ "$tool" = miller ]; then
                if [ "$rows" -gt "$SLOW_ROWS" ]; then
                    # The roll-up costs them nothing extra: time the full query only.
                    [ -n "$level" ] && continue
                    n=$SLOW_RUNS
                fi
            fi
            echo "== $tool, $rows rows${level:+, --level $level}, $n runs" >&2
            for _ in $(seq "$n"); do
                /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" \
                    bash -c "$(declare -f run); COV=$COV PY=$PY; run $tool $dir /dev/null '$level'"
                echo "$rows	${level:-all}	$tool	$bytes	$(cat "$WORK/time.txt")" >>"$results"
            done
        done
    done
done

"$PY" - "$results" <<'PY'
import statistics, sys
from collections import defaultdict
runs = defaultdict(list)
for line in open(sys.argv[1]):
    rows, level, tool, size, wall, user, sys_, rss = line.split()
    runs[(int(rows), level, tool, int(size))].append((float(wall), float(user) + float(sys_), int(rss)))
def median(rs):
    # The run with the median wall time, so its CPU and memory belong to the same run.
    return sorted(rs)[len(rs) // 2]
print()
print("| rows | query | tool | runs | wall s | CPU s | peak RSS MiB | MB/s | wall / coverage |")
print("| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for (rows, level, tool, size), rs in runs.items():
    wall, cpu, rss = median(rs)
    base = median(runs[(rows, level, "coverage", size)])[0]
    query = "growth" if level == "all" else f"growth --level {level}"
    print(f"| {rows:,} | {query} | {tool} | {len(rs)} | {wall:.2f} | {cpu:.2f} | {rss / 1024:.0f} "
          f"| {size / 1e6 / wall:.0f} | {wall / base:.2f} |")
PY
