#!/usr/bin/env bash
# Speed model check: predicted vs measured decode and prefill speed on every calibration row of the catalog's
# engines (public llama-bench, MLX and vLLM results), with the median absolute percentage error overall and per
# hardware class. Builds costplan first when needed.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$repo/costplan" --version >/dev/null
exec java -cp "$repo/analyzer/target/analyzer-0.1.0-SNAPSHOT-all.jar" "$repo/bench/SpeedCalibration.java"
