#!/usr/bin/env bash
# Import benchmark for the non-Claude sources: a 1-million-row Claude Console usage CSV and a ~1 GB Codex CLI
# sessions tree, both generated under /tmp (never in the repository), each read by `costplan analyze` end to end.
# Prints the machine, then per input: size, rows, median wall seconds, MB/s, rows/s and peak RSS, and checks the
# tokens costplan counts against the generator's truth.
#
# Usage: bench/sources-bench.sh [--rows N] [--codex-mb MB] [--runs N] [--work DIR]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows=1000000
codex_mb=1000
runs=3
work=/tmp/costplan-sources-bench

while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --codex-mb) codex_mb="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown option $1; see --help" >&2; exit 2 ;;
  esac
done

mkdir -p "$work"
csv="$work/console-usage-${rows}.csv"
codex="$work/codex-${codex_mb}mb"
[[ -f $csv ]] || { echo "generating $csv ..." >&2; python3 "$repo/bench/gen_exports.py" csv "$csv" "$rows"; }
[[ -f $codex/truth.json ]] || { echo "generating $codex ..." >&2; rm -rf "$codex"; python3 "$repo/bench/gen_codex_sessions.py" "$codex" "$codex_mb" 1; }

"$repo/costplan" analyze --help >/dev/null   # builds when needed; not timed

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GB RAM"

# bench NAME INPUT ROWS: prints size, rows, median wall, MB/s, rows/s, peak RSS; leaves the JSON in $work/NAME.json
bench() {
  local name="$1" input="$2" count="$3" bytes walls=() rss=0
  bytes=$(du -sb "$input" | cut -f1)
  TZ=UTC "$repo/costplan" analyze --json --timezone UTC "$input" >"$work/$name.json" 2>"$work/$name.stderr" || [[ $? -eq 4 ]]
  for ((i = 1; i <= runs; i++)); do
    /usr/bin/time -f '%e %M' -o "$work/$name.time" env TZ=UTC "$repo/costplan" analyze --json --timezone UTC "$input" \
      >"$work/$name.json" 2>"$work/$name.stderr" || [[ $? -eq 4 ]]
    read -r wall kb <"$work/$name.time"
    walls+=("$wall")
    ((kb > rss)) && rss=$kb
  done
  local median
  median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}')
  awk -v n="$name" -v b="$bytes" -v r="$count" -v w="$median" -v m="$rss" -v all="${walls[*]}" 'BEGIN {
    printf "%-28s %8.1f MB  %9d rows  median %6.2f s  %7.1f MB/s  %9.0f rows/s  peak RSS %5.0f MiB  (runs: %s)\n",
      n, b / 1e6, r, w, b / 1e6 / w, r / w, m / 1024, all }'
}

bench "console-usage-csv" "$csv" "$rows"
turns=$(python3 -c "import json; print(json.load(open('$codex/truth.json'))['turns'])")
lines=$(find "$codex/sessions" -name '*.jsonl' -exec cat {} + | wc -l)
bench "codex-sessions" "$codex" "$lines"
echo "codex: $turns turns counted by the generator; rows/s above counts rollout lines ($lines)"

python3 - "$work" "$codex/truth.json" "$rows" <<'PY'
import json, sys
work, truth_file, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
truth = json.load(open(truth_file))
got = json.load(open(f"{work}/codex-sessions.json"))["totals"]
want = (truth["inputTokens"], truth["cacheReadTokens"], truth["outputTokens"], truth["turns"])
have = (got["inputTokens"], got["cacheReadTokens"], got["outputTokens"], got["requests"])
print("codex tokens and turns agree with the generator" if want == have else f"codex MISMATCH: want {want}, got {have}")
csv = json.load(open(f"{work}/console-usage-csv.json"))
print(f"console csv: {csv['totals']['records']} records read of {rows} rows, {csv['import']['skippedFiles']} files skipped")
sys.exit(0 if want == have and csv['totals']['records'] == rows else 3)
PY
