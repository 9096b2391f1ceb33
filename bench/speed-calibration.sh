#!/usr/bin/env bash
# Speed model check: leave-one-chip-out cross-validation over every calibration row of the catalog's engines (each
# chip's rows left out of the fit, then predicted) and the held-out validation set bench/speed-validation.csv
# (published results no engine file uses), with the median absolute percentage error of decode and prefill overall,
# by chip class, dense and MoE, depth 0 and deeper. Another validation file can be given as the first argument.
# Builds costplan first when needed.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$repo/costplan" --version >/dev/null
exec java -cp "$repo/analyzer/target/analyzer-0.1.0-SNAPSHOT-all.jar" "$repo/bench/SpeedCalibration.java" "${1:-$repo/bench/speed-validation.csv}"
