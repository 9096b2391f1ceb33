package costplan.speed;

import costplan.catalog.Catalog;
import costplan.catalog.Device;
import costplan.catalog.EfficiencyFactor;
import costplan.catalog.EfficiencyFit;
import costplan.catalog.Engine;
import costplan.catalog.KvCacheType;
import costplan.catalog.ModelChoice;
import costplan.catalog.OpenModel;
import costplan.calibration.ChipCalibration;
import costplan.fit.MemoryFit;
import costplan.fit.ResidentModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Hand-worked examples of each term of the speed and memory model. */
class SpeedModelTermsTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final SpeedModel SPEEDS = SpeedModels.standard();

    @Test
    void moeBytesPerTokenComeFromTheExpertsShape() {
        ModelChoice qwen = CATALOG.modelChoice("qwen3-coder-30b-a3b:q4_k_m");
        // Routed experts: 48 MoE layers x 128 experts x 3 x 2048 hidden x 768 wide = 28,991,029,248 parameters,
        // at the file's 4.86 bits = 17,612,050,268 bytes; the other 18,557,000,000 - that = 944,949,732 bytes hold
        // 30.53e9 - 28,991,029,248 = 1,538,970,752 parameters, of which the input embedding (2048 x 151,936 =
        // 311,164,928) is read one row per token.
        double routedParams = 48.0 * 128 * 3 * 2048 * 768;
        double routedBytes = routedParams * 4.86 / 8;
        double otherBytes = 18_557_000_000.0 - routedBytes;
        double otherParams = 30.53e9 - routedParams;
        double alwaysRead = otherBytes * (otherParams - 2048.0 * 151_936) / otherParams;
        // One token reads the always-read part and 8 of 128 experts: 754 MB + 1,101 MB = 1.855 GB, where
        // file x active / total (18.557 GB x 3.3 / 30.53) gave 2.006 GB.
        assertThat(qwen.weightBytesReadPerStep(1)).isCloseTo(alwaysRead + routedBytes * 8 / 128, within(1.0));
        assertThat(qwen.weightBytesReadPerStep(1) / 1e9).isCloseTo(1.855, within(0.001));
        // Four tokens at once read the union of their experts: 1 - (1 - 8/128)^4 of them.
        assertThat(qwen.weightBytesReadPerStep(4)).isCloseTo(alwaysRead + routedBytes * (1 - Math.pow(1 - 8.0 / 128, 4)), within(1.0));

        ModelChoice gptOss = CATALOG.modelChoice("gpt-oss-20b:mxfp4");
        // MXFP4 files keep only the experts at 4.25 bits: 24 x 32 x 3 x 2880 x 2880 = 19,110,297,600 parameters =
        // 10,152,345,600 bytes; the rest (12.1e9 - that = 1,947,654,400 bytes) holds 20.91e9 - 19,110,297,600 =
        // 1,799,702,400 parameters at about 8.7 bits (attention and embeddings stay 8 to 16 bits).
        double gptRouted = 24.0 * 32 * 3 * 2880 * 2880;
        double gptRoutedBytes = gptRouted * 4.25 / 8;
        double gptOther = 20.91e9 - gptRouted;
        double gptAlways = (12.1e9 - gptRoutedBytes) * (gptOther - 2880.0 * 201_088) / gptOther;
        assertThat(gptOss.weightBytesReadPerStep(1)).isCloseTo(gptAlways + gptRoutedBytes * 4 / 32, within(1.0));
        // 2.590 GB a token, where file x active / total gave 12.1 x 3.61 / 20.91 = 2.089 GB: decode was 24 % too fast.
        assertThat(gptOss.weightBytesReadPerStep(1) / 1e9).isCloseTo(2.590, within(0.001));
    }

    @Test
    void aMoeWithoutARecordedShapeKeepsTheActiveShareOfTheFile() {
        OpenModel kimi = CATALOG.model("kimi-k2");
        assertThat(kimi.routedExpertParamsB()).isNull();
        ModelChoice q4 = CATALOG.modelChoice("kimi-k2:q4_k_m");
        assertThat(q4.weightBytesReadPerStep(1)).isCloseTo(q4.weightBytes() * 32.0 / 1000, within(1.0));
    }

    @Test
    void expertFlopsRunAtAShareOfTheDenseEfficiencyThatGrowsWithTheTokensEachExpertGets() {
        Device pro = CATALOG.device("rtx-pro-6000");
        Engine llama = CATALOG.engine("llama-cpp");
        ModelChoice qwen = CATALOG.modelChoice("qwen3-coder-30b-a3b:q4_k_m");
        Engine.Efficiency e = llama.efficiency();
        // A batch of 512 prompt tokens spreads over 128 experts, 8 each: 32 tokens per expert.
        assertThat(qwen.model().tokensPerExpert(512)).isEqualTo(32.0);
        double half = e.moeExpertHalfTokens().of(pro);
        double share = 32 / (32 + half);
        assertThat(e.moeExpertEfficiency(pro, 32)).isCloseTo(share, within(1e-12));
        // Attention and the always-active weights are dense: 2 x (3.3e9 - 28,991,029,248 x 8/128) FLOPs; the experts'
        // 2 x 1,811,939,328 FLOPs run at the share.
        double activeRouted = 48.0 * 128 * 3 * 2048 * 768 * 8 / 128;
        double dense = 2 * (3.3e9 - activeRouted);
        double peak = e.prefillCompute().of(pro) * 503.8e12 * e.quantizationPrefillFactor("q4_k_m");
        double expected = 1 / (dense / peak + 2 * activeRouted / (peak * share));
        assertThat(SPEEDS.at(pro, qwen, llama, 0, 1, KvCacheType.F16).prefillTokensPerSecond()).isCloseTo(expected, within(1e-6));
    }

    @Test
    void theMoeHalfPointIsFittedFromTheMoeRowsAgainstTheChipsDenseRows() {
        Engine llama = CATALOG.engine("llama-cpp");
        Device pro = CATALOG.device("rtx-pro-6000");
        Device spark = CATALOG.device("dgx-spark");
        Engine.Efficiency e = llama.efficiency();
        // Each CUDA MoE row gives t x (1 - s) / s, s being the share of its chip's dense efficiency its experts reached;
        // the platform takes the median. Recompute the two DGX Spark depth-0 / RTX PRO 6000 rows' values by hand.
        double spark20b = halfPoint(spark, "gpt-oss-20b:mxfp4", 3782.76, 2048, e);
        double proQwen = halfPoint(pro, "qwen3-coder-30b-a3b:q4_k_m", 7640.08, 512, e);
        assertThat(spark20b).isBetween(100.0, 400.0);
        assertThat(proQwen).isBetween(100.0, 400.0);
        assertThat(e.moeExpertHalfTokens().sourceOf(pro)).isEqualTo(EfficiencyFactor.Source.PLATFORM);
    }

    private static double halfPoint(Device device, String model, double prefill, int batch, Engine.Efficiency e) {
        OpenModel m = CATALOG.modelChoice(model).model();
        double peak = e.prefillCompute().of(device) * device.fp16Tflops() * 1e12
                * e.quantizationPrefillFactor(CATALOG.modelChoice(model).quantization().id());
        double expertSeconds = 1 / prefill - m.denseFlopsPerToken(0) / peak;
        double share = m.expertFlopsPerToken() / (expertSeconds * peak);
        double tokens = batch * m.experts().pickedShare();
        return tokens * (1 - share) / share;
    }

    @Test
    void thePerLayerOverheadIsFittedFromDenseModelsOfTwoSizesOnOneChip() {
        Device pro = CATALOG.device("rtx-pro-6000");
        Engine llama = CATALOG.engine("llama-cpp");
        ModelChoice small = CATALOG.modelChoice("llama-2-7b:q4_0");
        ModelChoice large = CATALOG.modelChoice("llama-3.3-70b:q4_k_m");
        // Rows made with 0.02 ms per layer and 80 % of 1,792 GB/s: 1/tg = layers x 0.02 ms + bytes / (0.8 x 1,792e9).
        double tgSmall = 1 / (32 * 0.02e-3 + small.weightBytesReadPerStep(1) / (0.8 * 1792e9));
        double tgLarge = 1 / (80 * 0.02e-3 + large.weightBytesReadPerStep(1) / (0.8 * 1792e9));
        Engine synthetic = llama.withCalibration(List.of(row(small, tgSmall), row(large, tgLarge)));
        Engine fitted = EfficiencyFit.fit(synthetic, CATALOG.devices(), CATALOG.models());
        assertThat(fitted.efficiency().decodeOverheadMsPerLayer().of(pro)).isCloseTo(0.02, within(1e-9));
        assertThat(fitted.efficiency().decodeBandwidth().of(pro)).isCloseTo(0.8, within(1e-9));
        // The 7B alone would have put the 0.64 ms of overhead into the efficiency: 3.80 GB / (1/tg x 1,792 GB/s).
        double folded = small.weightBytesReadPerStep(1) / (1 / tgSmall * 1792e9);
        assertThat(folded).isLessThan(0.72);
    }

    private static Engine.CalibrationRow row(ModelChoice model, double tg) {
        return new Engine.CalibrationRow("nvidia-rtx-pro-6000", model.model().name(), model.quantization().id(), model.toString(),
                0, null, model.weightBytesReadPerStep(1) / 1e9, tg, null, "hand-made for the test", "2026-12-06");
    }

    @Test
    void linearAttentionLayersReadAndWriteTheirStateAndAddFlops() {
        Device mac = CATALOG.device("mac-studio-m3-ultra-256gb");
        Engine llama = CATALOG.engine("llama-cpp");
        ModelChoice next = CATALOG.modelChoice("qwen3-next-80b-a3b:q4_k_m");
        OpenModel m = next.model();
        // 36 Gated DeltaNet layers x 32 value heads x 128 x 128 x 6 FLOPs = 113,246,208 FLOPs per token.
        assertThat(m.linearAttention().flopsPerToken()).isEqualTo(113_246_208.0);
        double activeRouted = 48.0 * 512 * 3 * 2048 * 512 * 10 / 512;
        assertThat(m.denseFlopsPerToken(0)).isCloseTo(2 * (3.0e9 - activeRouted) + 113_246_208, within(1.0));
        // Decode at depth 0: the per-layer overhead, the weights, and the 79,036,416-byte state read and written back.
        Engine.Efficiency e = llama.efficiency();
        double bandwidth = 819e9;
        double step = 48 * e.decodeOverheadMsPerLayer().of(mac) / 1000
                + (next.weightBytesReadPerStep(1) + 2 * 79_036_416.0) / (e.decodeBandwidth().of(mac) * bandwidth);
        assertThat(1 / SPEEDS.at(mac, next, llama, 0, 1, KvCacheType.F16).decodeTokensPerSecond()).isCloseTo(step, within(1e-12));
        // At depth: only the 12 attention layers' cache grows (24,576 B a token), read at the KV efficiency.
        double deep = step + 32_768 * 24_576.0 / (e.kvReadBandwidth().of(mac) * bandwidth);
        assertThat(1 / SPEEDS.at(mac, next, llama, 32_768, 1, KvCacheType.F16).decodeTokensPerSecond()).isCloseTo(deep, within(1e-12));
    }

    @Test
    void quantizedWeightsPrefillSlowerThan16BitOnes() {
        Engine llama = CATALOG.engine("llama-cpp");
        // Fitted from the Apple rows with Llama 2 7B at F16 and Q4_0 on one chip: M3 Ultra 80c 1471.24 / 1538.34 =
        // 0.9564, M4 Max 885.68 / 922.83 = 0.9597, M2 Ultra 1238.48 / 1401.85 = 0.8835, M1 Max 530.06 / 599.53 =
        // 0.8841; the median is (0.8841 + 0.9564) / 2 = 0.9203.
        double q40 = (530.06 / 599.53 + 1471.24 / 1538.34) / 2;
        assertThat(llama.efficiency().quantizationPrefillFactor("q4_0")).isCloseTo(q40, within(1e-9));
        // Q4_K_M: one M2 Ultra run of LLaMA 7B at F16 and Q4_K_M (llama.cpp PR #3084), 1028.20 / 1265.30 = 0.8126.
        assertThat(llama.efficiency().quantizationPrefillFactor("q4_k_m")).isCloseTo(1028.20 / 1265.30, within(1e-9));
        // Ollama has no rows: its engine file's estimate applies.
        assertThat(CATALOG.engine("ollama").efficiency().quantizationPrefillFactor("q4_k_m")).isEqualTo(0.85);
        assertThat(llama.efficiency().quantizationPrefillFactor("bf16")).isEqualTo(1.0);
        Device rtx = CATALOG.device("rtx-4090");
        double f16 = SPEEDS.at(rtx, CATALOG.modelChoice("llama-2-7b:bf16"), llama, 0, 1, KvCacheType.F16).prefillTokensPerSecond();
        double q4 = SPEEDS.at(rtx, CATALOG.modelChoice("llama-2-7b:q4_0"), llama, 0, 1, KvCacheType.F16).prefillTokensPerSecond();
        assertThat(q4 / f16).isCloseTo(q40, within(1e-9));
    }

    @Test
    void llamaCppKeepsMlaCachesDecompressed() {
        OpenModel lite = CATALOG.model("deepseek-coder-v2-lite");
        // Latent: 27 layers x (512 + 64) x 2 B = 31,104 B a token. Decompressed: 27 layers x 16 heads x (128 + 64 + 128)
        // x 2 B = 276,480 B a token, 8.9 times as much.
        assertThat(lite.kvCacheBytes(2048, KvCacheType.F16, false)).isEqualTo(2048 * 31_104L);
        assertThat(lite.kvCacheBytes(2048, KvCacheType.F16, true)).isEqualTo(2048 * 276_480L);
        Device mac = CATALOG.device("mac-studio-m3-ultra-512gb");
        ModelChoice q4 = CATALOG.modelChoice("deepseek-coder-v2-lite:q4_k_m");
        List<ResidentModel> eight = List.of(new ResidentModel(q4, 8, 2048));
        // 8 sessions x 2,048 tokens x 276,480 B = 4,529,848,320 B under llama.cpp; MLX caches the latent.
        assertThat(new MemoryFit(mac, KvCacheType.F16, CATALOG.engine("llama-cpp"), 0).fit(eight).kvCacheBytes()).isEqualTo(4_529_848_320L);
        assertThat(new MemoryFit(mac, KvCacheType.F16, CATALOG.engine("mlx"), 0).fit(eight).kvCacheBytes()).isEqualTo(8 * 2048 * 31_104L);
        // Decode reads the decompressed cache too: 2,048 x 276,480 B more per token than at depth 0.
        Engine llama = CATALOG.engine("llama-cpp");
        double zero = 1 / SPEEDS.at(mac, q4, llama, 0, 1, KvCacheType.F16).decodeTokensPerSecond();
        double deep = 1 / SPEEDS.at(mac, q4, llama, 2048, 1, KvCacheType.F16).decodeTokensPerSecond();
        assertThat(deep - zero).isCloseTo(2048 * 276_480.0 / (llama.efficiency().kvReadBandwidth().of(mac) * 819e9), within(1e-12));
    }

    @Test
    void factorsComeFromTheChipElseItsClassAndAnOwnCalibrationNarrowsTheRange() {
        Engine llama = CATALOG.engine("llama-cpp");
        EfficiencyFactor decode = llama.efficiency().decodeBandwidth();
        // The RTX A6000 and M2 Ultra have calibration rows, so their own factors; the M5 Max and B200 have none.
        assertThat(decode.sourceOf(CATALOG.device("rtx-a6000"))).isEqualTo(EfficiencyFactor.Source.CHIP);
        assertThat(decode.sourceOf(CATALOG.device("mac-studio-m2-ultra-192gb"))).isEqualTo(EfficiencyFactor.Source.CHIP);
        Device m5 = CATALOG.device("macbook-pro-16-m5-max-128gb");
        assertThat(decode.sourceOf(m5)).isEqualTo(EfficiencyFactor.Source.CLASS);
        assertThat(SpeedFactors.of(llama, m5).describe()).isEqualTo("decode: fitted on other chips of its class "
                + "(apple-silicon/consumer); prefill: fitted on other chips of its class (apple-silicon/consumer)");
        Device b200 = CATALOG.device("rented-b200-runpod");
        // The B200's class value is the median of the A100 SXM and H100 SXM decode efficiencies.
        double a100 = decode.of(CATALOG.device("rented-a100-runpod"));
        double h100 = decode.of(CATALOG.device("rented-h100-runpod"));
        assertThat(decode.of(b200)).isCloseTo((a100 + h100) / 2, within(1e-12));

        Device rtx = CATALOG.device("rtx-4090");
        double chipWidth = width(decode, rtx);
        Engine own = new ChipCalibration("llama-cpp", rtx.chip(), rtx.id(), "llama-2-7b:q4_0", 0.7, 0.9, null, 1, 1, "own run")
                .applyTo(llama);
        EfficiencyFactor ownDecode = own.efficiency().decodeBandwidth();
        assertThat(ownDecode.of(rtx)).isEqualTo(0.7);
        assertThat(SpeedFactors.of(own, rtx).ownCalibration()).isTrue();
        // Spread: the default's P10-P90 (0.55-0.88 around 0.75), half of it for an own calibration.
        assertThat(chipWidth).isCloseTo((0.88 - 0.55) / 0.75, within(1e-12));
        assertThat(width(ownDecode, rtx)).isCloseTo(0.5 * (0.88 - 0.55) / 0.75, within(1e-12));
        double speedWidth = relativeWidth(SPEEDS.at(rtx, CATALOG.modelChoice("llama-3.1-8b:q4_k_m"), own, 0, 1, KvCacheType.F16));
        assertThat(speedWidth).isLessThan(relativeWidth(SPEEDS.at(rtx, CATALOG.modelChoice("llama-3.1-8b:q4_k_m"), llama, 0, 1, KvCacheType.F16)));
    }

    private static double width(EfficiencyFactor factor, Device device) {
        return (factor.rangeOf(device).high() - factor.rangeOf(device).low()) / factor.of(device);
    }

    private static double relativeWidth(Throughput t) {
        return (t.decodeRange().high() - t.decodeRange().low()) / t.decodeTokensPerSecond();
    }
}
