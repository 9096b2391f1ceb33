#!/usr/bin/env bash
# Long fuzz run: the property tests of usage-importers' ImportFuzzTest (every importer's file and line reading, the
# CSV reader, the JSON cursor) with many more cases than ./mvnw verify runs (600 per property), same fixed seed.
#
# Usage: bench/fuzz-bench.sh [TRIES_PER_PROPERTY]    (default 20000; 5 properties)
# Prints the cases run, the time taken and the result; exit 0 when every case passed.
set -euo pipefail
cd "$(dirname "$0")/.."
tries="${1:-20000}"
[[ $tries =~ ^[1-9][0-9]*$ ]] || { echo "TRIES_PER_PROPERTY must be a positive number" >&2; exit 2; }
start=$(date +%s)
rc=0
./mvnw -q -B -pl usage-importers -am test -Dtest=ImportFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Djqwik.tries.default="$tries" || rc=$?
report=usage-importers/target/surefire-reports/costplan.importers.formats.ImportFuzzTest.txt
[[ -f $report ]] && tail -n 1 "$report"
echo "cases: $((tries * 5)) ($tries per property, 5 properties); wall time $(( $(date +%s) - start )) s; result:" \
  "$([[ $rc == 0 ]] && echo "all passed" || echo "FAILED (see the report above)")"
exit "$rc"
