#!/usr/bin/env bash
# Plan benchmark: 30 options x a 1,000,000-request trace, and 10,000 Monte Carlo samples on 100,000 requests.
# Prints requests/s and wall times. Builds costplan first when needed (through ./costplan).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$repo/costplan" --version >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
exec java -Xmx8g -cp "$repo/analyzer/target/analyzer-0.1.0-SNAPSHOT-all.jar" "$repo/bench/PlanBench.java"
