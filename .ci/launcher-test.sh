#!/usr/bin/env bash
# Checks the ./costplan launcher and the process it starts, on a fresh clone of this repository (with this
# checkout's launcher):
#  1. two runs started together both succeed: one builds, the other waits for it and builds nothing;
#  2. it runs through a symbolic link, absolute or relative, from another folder;
#  3. heap sizes and a collector in COSTPLAN_JAVA_OPTS win over the launcher's own (-Xmx128m, -Xmx200m, -XX:+UseG1GC)
#     and give the same output;
#  4. the JVM's refusal to start (a heap too small to start in) goes to stderr, not stdout;
#  5. output that cannot be written (/dev/full) exits 5 with a message, a reader that stops early (| head) is fine;
#  6. running out of memory exits 6 and says which COSTPLAN_JAVA_OPTS to run with.
# Usage: .ci/launcher-test.sh   (exit 0 when every check passes; each failure is printed)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
check() {  # check DESCRIPTION COMMAND...: runs the command, prints ok or FAIL
  if "${@:2}"; then echo "ok    $1"; else echo "FAIL  $1"; failures=$((failures + 1)); fi
}

git clone -q "$repo" "$work/clone"
cp "$repo/costplan" "$work/clone/costplan"
clone="$work/clone"
run_two_together() {
  for n in 1 2; do
    (cd "$clone" && ./costplan analyze samples/claude --json --timezone UTC >"$work/run$n.json" 2>"$work/run$n.err"
     echo $? >"$work/run$n.rc") &
  done
  wait
}
run_two_together || true
both_succeeded() {
  [[ $(cat "$work/run1.rc") == 0 && $(cat "$work/run2.rc") == 0 && -s $work/run1.json ]] \
    && cmp -s "$work/run1.json" "$work/run2.json"
}
built_once() { [[ $(cat "$work/run1.err" "$work/run2.err" | grep -c 'costplan: building') == 1 ]]; }
check "two runs started together on a fresh clone both succeed with the same output" both_succeeded
check "only one of them builds" built_once

mkdir -p "$work/bin" "$work/elsewhere"
ln -s "$clone/costplan" "$work/bin/costplan"
ln -s ../clone/costplan "$work/bin/costplan-relative"
runs_through_link() { [[ $(cd "$work/elsewhere" && "$work/bin/$1" --version 2>&1) == "costplan 0.1.0" ]]; }
check "runs through an absolute symbolic link" runs_through_link costplan
check "runs through a relative symbolic link" runs_through_link costplan-relative

same_output_with() {
  local rc=0
  (cd "$clone" && COSTPLAN_JAVA_OPTS="$1" ./costplan analyze samples/claude --json --timezone UTC \
    >"$work/opts.json" 2>"$work/opts.err") || rc=$?
  [[ $rc == 0 ]] && cmp -s "$work/opts.json" "$work/run1.json"
}
for opts in -Xmx32m -Xmx128m -Xmx200m -XX:+UseG1GC "-XX:+UseSerialGC -Xms64m"; do
  check "COSTPLAN_JAVA_OPTS='$opts' runs and gives the same output" same_output_with "$opts"
done

refusal_on_stderr() {
  local rc=0
  (cd "$clone" && COSTPLAN_JAVA_OPTS=-Xmx1k ./costplan --version >"$work/refused.out" 2>"$work/refused.err") || rc=$?
  [[ $rc != 0 && ! -s $work/refused.out ]] && grep -q 'heap' "$work/refused.err"
}
check "a JVM that cannot start says so on stderr, with a non-zero exit" refusal_on_stderr

full_disk_is_an_error() {
  local rc=0
  (cd "$clone" && ./costplan analyze samples/claude --json >/dev/full 2>"$work/full.err") || rc=$?
  [[ $rc == 5 ]] && grep -q 'could not write the output (No space left on device)' "$work/full.err"
}
[[ -w /dev/full ]] && check "output to a full disk exits 5 with a message" full_disk_is_an_error
reader_stopping_early_is_fine() {
  local codes
  codes="$(cd "$clone" && ./costplan analyze samples/claude --by session 2>"$work/head.err" | head -c 1 >/dev/null
    echo "${PIPESTATUS[0]}")"
  [[ $codes == 0 ]] && ! grep -q 'could not write' "$work/head.err"
}
check "a reader that stops early (| head) is no error" reader_stopping_early_is_fine

# 200,000 requests (43 MB) cannot be held in a 32 MiB heap.
mkdir -p "$work/big/projects/p"
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "{\"cwd\":\"/home/u/p%d\",\"sessionId\":\"s%d\",\"message\":{\"model\":" \
  "\"claude-sonnet-4-5\",\"id\":\"m%d\",\"usage\":{\"input_tokens\":1,\"output_tokens\":2}},\"requestId\":\"r%d\"," \
  "\"type\":\"assistant\",\"timestamp\":\"2026-01-05T10:%02d:%02dZ\"}\n", i % 50, i % 1000, i, i, int(i / 60) % 60, i % 60 }' \
  >"$work/big/projects/p/s.jsonl"
out_of_memory_says_what_to_do() {
  local rc=0
  (cd "$clone" && COSTPLAN_JAVA_OPTS=-Xmx32m ./costplan analyze "$work/big" --json >/dev/null 2>"$work/oom.err") || rc=$?
  [[ $rc == 6 ]] && grep -q 'costplan needs more memory: .* COSTPLAN_JAVA_OPTS=-Xmx' "$work/oom.err"
}
check "running out of memory exits 6 and names COSTPLAN_JAVA_OPTS" out_of_memory_says_what_to_do

[[ $failures == 0 ]] || { echo "$failures launcher check(s) failed" >&2; exit 1; }
