#!/usr/bin/env bash
# Import benchmark: costplan vs ccusage 20.0.24 on one large synthetic Claude Code log tree.
#
# Generates the tree once (reused on later runs), then times both tools end to end with a warm page
# cache and checks that they report the same tokens per day. See bench/README.md.
#
# Usage: bench/import-bench.sh [--tree DIR] [--seed N] [--target-mb MB] [--runs N] [--out DIR]
#                              [--tools ccusage,costplan] [TREE [GENERATOR]]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ccusage_version="20.0.24"
peer_prefix="/tmp/peers/cc20"
peer_bin="$peer_prefix/node_modules/@ccusage/ccusage-linux-x64/bin/ccusage"
fake_home="/tmp/fakehome"   # ccusage never sees a real ~/.claude or ~/.config/claude
gen="${GEN:-$repo/../shared/tools/gen_claude_logs.py}"

tree=""
seed=1
target_mb=1000
runs=3
out=""
tools="ccusage,costplan"

usage() {
  cat <<EOF
usage: $0 [options] [TREE [GENERATOR]]
  --tree DIR         log tree (a Claude config folder holding projects/); generated when missing
                     (default /tmp/costplan-bench/tree-1gb for the default seed and size,
                     else /tmp/costplan-bench/tree-<MB>mb-seed<N>); same as the TREE argument
  --seed N           generator seed (default $seed)
  --target-mb MB     generated tree size in MB of 10^6 bytes (default $target_mb)
  --runs N           timed runs per tool, after one untimed warm-up run of each (default $runs)
  --out DIR          where the JSON outputs and timings go (default /tmp/costplan-bench/results-<time>)
  --tools LIST       ccusage,costplan (default), or just one of them
  GENERATOR          path of gen_claude_logs.py (default \$GEN, else $gen)
environment:
  CCUSAGE            path of a ccusage $ccusage_version binary (default $peer_bin,
                     installed with npm when missing)
exit status: 0 done and tokens agree, 1 a tool failed, 2 bad usage, 3 the tools disagree on tokens
EOF
}

positional=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tree) tree="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --target-mb) target_mb="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --tools) tools="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) positional+=("$1"); shift ;;
  esac
done
[[ ${#positional[@]} -le 2 ]] || { usage >&2; exit 2; }
[[ ${#positional[@]} -ge 1 ]] && tree="${positional[0]}"
[[ ${#positional[@]} -ge 2 ]] && gen="${positional[1]}"
[[ $seed =~ ^[0-9]+$ && $runs =~ ^[1-9][0-9]*$ && $target_mb =~ ^[0-9]+([.][0-9]+)?$ ]] \
  || { echo "--seed, --runs and --target-mb must be numbers" >&2; exit 2; }
run_ccusage=false; run_costplan=false
IFS=',' read -r -a tool_list <<<"$tools"
for t in "${tool_list[@]}"; do
  case "$t" in
    ccusage) run_ccusage=true ;;
    costplan) run_costplan=true ;;
    *) echo "unknown tool in --tools: $t" >&2; exit 2 ;;
  esac
done
if [[ -z $tree ]]; then
  if [[ $seed == 1 && $target_mb == 1000 ]]; then tree=/tmp/costplan-bench/tree-1gb
  else tree="/tmp/costplan-bench/tree-${target_mb}mb-seed${seed}"; fi
fi
tree="$(realpath -m "$tree")"
out="${out:-/tmp/costplan-bench/results-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out"
out="$(realpath "$out")"

log() { echo "$*" >&2; }

# ---- GNU time -----------------------------------------------------------------------------------
gnu_time=/usr/bin/time
if ! "$gnu_time" --version 2>&1 | grep -q GNU; then
  log "installing GNU time (Debian package 'time')..."
  apt-get install -y -q time >&2 || { apt-get update -q >&2 && apt-get install -y -q time >&2; }
fi
"$gnu_time" --version 2>&1 | grep -q GNU || { log "GNU time not available at $gnu_time"; exit 1; }

# ---- the tree -----------------------------------------------------------------------------------
truth="$tree.truth-utc.json"
if [[ ! -d $tree/projects ]]; then
  [[ -f $gen ]] || { log "generator not found: $gen (set GEN or pass it after TREE)"; exit 1; }
  log "generating a ${target_mb} MB tree (seed $seed) at $tree; this takes a few minutes..."
  mkdir -p "$(dirname "$tree")"
  partial="$tree.partial.$$"
  rm -rf "$partial"
  python3 "$gen" --out "$partial" --target-mb "$target_mb" --seed "$seed" \
    --truth "$partial.truth-utc.json" --truth-tz UTC >&2
  mv "$partial.truth-utc.json" "$truth"
  mv "$partial" "$tree"
fi
read -r tree_files tree_bytes < <(find "$tree" -type f -name '*.jsonl' -printf '%s\n' \
  | awk '{n++; s+=$1} END {printf "%d %.0f\n", n, s}')
[[ $tree_files -gt 0 ]] || { log "no *.jsonl files under $tree"; exit 1; }

# ---- ccusage ------------------------------------------------------------------------------------
if $run_ccusage; then
  ccusage="${CCUSAGE:-$peer_bin}"
  if [[ ! -f $ccusage ]]; then
    [[ -n ${CCUSAGE:-} ]] && { log "CCUSAGE=$CCUSAGE does not exist"; exit 1; }
    log "installing ccusage@$ccusage_version under $peer_prefix..."
    npm install --prefix "$peer_prefix" "ccusage@$ccusage_version" >&2
  fi
  [[ -x $ccusage ]] || chmod +x "$ccusage"   # the npm package ships the native binary without the run bit
  mkdir -p "$fake_home"
  got="$(HOME="$fake_home" "$ccusage" --version 2>/dev/null || true)"
  [[ $got == *"$ccusage_version"* ]] || log "warning: expected ccusage $ccusage_version, $ccusage says '$got'"
fi

# ---- costplan: build before anything is timed ---------------------------------------------------
if $run_costplan; then
  [[ -x $repo/costplan ]] || { log "$repo/costplan does not exist yet"; exit 1; }
  log "building costplan if needed (untimed)..."
  (cd "$repo" && ./costplan analyze --help >/dev/null) \
    || { log "'./costplan analyze --help' failed; is the analyze command there yet?"; exit 1; }
fi

# ---- runs ---------------------------------------------------------------------------------------
# $1 = output file, $2 = timing file (empty: untimed); stderr goes to <output>.stderr.
# GNU time exits with the tool's status.
run_ccusage_once() {
  local cmd=(env CLAUDE_CONFIG_DIR="$tree" HOME="$fake_home" TZ=UTC
             "$ccusage" claude daily --json --offline --timezone UTC --breakdown)
  if [[ -n $2 ]]; then "$gnu_time" -f '%e %M' -o "$2" "${cmd[@]}" >"$1" 2>"$1.stderr"
  else "${cmd[@]}" >"$1" 2>"$1.stderr"; fi
}
run_costplan_once() {
  local cmd=(env TZ=UTC ./costplan analyze --by day --json --timezone UTC "$tree") rc=0
  if [[ -n $2 ]]; then (cd "$repo" && "$gnu_time" -f '%e %M' -o "$2" "${cmd[@]}" >"$1" 2>"$1.stderr") || rc=$?
  else (cd "$repo" && "${cmd[@]}" >"$1" 2>"$1.stderr") || rc=$?; fi
  # 4 = done, but some input was skipped (the generated trees have torn lines on purpose)
  [[ $rc == 0 || $rc == 4 ]]
}

active=()
$run_ccusage && active+=(ccusage)
$run_costplan && active+=(costplan)
for t in "${active[@]}"; do
  log "warm-up: $t (untimed)..."
  "run_${t}_once" "$out/$t.json" "" || { log "$t failed in the warm-up run:"; tail -5 "$out/$t.json.stderr" >&2; exit 1; }
done
for ((i = 1; i <= runs; i++)); do
  for t in "${active[@]}"; do
    log "run $i/$runs: $t"
    "run_${t}_once" "$out/$t.json" "$out/$t.time.$i" || { log "$t failed (run $i):"; tail -5 "$out/$t.json.stderr" >&2; exit 1; }
  done
done

# ---- report -------------------------------------------------------------------------------------
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
ram_kb="$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)"
python3 - "$out" "$tree" "$tree_files" "$tree_bytes" "$runs" "$(nproc)" "${cpu:-unknown}" "$ram_kb" \
  "$ccusage_version" "$truth" "${active[@]}" <<'EOF'
import json, os, statistics, sys

out, tree, files, nbytes, runs, nproc, cpu, ram_kb, ccv, truth_path, *tools = sys.argv[1:]
files, nbytes, runs = int(files), int(nbytes), int(runs)
label = {"ccusage": "ccusage " + ccv, "costplan": "costplan"}

print("machine: %s cores (nproc), CPU %s, RAM %.1f GiB" % (nproc, cpu, int(ram_kb) / 1024 ** 2))
print("tree:    %s, %.1f MB (10^6 bytes) in %d files" % (tree, nbytes / 1e6, files))
print("runs:    median of %d timed runs after 1 untimed warm-up run each; whole process, warm page cache" % runs)
print()
print("%-18s %10s %10s %14s   %s" % ("tool", "median s", "MB/s", "peak RSS MiB", "wall s of each run"))
median = {}
for t in tools:
    walls, rss = [], []
    for i in range(1, runs + 1):
        lines = [l for l in open(os.path.join(out, "%s.time.%d" % (t, i))).read().splitlines() if l.strip()]
        e, m = lines[-1].split()   # GNU time puts "Command exited with non-zero status N" before it
        walls.append(float(e))
        rss.append(int(m))
    median[t] = statistics.median(walls)
    mbps = nbytes / 1e6 / median[t] if median[t] > 0 else float("inf")
    print("%-18s %10.2f %10.1f %14.1f   %s" % (label[t], median[t], mbps, max(rss) / 1024,
                                             " ".join("%.2f" % w for w in walls)))
if "ccusage" in median and "costplan" in median and median["costplan"] > 0:
    print("ratio ccusage_time / costplan_time = %.2f (above 1: costplan is faster)"
          % (median["ccusage"] / median["costplan"]))
print()

FIELDS = ("inputTokens", "outputTokens", "cacheCreationTokens", "cacheReadTokens")

def per_day(path):
    doc = json.load(open(path))
    rows = doc.get("daily")
    if rows is None:  # any top-level array of objects with a "date" key
        rows = next((v for v in doc.values() if isinstance(v, list) and v and isinstance(v[0], dict)
                     and "date" in v[0]), [])
    return {r["date"]: tuple(int(r.get(f) or 0) for f in FIELDS) for r in rows}

days = {t: per_day(os.path.join(out, t + ".json")) for t in tools}
if os.path.exists(truth_path):
    by_day = json.load(open(truth_path))["by_day"]
    days["truth"] = {d: (v["input_tokens"], v["output_tokens"], v["cache_creation_tokens"],
                         v["cache_read_tokens"]) for d, v in by_day.items()}
status = 0
if len(tools) == 2:
    a, b = days["ccusage"], days["costplan"]
    diff = sorted(d for d in set(a) | set(b) if a.get(d) != b.get(d))
    if not diff:
        print("tokens agree on %d days" % len(a))
    else:
        status = 3
        print("tokens differ on %d of %d days (%s):" % (len(diff), len(set(a) | set(b)), ", ".join(FIELDS)))
        for d in diff:
            print("  %s  ccusage %s  costplan %s" % (d, a.get(d), b.get(d)))
if "truth" in days:
    for t in tools:
        a, b = days[t], days["truth"]
        diff = sorted(d for d in set(a) | set(b) if a.get(d) != b.get(d))
        print("%s vs generator truth: %s" % (label[t], "exact on %d days" % len(b) if not diff
                                            else "differs on %d days, first %s" % (len(diff), diff[:5])))
print("outputs: %s" % out)
sys.exit(status)
EOF
