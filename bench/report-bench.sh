#!/usr/bin/env bash
# Report benchmark: wall time of `costplan analyze TREE` against `costplan analyze TREE --report FILE` on one
# large synthetic Claude Code log tree, end to end through ./costplan. Target: the report adds under 2 s.
#
# Usage: bench/report-bench.sh [--tree DIR] [--runs N] [--out DIR]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gen="${GEN:-$repo/../shared/tools/gen_claude_logs.py}"
tree="/tmp/gen/report1g"
runs=3
out=""

usage() {
  cat <<EOF
usage: $0 [--tree DIR] [--runs N] [--out DIR]
  --tree DIR   log tree (a Claude config folder holding projects/); generated when missing with
               gen_claude_logs.py --target-mb 1000 --seed 7 --days 60 --start 2025-11-01 (default $tree)
  --runs N     timed runs of each command, after one untimed warm-up of each (default $runs)
  --out DIR    where the reports and timings go (default a new folder under /tmp)
environment:
  GEN          path of gen_claude_logs.py (default $gen)
EOF
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --tree) tree="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
out="${out:-$(mktemp -d /tmp/costplan-report-bench.XXXXXX)}"
mkdir -p "$out"

if [[ ! -d $tree/projects ]]; then
  echo "generating $tree (1 GB, seed 7, 60 days from 2025-11-01)..." >&2
  python3 "$gen" --out "$tree" --target-mb 1000 --seed 7 --days 60 --start 2025-11-01 --quiet
fi

# Builds the jar and its class-data archive once, so no timed run pays for them.
"$repo/costplan" analyze --timezone UTC "$repo/samples/claude" >/dev/null 2>&1 || true

seconds() {   # runs "$@" with its output to files and prints its wall time in seconds
  local start end status=0
  start=$(date +%s%N)
  "$@" >"$out/stdout.txt" 2>"$out/stderr.txt" || status=$?
  end=$(date +%s%N)
  # 4: ran fine, some torn lines (which the generator writes on purpose) were skipped
  if [[ $status -ne 0 && $status -ne 4 ]]; then cat "$out/stderr.txt" >&2; exit 1; fi
  awk -v ns=$((end - start)) 'BEGIN { printf "%.3f\n", ns / 1e9 }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

analyze=("$repo/costplan" analyze "$tree" --timezone UTC)
report=("$repo/costplan" analyze "$tree" --timezone UTC --report "$out/usage.html")
seconds "${analyze[@]}" >/dev/null
seconds "${report[@]}" >/dev/null
: >"$out/analyze.times"
: >"$out/report.times"
for ((i = 1; i <= runs; i++)); do
  seconds "${analyze[@]}" >>"$out/analyze.times"
  seconds "${report[@]}" >>"$out/report.times"
done

a=$(median <"$out/analyze.times")
r=$(median <"$out/report.times")
echo "tree: $tree ($(du -sh "$tree" | cut -f1)), $runs runs each after a warm-up"
echo "analyze            median ${a} s  (runs: $(paste -sd' ' "$out/analyze.times"))"
echo "analyze --report   median ${r} s  (runs: $(paste -sd' ' "$out/report.times"))"
awk -v a="$a" -v r="$r" 'BEGIN { printf "report adds        %.2f s (target: under 2 s)\n", r - a }'
echo "report: $out/usage.html ($(du -h "$out/usage.html" | cut -f1))"
