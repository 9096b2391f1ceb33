#!/usr/bin/env bash
# Checks the ./costplan launcher on a fresh clone of this repository (with this checkout's launcher):
#  1. two runs started together both succeed: one builds, the other waits for it and builds nothing;
#  2. it runs through a symbolic link, absolute or relative, from another folder;
#  3. heap sizes and a collector in COSTPLAN_JAVA_OPTS win over the launcher's own (-Xmx128m, -Xmx200m, -XX:+UseG1GC)
#     and give the same output;
#  4. the JVM's refusal to start (a heap too small to start in) goes to stderr, not stdout.
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
# samples/claude holds one torn line on purpose, so a good run exits 4 ("some lines were skipped").
run_two_together() {
  for n in 1 2; do
    (cd "$clone" && ./costplan analyze samples/claude --json --timezone UTC >"$work/run$n.json" 2>"$work/run$n.err"
     echo $? >"$work/run$n.rc") &
  done
  wait
}
run_two_together || true
both_succeeded() {
  [[ $(cat "$work/run1.rc") == 4 && $(cat "$work/run2.rc") == 4 && -s $work/run1.json ]] \
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
  [[ $rc == 4 ]] && cmp -s "$work/opts.json" "$work/run1.json"
}
for opts in -Xmx128m -Xmx200m -XX:+UseG1GC "-XX:+UseSerialGC -Xms64m"; do
  check "COSTPLAN_JAVA_OPTS='$opts' runs and gives the same output" same_output_with "$opts"
done

refusal_on_stderr() {
  local rc=0
  (cd "$clone" && COSTPLAN_JAVA_OPTS=-Xmx1k ./costplan --version >"$work/refused.out" 2>"$work/refused.err") || rc=$?
  [[ $rc != 0 && ! -s $work/refused.out ]] && grep -q 'heap' "$work/refused.err"
}
check "a JVM that cannot start says so on stderr, with a non-zero exit" refusal_on_stderr

[[ $failures == 0 ]] || { echo "$failures launcher check(s) failed" >&2; exit 1; }
