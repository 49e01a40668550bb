#!/usr/bin/env bash
# The peers benchmark: `coverage` against DuckDB and Polars on generated monthly data, with the
# floors of reading the file at all. Not run by CI. In one run, per size:
#
#   floor      cat and wc -l of participants.csv; the peers' start-up alone
#   branches   the branches-only query of bench/peers/branches.sql in the DuckDB CLI, and the
#              same in Polars (branches_polars.py): no roll-ups, no `all`, no validation
#   growth     the full growth job: every office, regions and the nation summed from their children
#              where every child has the figure, and the `all` segment; DuckDB (growth.sql), Polars
#              (growth_polars.py) and `coverage --format csv growth`
#   validate   `coverage validate`
#
# The peers are written as one who knows the tool would: a typed scan, the monthly rows folded into one
# row per office, segment, measure and year before any join, roll-ups on that small table. Before any
# timing each peer is checked on a 10,000-row file for coverage's figures (bench/peers/compare.py).
# `coverage` runs with 1 and with all threads when its --help lists --threads, otherwise once.
#
# Each round runs every command once, in alternating order (forward, then backward: drift in the
# machine's load falls on all alike); the table gives the run with the median wall time, so its CPU and
# memory belong to the same run. Times and peak RSS are /usr/bin/time's.
#
#   bench/peers.sh                         # SIZES="1000000 10000000" RUNS=3
#   SIZES="1000000" RUNS=5 bench/peers.sh
#   SLOW=1 bench/peers.sh                  # also plain Python and Miller (the growth job; long)
#   RESULTS=bench/RESULTS.md bench/peers.sh
#
# Needs network access to PyPI (polars, duckdb-cli) on first use, and apt for /usr/bin/time (and Miller
# with SLOW=1).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000000 10000000"}
RUNS=${RUNS:-3}
SLOW=${SLOW:-}
# Miller holds every row in its maps, about 3 GiB per million rows: left out above this size.
MILLER_MAX_ROWS=${MILLER_MAX_ROWS:-1000000}
WORK=target/bench
given_results=${RESULTS:-}
RESULTS=${RESULTS:-$WORK/peers.md}
VENV=target/peers-venv
PY=$VENV/bin/python
DUCKDB=$VENV/bin/duckdb
COV=target/release/coverage
GEN=target/release/examples/gen
mkdir -p "$WORK/sql"
invocation="SIZES=\"$SIZES\" RUNS=$RUNS ${SLOW:+SLOW=$SLOW }${given_results:+RESULTS=$given_results }bench/peers.sh"

need_apt=()
[ -x /usr/bin/time ] || need_apt+=(time)
[ -z "$SLOW" ] || command -v mlr >/dev/null || need_apt+=(miller)
if [ ${#need_apt[@]} -gt 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if ! "$PY" -c 'import polars' 2>/dev/null || [ ! -x "$DUCKDB" ]; then
    python3 -m venv "$VENV"
    "$PY" -m pip install -q polars duckdb-cli
fi

cargo build -q --release --bin coverage --example gen
help=$("$COV" --help)
if [[ $help == *--threads* ]]; then
    THREADS="1 $(nproc)"
else
    THREADS=""
fi

gen() { # rows dir [years]
    [ -s "$2/participants.csv" ] || "$GEN" --rows "$1" --out "$2" ${3:+--years "$3"}
}

sql() { # file dir out: the SQL of bench/peers/FILE.sql for DIR, written to OUT
    local f=$WORK/sql/$1-$(basename "$2").sql
    sed -e "s|@DIR@|$2|g" -e "s|@OUT@|$3|g" "bench/peers/$1.sql" >"$f"
    echo "$f"
}

# The jobs for one data set, one a line: query, tool, command (a shell command line writing its
# answer to OUT; the DuckDB CLI writes it with COPY and its own output goes to /dev/null).
jobs() { # dir out
    local dir=$1 out=$2 t
    printf '%s\t%s\t%s\n' \
        floor cat "cat $dir/participants.csv >$out" \
        floor "wc -l" "wc -l $dir/participants.csv >$out" \
        floor "duckdb start-up" "$DUCKDB -init /dev/null -c 'SELECT 1' >/dev/null" \
        floor "polars start-up" "$PY -c 'import polars' >$out" \
        branches duckdb "$DUCKDB -init /dev/null -f $(sql branches "$dir" "$out") >/dev/null" \
        branches polars "$PY bench/peers/branches_polars.py $dir $out" \
        growth duckdb "$DUCKDB -init /dev/null -f $(sql growth "$dir" "$out") >/dev/null" \
        growth polars "$PY bench/peers/growth_polars.py $dir $out"
    if [ -n "$SLOW" ]; then
        printf '%s\t%s\t%s\n' growth python "$PY bench/peers/growth_python.py $dir $out"
        if [ "$(wc -l <"$dir/participants.csv")" -le $((MILLER_MAX_ROWS + 1)) ]; then
            printf '%s\t%s\t%s\n' growth miller \
                "mlr --icsv --ocsv put -q -s level= -f bench/peers/growth.mlr $dir/offices.csv $dir/participants.csv >$out"
        fi
    fi
    for q in growth validate; do
        local args="--format csv growth"
        [ $q = validate ] && args=validate
        if [ -z "$THREADS" ]; then
            printf '%s\t%s\t%s\n' $q coverage "$COV --data $dir $args >$out"
        fi
        for t in $THREADS; do
            printf '%s\t%s\t%s\n' $q "coverage, $t thread$([ "$t" = 1 ] || echo s)" \
                "$COV --threads $t --data $dir $args >$out"
        done
    done
}

echo "== checking that every peer gives coverage's figures (10,000 rows)"
check=$WORK/check
gen 10000 "$check" 3
checks=$WORK/checks.txt
: >"$checks"
"$COV" --data "$check" --format csv growth >"$check/coverage.csv"
while IFS=$'\t' read -r query tool cmd; do
    [ "$query" = floor ] && continue
    case $tool in coverage*) continue ;; esac
    out=$check/$query-$tool.csv
    eval "$cmd" </dev/null
    mv "$check/out.csv" "$out"
    if [ "$query" = branches ]; then
        "$PY" bench/peers/compare.py branches "$check/coverage.csv" "$out" "$check/offices.csv" | tee -a "$checks"
    else
        "$PY" bench/peers/compare.py growth "$check/coverage.csv" "$out" | tee -a "$checks"
    fi
done < <(jobs "$check" "$check/out.csv")
"$PY" bench/peers/compare.py same "$check/branches-duckdb.csv" "$check/branches-polars.csv" | tee -a "$checks"

runs=$WORK/peers-runs.tsv
: >"$runs"
loads=()
for rows in $SIZES; do
    dir=$WORK/rows-$rows
    gen "$rows" "$dir"
    cat "$dir"/*.csv >/dev/null # into the page cache: the job is parsing, not the disk
    mapfile -t list < <(jobs "$dir" /dev/null)
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    for round in $(seq "$RUNS"); do
        order=$(seq 0 $((${#list[@]} - 1)))
        [ $((round % 2)) = 0 ] && order=$(echo "$order" | tac)
        for i in $order; do
            IFS=$'\t' read -r query tool cmd <<<"${list[$i]}"
            echo "== $rows rows, round $round/$RUNS: $query, $tool" >&2
            start=$EPOCHREALTIME
            eval "/usr/bin/time -f '%U %S %M' -o $WORK/time.txt $cmd"
            end=$EPOCHREALTIME
            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$rows" "$i" "$query" "$tool" "$start" "$end" \
                "$(tr ' ' '\t' <"$WORK/time.txt")" "$(cut -d' ' -f1 /proc/loadavg)" >>"$runs"
        done
    done
    loads+=("$rows	$(stat -c %s "$dir/participants.csv")	$load_before	$(cut -d' ' -f1-3 /proc/loadavg)")
    printf '%s\n' "${list[@]}" | sed "s|^|$rows	|" >"$WORK/peers-jobs-$rows.tsv"
done
printf '%s\n' "${loads[@]}" >"$WORK/peers-loads.tsv"

{
    echo "# bench/peers.sh"
    echo
    echo "\`$invocation\` at $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)."
    echo
    echo "- Machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores" \
        "($(lscpu | sed -n 's/^Thread(s) per core: *//p') thread(s) per core)," \
        "$(free -g | awk '/^Mem:/ {print $2}') GiB memory, $(uname -sr)."
    echo "- Tools: coverage release build; DuckDB CLI $("$DUCKDB" --version | cut -d' ' -f1);" \
        "Polars $("$PY" -c 'import polars; print(polars.__version__)') on $("$PY" --version)."
    if [ -z "$THREADS" ]; then
        echo "- Threads: \`coverage --help\` lists no \`--threads\`, so coverage runs once, as it is" \
            "(one thread); DuckDB and Polars use every core."
    else
        echo "- Threads: coverage with \`--threads 1\` and \`--threads $(nproc)\`; DuckDB and Polars use every core."
    fi
    echo "- Checked first on 10,000 rows (bench/peers/compare.py):"
    sed 's/^/  - /' "$checks"
    echo
    "$PY" - "$runs" "$WORK/peers-loads.tsv" "$WORK" <<'PY'
import statistics, sys
from collections import defaultdict

runs_file, loads_file, work = sys.argv[1:4]
runs = defaultdict(list)
for line in open(runs_file):
    rows, i, query, tool, start, end, user, sys_, rss, load = line.rstrip("\n").split("\t")
    wall = float(end) - float(start)
    runs[(int(rows), int(i), query, tool)].append((wall, float(user) + float(sys_), int(rss), float(load)))
for line in open(loads_file):
    rows, size, before, after = line.rstrip("\n").split("\t")
    rows, size = int(rows), int(size)
    mine = {k: v for k, v in runs.items() if k[0] == rows}
    load = [r[3] for v in mine.values() for r in v]
    # The run with the median wall time (the lower of two middle ones), so its CPU and memory belong
    # to the same run.
    med = {k: sorted(v)[(len(v) - 1) // 2] for k, v in mine.items()}
    base = next((med[k][0] for k in med if k[2:] == ("branches", "duckdb")), None)
    print(f"## {rows:,} rows (participants.csv {size / 1e6:.0f} MB)")
    print()
    print(f"Load average (1, 5, 15 min) before: {before}; after: {after}; "
          f"1-min load during the runs {min(load):.2f} to {max(load):.2f}.")
    print()
    print("| query | tool | runs | wall s | wall min–max | CPU s | peak RSS MiB | MB/s | wall / DuckDB branches |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for k in sorted(mine, key=lambda k: k[1]):
        v = mine[k]
        wall, cpu, rss, _ = med[k]
        walls = [r[0] for r in v]
        ratio = f"{wall / base:.2f}" if base else ""
        print(f"| {k[2]} | {k[3]} | {len(v)} | {wall:.3f} | {min(walls):.3f}–{max(walls):.3f} | {cpu:.2f} "
              f"| {rss / 1024:.0f} | {size / 1e6 / wall:,.0f} | {ratio} |")
    print()
    print("Commands (each run as `/usr/bin/time -f '%U %S %M' COMMAND`):")
    print()
    for line in open(f"{work}/peers-jobs-{rows}.tsv"):
        _, query, tool, cmd = line.rstrip("\n").split("\t")
        print(f"- {query}, {tool}: `{cmd}`")
    print()
PY
    echo "wall is the median of the runs (the shell's clock around the command; the file in the page"
    echo "cache, output to /dev/null); CPU is user + system time and peak RSS the maximum resident set of"
    echo "that same run, from /usr/bin/time. MB/s is participants.csv's size over the wall time. The"
    echo "DuckDB SQL is bench/peers/branches.sql or growth.sql with the data directory filled in. Every"
    echo "run is in $runs."
    echo
    echo "What differs in the work: the peers compute value, base, change and change %; coverage also"
    echo "names each office, computes the compound growth rate, carries each figure's source and makes"
    echo "every check of \`validate\` on every row, which the peers do not. The Polars times include"
    echo "Python's start-up and \`import polars\` (the start-up row). The branches-only query is timed as"
    echo "it is written: its new_sum adds year-to-date rows, so it is no figure of coverage's and is"
    echo "checked DuckDB against Polars only."
} >"$RESULTS"
cat "$RESULTS"
