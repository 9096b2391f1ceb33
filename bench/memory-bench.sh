#!/usr/bin/env bash
# Memory per logged request: peak resident memory of `costplan analyze` on each log tree given, less that of a run
# on the small samples/claude folder (the JVM, the code and the price tables), divided by the requests read.
#
# Usage: bench/memory-bench.sh TREE...    (folders holding projects/, e.g. made by gen_claude_logs.py)
# Prints one row per tree: size, requests, wall time, peak RSS, KB per request.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ $# -ge 1 ]] || { echo "usage: $0 TREE..." >&2; exit 2; }
gnu_time=/usr/bin/time
"$gnu_time" --version 2>&1 | grep -q GNU || { echo "needs GNU time at $gnu_time (Debian package 'time')" >&2; exit 1; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
(cd "$repo" && ./costplan analyze --help >/dev/null)   # build first, untimed

# run TREE -> "wall_s peak_kb requests"
run() {
  local rc=0
  (cd "$repo" && "$gnu_time" -f '%e %M' -o "$out/time" ./costplan analyze --json --timezone UTC "$1" \
    >"$out/out.json" 2>"$out/err") || rc=$?
  [[ $rc == 0 || $rc == 4 ]] || { echo "costplan failed on $1 (exit $rc):" >&2; tail -3 "$out/err" >&2; exit 1; }
  local requests
  requests="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["import"]["requests"])' "$out/out.json")"
  echo "$(tail -n 1 "$out/time") $requests"
}

read -r _ base_kb base_requests < <(run "$repo/samples/claude")
printf '%-44s %9s %11s %8s %13s %14s\n' tree MB requests "wall s" "peak RSS MiB" "KB per request"
printf '%-44s %9s %11s %8s %13.1f %14s\n' "samples/claude (baseline)" - "$base_requests" - "$(awk -v k="$base_kb" 'BEGIN { print k / 1024 }')" -
for tree in "$@"; do
  mb="$(du -sm --apparent-size "$tree" | cut -f1)"
  read -r wall kb requests < <(run "$tree")
  printf '%-44s %9s %11s %8s %13.1f %14.2f\n' "$(basename "$tree")" "$mb" "$requests" "$wall" \
    "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')" "$(awk -v k="$kb" -v b="$base_kb" -v n="$requests" 'BEGIN { print (k - b) / n }')"
done
