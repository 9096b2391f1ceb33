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
        ModelChoice q4 = CATALOG.modelChoice("llama-2-7b:q4_0");
        Throughput t = SPEEDS.at(rtx, q4, llama, 0, 1, KvCacheType.F16);
        // 32 layers x 0.0125 ms + 3.822 GB / (0.763 x 1,008 GB/s) = 0.4 ms + 4.969 ms.
        double seconds = 32 * 0.0125 / 1000 + q4.weightBytes() / (0.763 * 1008e9);
        assertThat(t.decodeTokensPerSecond()).isCloseTo(1 / seconds, within(1e-6));
        // Prefill: 0.979 x 165.2 TFLOPS / (2 x 6.74e9 FLOPs per token).
        assertThat(t.prefillTokensPerSecond()).isCloseTo(0.979 * 165.2e12 / (2 * 6.74e9), within(1e-6));
    }

    @Test
    void kvReadsSlowDecodeAndAttentionSlowsPrefillWithDepth() {
        Device mac = CATALOG.device("mac-studio-m3-ultra-256gb");
        Engine llama = CATALOG.engine("llama-cpp");
        ModelChoice model = CATALOG.modelChoice("qwen3-coder-30b-a3b:q4_k_m");
        Throughput shallow = SPEEDS.at(mac, model, llama, 0, 1, KvCacheType.F16);
        Throughput deep = SPEEDS.at(mac, model, llama, 32_768, 1, KvCacheType.F16);
        // At 32K: + 32,768 x 98,304 B of KV read at the KV efficiency (0.6 default) of 819 GB/s per token.
        double step0 = 1 / shallow.decodeTokensPerSecond();
        double kv = 32_768.0 * 98_304 / (0.6 * 819e9);
        assertThat(1 / deep.decodeTokensPerSecond()).isCloseTo(step0 + kv, within(1e-9));
        // Attention FLOPs at 32K: 2 x 48 layers x 32,768 x 32 heads x (128 + 128).
        double attention = 2.0 * 48 * 32_768 * 32 * 256;
        assertThat(shallow.prefillTokensPerSecond() / deep.prefillTokensPerSecond())
                .isCloseTo((2 * 3.3e9 + attention) / (2 * 3.3e9), within(1e-9));
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
    void parallelTokensOfAMixtureOfExpertsReadTheUnionOfTheirExperts() {
        ModelChoice moe = CATALOG.modelChoice("qwen3-coder-30b-a3b:q4_k_m");
        double w = 18.557e9;
        double active = w * 3.3 / 30.53;
        // 8 of 128 routed experts per token: solve always-read + experts x 8/128 = active, always-read + experts = w.
        double experts = (w - active) / (1 - 8.0 / 128);
        assertThat(moe.weightBytesReadPerStep(1)).isCloseTo(active, within(1.0));
        assertThat(moe.weightBytesReadPerStep(4)).isCloseTo(w - experts + experts * (1 - Math.pow(1 - 8.0 / 128, 4)), within(1.0));
        ModelChoice dense = CATALOG.modelChoice("llama-3.1-8b:q4_k_m");
        assertThat(dense.weightBytesReadPerStep(4)).isEqualTo(dense.activeWeightBytes());
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
