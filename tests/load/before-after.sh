#!/usr/bin/env bash
# One benchmark of the Benchmarks program, run by two builds in turn: before, after, before, after…
# (<pairs> times), so a burst of load from another job on a shared machine hits both builds alike.
# Then, for every table row the benchmark prints ("| name | … |") and for each run's process CPU
# time, the median over each build's runs of every number in it, and after ÷ before. The runs'
# whole outputs stay in <out>.
#   tests/load/before-after.sh <before-worktree> <pairs> <out> <benchmark> [options…]
# The after build is this worktree's; both are built in Release first. Benchmarks that build a
# corpus once and reuse it (search, pages, insights, clusters) read the same files in both builds,
# so build it before (for example with `search --build-only`) when its files are of an older schema.
# Example (issue 16): tests/load/before-after.sh /work/wt-bench-base 3 /tmp/ba-search search --sizes 10000 --runs 10
set -euo pipefail
cd "$(dirname "$0")/../.."

before_tree=$(cd "$1" && pwd)
pairs=$2
out=$3
shift 3
after_tree=$(pwd)
mkdir -p "$out"
export DOTNET_hostBuilder__reloadConfigOnChange=false
for tree in "$before_tree" "$after_tree"; do
  (cd "$tree" && dotnet build -c Release tests/NewsDigest.Benchmarks -v quiet -nologo >"$out/build.log" 2>&1) || { cat "$out/build.log"; exit 1; }
done

echo "# $(date -u +%FT%TZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "# before: $before_tree at $(git -C "$before_tree" rev-parse --short HEAD); after: $after_tree at $(git rev-parse --short HEAD)"
echo "# command: tests/load/before-after.sh $before_tree $pairs $out $*"
for pair in $(seq "$pairs"); do
  for build in before after; do
    tree=${build}_tree
    log="$out/$pair-$build.log"
    echo "pair $pair, $build: load $(cut -d' ' -f1-3 /proc/loadavg)"
    (cd "${!tree}" && /usr/bin/time -f '%U %S %e' -o "$out/time" dotnet tests/NewsDigest.Benchmarks/bin/Release/net10.0/NewsDigest.Benchmarks.dll "$@") >"$log" 2>&1 ||
      { tail -20 "$log"; exit 1; }
    # The process's CPU time moves far less with other jobs' load than its wall-clock times do.
    read -r user system elapsed <"$out/time"
    echo "| whole process: CPU (user + system), elapsed | $(awk -v u="$user" -v s="$system" 'BEGIN {printf "%.2f", u + s}') s | $elapsed s |" >>"$log"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# Rows are matched by their first cell; a cell's numbers (12.3 ms, 25.15 s, 1.20×, 1,563) are
# taken in order, and each becomes "before median / after median (after ÷ before)". A cell that is
# the same in every run of both builds (a query's hit count) is printed as it is.
python3 - "$out" "$pairs" <<'PY'
import re, statistics, sys
out, pairs = sys.argv[1], int(sys.argv[2])
number = re.compile(r"\d[\d,]*(?:\.\d+)?")
rows = {}  # first cell -> build -> runs -> cells as text
order = []
for pair in range(1, pairs + 1):
    for build in ("before", "after"):
        for line in open(f"{out}/{pair}-{build}.log", encoding="utf-8"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not line.startswith("| ") or len(cells) < 2 or not number.search("".join(cells[1:])):
                continue
            if cells[0] not in rows:
                rows[cells[0]] = {"before": [], "after": []}
                order.append(cells[0])
            rows[cells[0]][build].append(cells[1:])

def short(x):
    return f"{x:.2f}".rstrip("0").rstrip(".")

def numbers(cell):
    return [float(n.replace(",", "")) for n in number.findall(cell)]

for key in order:
    runs = rows[key]
    if not runs["before"] or not runs["after"]:
        continue
    cells = []
    for column in range(len(runs["before"][0])):
        texts = {run[column] for build in runs.values() for run in build if column < len(run)}
        if len(texts) == 1:
            cells.append(texts.pop())
            continue
        parts = []
        for index in range(len(numbers(runs["before"][0][column]))):
            b, a = (statistics.median(numbers(run[column])[index] for run in runs[build]) for build in ("before", "after"))
            parts.append(f"{short(b)} / {short(a)}" + (f" ({a / b:.2f}×)" if b else ""))
        cells.append(", ".join(parts))
    print(f"| {key} | " + " | ".join(cells) + " |")
PY
