#!/usr/bin/env bash
# Benchmark: costplan analyze vs ccusage 20.0.24 on a generated ~1 GB Claude Code tree, whole process,
# warm page cache, median of 3 runs. Usage: bench/import-bench.sh [TREE] [GENERATOR]
set -euo pipefail
cd "$(dirname "$0")/.."
tree=${1:-/tmp/costplan-bench/tree-1gb}
generator=${2:-../shared/tools/gen_claude_logs.py}
peer_dir=/tmp/peers/cc20
ccusage=${CCUSAGE:-$peer_dir/node_modules/@ccusage/ccusage-linux-x64/bin/ccusage}
[[ -d $tree/projects ]] || python3 "$generator" --out "$tree" --target-mb 1000 --seed 7 --days 60 --start 2025-11-01 --quiet
[[ -x $ccusage ]] || { npm install --prefix "$peer_dir" ccusage@20.0.24 >/dev/null; chmod +x "$ccusage"; }
mkdir -p /tmp/costplan-bench/home
./costplan --version >/dev/null   # builds first if needed, outside the timing
bytes=$(du -sb "$tree" | cut -f1)

measure() {  # prints "median_seconds peak_rss_kib" of 3 runs after one warm-up
  local label=$1; shift
  "$@" >/dev/null 2>&1 || true
  # costplan exits 4 when it skipped torn lines (the generated trees have some); that is not a failure here.
  for _ in 1 2 3; do { /usr/bin/time -f '%e %M' "$@" 2>&1 >/tmp/costplan-bench/$label.json || true; } | tail -1; done |
    sort -n | sed -n 2p
}
read -r cc_s cc_kb < <(measure ccusage env HOME=/tmp/costplan-bench/home TZ=UTC CLAUDE_CONFIG_DIR="$tree" \
  "$ccusage" claude daily --json --offline --timezone UTC --breakdown)
read -r cp_s cp_kb < <(measure costplan ./costplan analyze --by day --json --timezone UTC "$tree")

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/{print $2}') GiB"
echo "tree: $tree, $((bytes / 1000000)) MB"
awk -v b="$bytes" -v s="$cc_s" -v k="$cc_kb" 'BEGIN{printf "ccusage 20.0.24: %.2f s  %.0f MB/s  peak RSS %.0f MiB\n", s, b/1e6/s, k/1024}'
awk -v b="$bytes" -v s="$cp_s" -v k="$cp_kb" 'BEGIN{printf "costplan:        %.2f s  %.0f MB/s  peak RSS %.0f MiB\n", s, b/1e6/s, k/1024}'
awk -v a="$cc_s" -v b="$cp_s" 'BEGIN{printf "ratio ccusage/costplan: %.2f (>= 1.0 means costplan is at least as fast)\n", a/b}'
python3 - <<'PY'
import json
def days(p):
    d = json.load(open(p))
    return {x["date"]: [x[k] for k in ("inputTokens", "outputTokens", "cacheCreationTokens", "cacheReadTokens")] for x in d["daily"]}
a, b = days("/tmp/costplan-bench/ccusage.json"), days("/tmp/costplan-bench/costplan.json")
bad = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
print("tokens agree on %d days" % len(a) if not bad else "tokens differ on: %s" % bad)
PY
