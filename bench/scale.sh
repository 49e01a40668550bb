#!/usr/bin/env bash
# How `coverage`'s cost grows with the rows of a national monthly file. Not run by CI.
#
# For each size it writes a data set with examples/gen.rs (the national office, 11 regions and as
# many branches as the rows need, 15 years) and times, in alternating rounds (forward, then
# backward, so drift in the machine's load falls on all alike):
#
#   --format csv growth, --format json growth, --format table growth   every office's growth
#   validate                                                           every check, no output
#   report --branch b00001                                             one office's whole picture
#   check --branch b00001 --min-growth 5                               a gate on one office
#
# The table gives, per size and command, the run with the median wall time (so its CPU and memory
# belong to the same run): wall and CPU (user + system) seconds and peak RSS, from /usr/bin/time,
# reading a file in the page cache and writing to /dev/null.
#
#   bench/scale.sh                              # SIZES="1000000 3000000 10000000 30000000" RUNS=3
#   SIZES="1000000 3000000" RUNS=3 bench/scale.sh
#   RESULTS=bench/SCALE.md bench/scale.sh
#
# The 30,000,000-row file takes 1.25 GB: KEEP=1 keeps the data sets, otherwise each is deleted after
# its size is timed. Needs /usr/bin/time (apt install time).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000000 3000000 10000000 30000000"}
RUNS=${RUNS:-3}
KEEP=${KEEP:-}
WORK=target/scale
RESULTS=${RESULTS:-$WORK/scale.md}
BRANCH=b00001

[ -x /usr/bin/time ] || { echo "scale.sh: needs /usr/bin/time (apt install time)" >&2; exit 2; }
mkdir -p "$WORK"
cargo build --release --quiet --bin coverage --example gen
BIN=target/release/coverage
GEN=target/release/examples/gen

COMMANDS=(
  "--format csv growth"
  "--format json growth"
  "--format table growth"
  "validate"
  "report --branch $BRANCH"
  "check --branch $BRANCH --min-growth 5"
)

# One timed run: prints "wall cpu peak_mib".
timed() {
  local log="$WORK/time.log" status=0
  # check exits 1 when the gate fails: that is a result, not an error.
  /usr/bin/time -f "%e %U %S %M" -o "$log" "$@" >/dev/null 2>"$WORK/stderr.log" || status=$?
  if [ "$status" -gt 1 ]; then
    echo "scale.sh: $* failed ($status):" >&2
    cat "$WORK/stderr.log" >&2
    exit 1
  fi
  # The last line: /usr/bin/time puts "Command exited with non-zero status 1" before it.
  tail -n 1 "$log" | awk '{ printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024 }'
}

{
  echo "| rows | command | wall s | CPU s | peak RSS MiB |"
  echo "| ---: | --- | ---: | ---: | ---: |"
} >"$RESULTS.tmp"

for rows in $SIZES; do
  dir="$WORK/$rows"
  [ -f "$dir/participants.csv" ] || "$GEN" --rows "$rows" --out "$dir" >&2
  # Once untimed, so the file is in the page cache.
  cat "$dir/participants.csv" >/dev/null
  declare -A runs=()
  for ((round = 0; round < RUNS; round++)); do
    order=("${!COMMANDS[@]}")
    if ((round % 2 == 1)); then
      order=($(printf '%s\n' "${order[@]}" | sort -rn))
    fi
    for k in "${order[@]}"; do
      # shellcheck disable=SC2086 # each command is its words
      runs[$k]+="$(timed "$BIN" --data "$dir" ${COMMANDS[$k]})"$'\n'
    done
  done
  for k in "${!COMMANDS[@]}"; do
    # The run with the median wall time.
    median=$(printf '%s' "${runs[$k]}" | sort -n | awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }')
    read -r wall cpu peak <<<"$median"
    printf '| %s | `coverage --data DIR %s` | %s | %s | %s |\n' \
      "$(echo "$rows" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')" "${COMMANDS[$k]}" "$wall" "$cpu" "$peak" >>"$RESULTS.tmp"
  done
  unset runs
  [ -n "$KEEP" ] || rm -rf "$dir"
done

mv "$RESULTS.tmp" "$RESULTS"
{
  echo
  echo "$(nproc) cores, $(uname -m), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; $RUNS runs each."
} >>"$RESULTS"
cat "$RESULTS"
