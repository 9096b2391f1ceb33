package costplan.speed;

import costplan.catalog.Catalog;
import costplan.catalog.Device;
import costplan.catalog.Engine;
import costplan.catalog.KvCacheType;
import costplan.catalog.ModelChoice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RooflineSpeedModelTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final SpeedModel SPEEDS = SpeedModels.standard();

    @Test
    void decodeAtDepthZeroIsOverheadPlusWeightsOverBandwidth() {
        Device rtx = CATALOG.device("rtx-4090");
        Engine llama = CATALOG.engine("llama-cpp");
        Engine.Efficiency e = llama.efficiency();
        ModelChoice q4 = CATALOG.modelChoice("llama-2-7b:q4_0");
        Throughput t = SPEEDS.at(rtx, q4, llama, 0, 1, KvCacheType.F16);
        // Bytes a token: the 3.823 GB file less the input embedding but one row (32,000 x 4,096 of 6.74e9 parameters).
        double bytes = 3.823e9 * (6.74e9 - 32_000.0 * 4096) / 6.74e9;
        assertThat(q4.weightBytesReadPerStep(1)).isCloseTo(bytes, within(1.0));
        // 32 layers x the CUDA overhead + bytes / (the 4090's efficiency x 1,008 GB/s).
        double seconds = 32 * e.decodeOverheadMsPerLayer().of(rtx) / 1000 + bytes / (e.decodeBandwidth().of(rtx) * 1008e9);
        assertThat(t.decodeTokensPerSecond()).isCloseTo(1 / seconds, within(1e-6));
        // The 4090's own row (186.21 t/s) is the only one of its chip, so the model gives it back.
        assertThat(t.decodeTokensPerSecond()).isCloseTo(186.21, within(0.01));
        // Prefill: efficiency x 165.2 TFLOPS x the Q4_0 factor / (2 x 6.74e9 FLOPs per token) gives back 11,992.7.
        assertThat(t.prefillTokensPerSecond()).isCloseTo(e.prefillCompute().of(rtx) * 165.2e12
                * e.quantizationPrefillFactor("q4_0") / (2 * 6.74e9), within(1e-6));
        assertThat(t.prefillTokensPerSecond()).isCloseTo(11992.7, within(0.1));
    }

    @Test
    void kvReadsSlowDecodeAndAttentionSlowsPrefillWithDepth() {
        Device mac = CATALOG.device("mac-studio-m3-ultra-256gb");
        Engine llama = CATALOG.engine("llama-cpp");
        ModelChoice model = CATALOG.modelChoice("qwen3-coder-30b-a3b:q4_k_m");
        Throughput shallow = SPEEDS.at(mac, model, llama, 0, 1, KvCacheType.F16);
        Throughput deep = SPEEDS.at(mac, model, llama, 32_768, 1, KvCacheType.F16);
        // At 32K: + 32,768 x 98,304 B of KV read at the KV efficiency of 819 GB/s per token.
        double step0 = 1 / shallow.decodeTokensPerSecond();
        double kv = 32_768.0 * 98_304 / (llama.efficiency().kvReadBandwidth().of(mac) * 819e9);
        assertThat(1 / deep.decodeTokensPerSecond()).isCloseTo(step0 + kv, within(1e-9));
        // Attention FLOPs at 32K: 2 x 48 layers x 32,768 x 32 heads x (128 + 128), dense, on top of the same time.
        double attention = 2.0 * 48 * 32_768 * 32 * 256;
        Engine.Efficiency e = llama.efficiency();
        double flops = e.prefillCompute().of(mac) * mac.fp16Tflops() * 1e12 * e.quantizationPrefillFactor("q4_k_m");
        assertThat(1 / deep.prefillTokensPerSecond() - 1 / shallow.prefillTokensPerSecond()).isCloseTo(attention / flops, within(1e-12));
        assertThat(deep.decodeRange().low()).isLessThan(deep.decodeTokensPerSecond());
        assertThat(deep.decodeRange().high()).isGreaterThan(deep.decodeTokensPerSecond());
    }

    @Test
    void parallelRequestsShareOneReadOfTheWeights() {
        Device mac = CATALOG.device("mac-studio-m3-ultra-256gb");
        ModelChoice model = CATALOG.modelChoice("qwen3-coder-30b-a3b:q4_k_m");
        Engine llama = CATALOG.engine("llama-cpp");
        double one = SPEEDS.at(mac, model, llama, 8192, 1, KvCacheType.F16).decodeTokensPerSecond();
        double four = SPEEDS.at(mac, model, llama, 8192, 4, KvCacheType.F16).decodeTokensPerSecond();
        assertThat(four).isGreaterThan(one).isLessThan(4 * one);
    }

    @Test
    void aDenseModelReadsTheSameWeightsForEveryParallelToken() {
        ModelChoice dense = CATALOG.modelChoice("llama-3.1-8b:q4_k_m");
        assertThat(dense.weightBytesReadPerStep(4)).isEqualTo(dense.weightBytesReadPerStep(1));
    }

    @Test
    void tensorParallelVllmAddsUpGpusWhileLlamaCppSplitsLayers() {
        Device rig = CATALOG.device("rtx-3090-x2");
        ModelChoice model = CATALOG.modelChoice("qwen3-coder-30b-a3b:fp8");
        double layerSplit = SPEEDS.at(rig, model, CATALOG.engine("llama-cpp"), 0, 1, KvCacheType.F16).prefillTokensPerSecond();
        double single = SPEEDS.at(CATALOG.device("rtx-3090"), model, CATALOG.engine("llama-cpp"), 0, 1, KvCacheType.F16).prefillTokensPerSecond();
        assertThat(layerSplit).isEqualTo(single);
        double tensorParallel = SPEEDS.at(rig, model, CATALOG.engine("vllm"), 0, 1, KvCacheType.F16).prefillTokensPerSecond();
        double vllmSingle = SPEEDS.at(CATALOG.device("rtx-3090"), model, CATALOG.engine("vllm"), 0, 1, KvCacheType.F16).prefillTokensPerSecond();
        assertThat(tensorParallel).isCloseTo(vllmSingle * 2 * 0.85, within(1e-6));
    }

    @Test
    void moreBandwidthIsNeverSlowerAndDeeperContextNeverFaster() {
        ModelChoice model = CATALOG.modelChoice("gpt-oss-120b:mxfp4");
        Engine llama = CATALOG.engine("llama-cpp");
        for (Device device : CATALOG.devices()) {
            if (!llama.runsOn(device)) continue;
            double previous = Double.MAX_VALUE;
            for (long depth = 0; depth <= 131_072; depth += 16_384) {
                double decode = SPEEDS.at(device, model, llama, depth, 1, KvCacheType.F16).decodeTokensPerSecond();
                assertThat(decode).as(device.id() + " at " + depth).isLessThanOrEqualTo(previous);
                previous = decode;
            }
        }
        double slow = SPEEDS.at(CATALOG.device("mac-mini-m4-pro-64gb"), model, llama, 0, 1, KvCacheType.F16).decodeTokensPerSecond();
        double fast = SPEEDS.at(CATALOG.device("mac-studio-m4-max-128gb"), model, llama, 0, 1, KvCacheType.F16).decodeTokensPerSecond();
        assertThat(fast).isGreaterThan(slow);
    }

    @Test
    void anEngineThatDoesNotRunOnTheDeviceIsRefused() {
        assertThatThrownBy(() -> SPEEDS.at(CATALOG.device("rtx-4090"), CATALOG.modelChoice("llama-3.1-8b:mlx-4bit"),
                CATALOG.engine("mlx"), 0, 1, KvCacheType.F16))
                .hasMessageContaining("mlx does not run on rtx-4090 (nvidia-cuda); it runs on apple-silicon");
    }

    @Test
    void theModelMeetsItsErrorTargetsOnThePublicMeasurements() {
        CalibrationCheck.Report report = CalibrationCheck.run(CATALOG, SPEEDS);
        assertThat(report.rows()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(CalibrationCheck.Report.decodeMape(report.rows())).isLessThanOrEqualTo(0.20);
        assertThat(CalibrationCheck.Report.prefillMape(report.rows())).isLessThanOrEqualTo(0.30);
        // Leave-one-chip-out: on a chip the factors never saw, the targets (decode 12 %, prefill 20 %).
        assertThat(CalibrationCheck.Report.decodeMape(report.heldOut())).isLessThanOrEqualTo(0.12);
        assertThat(CalibrationCheck.Report.prefillMape(report.heldOut())).isLessThanOrEqualTo(0.20);
    }
}
