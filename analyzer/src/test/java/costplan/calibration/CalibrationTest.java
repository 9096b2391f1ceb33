package costplan.calibration;

import costplan.catalog.Catalog;
import costplan.catalog.KvCacheType;
import costplan.catalog.OpenModel;
import costplan.speed.SpeedModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CalibrationTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final Path SAMPLES = Path.of("../samples/llama-bench");

    @TempDir
    Path dir;

    @Test
    void readsTheMarkdownTable() throws IOException {
        List<BenchResult> results = LlamaBenchParser.read(SAMPLES.resolve("rtx-4090-llama-2-7b-q4_0.md"));
        assertThat(results).containsExactly(
                new BenchResult("llama 7B Q4_0", Math.round(3.56 * (1L << 30)), 6_740_000_000L, 512, 0, 0, 512, 11992.70, 3),
                new BenchResult("llama 7B Q4_0", Math.round(3.56 * (1L << 30)), 6_740_000_000L, 0, 128, 0, 512, 186.21, 4));
    }

    @Test
    void readsJsonWithDepths() throws IOException {
        List<BenchResult> results = LlamaBenchParser.read(SAMPLES.resolve("dgx-spark-gpt-oss-20b.json"));
        assertThat(results).hasSize(6);
        assertThat(results.get(5)).isEqualTo(new BenchResult("gpt-oss 20B MXFP4 MoE", 12_109_565_952L, 20_914_757_184L, 0, 32,
                32_768, 2048, 59.85, 6));
    }

    @Test
    void fittingThePublicRtx4090RunGivesBackTheCatalogsFactors() throws IOException {
        var device = CATALOG.device("rtx-4090");
        var engine = CATALOG.engine("llama-cpp");
        ChipCalibration fitted = CalibrationFit.fit(LlamaBenchParser.read(SAMPLES.resolve("rtx-4090-llama-2-7b-q4_0.md")),
                device, engine, CATALOG.modelChoice("llama-2-7b:q4_0"), "sample");
        // The catalog's factors for this chip were fitted to the same public run (its only row).
        var efficiency = engine.efficiency();
        assertThat(fitted.decodeBandwidthEfficiency()).isCloseTo(efficiency.decodeBandwidth().of(device), within(0.001));
        assertThat(fitted.prefillComputeEfficiency()).isCloseTo(efficiency.prefillCompute().of(device), within(0.001));
        // By hand: 3.823e9 x (6.74e9 - 32,000 x 4,096) / 6.74e9 bytes over (1/186.21 s - 32 x the CUDA overhead) x 1,008 GB/s.
        double bytes = Math.round(3.56 * (1L << 30)) * (6.74e9 - 32_000.0 * 4096) / 6.74e9;
        double overhead = 32 * efficiency.decodeOverheadMsPerLayer().of(device) / 1000;
        assertThat(fitted.decodeBandwidthEfficiency()).isCloseTo(bytes / ((1 / 186.21 - overhead) * 1008e9), within(1e-9));
        assertThat(fitted.kvReadBandwidthEfficiency()).isNull();
    }

    @Test
    void aCalibrationMakesTheSpeedModelReproduceTheMeasuredRun() throws IOException {
        var device = CATALOG.device("dgx-spark");
        var model = CATALOG.modelChoice("gpt-oss-20b:mxfp4");
        ChipCalibration fitted = CalibrationFit.fit(LlamaBenchParser.read(SAMPLES.resolve("dgx-spark-gpt-oss-20b.json")),
                device, CATALOG.engine("llama-cpp"), model, "sample");
        assertThat(fitted.kvReadBandwidthEfficiency()).isNotNull();
        Path file = dir.resolve("calibration.json");
        Files.writeString(file, fitted.toJson());
        var engine = ChipCalibration.read(file).applyTo(CATALOG.engine("llama-cpp"));
        var atZero = SpeedModels.standard().at(device, model, engine, 0, 1, KvCacheType.F16);
        // Within 0.1 %: the fit reads the bench file's model size, the speed model the catalog's (12.1 GB).
        assertThat(atZero.decodeTokensPerSecond()).isCloseTo(84.10, within(0.1));
        // Prefill: gpt-oss-20b is a mixture of experts; the fit divides out its experts' share at the run's ubatch
        // (2048 x 4/32 = 256 tokens per expert), so at that batch it gives back the measured 3,782.76 tokens/s ...
        OpenModel m = model.model();
        var e = engine.efficiency();
        double flops = fitted.prefillComputeEfficiency() * device.fp16Tflops() * 1e12 * e.quantizationPrefillFactor("mxfp4");
        double atRunBatch = 1 / (m.denseFlopsPerToken(0) / flops + m.expertFlopsPerToken() / (flops * e.moeExpertEfficiency(device, 256)));
        assertThat(atRunBatch).isCloseTo(3782.76, within(2.0));
        // ... and the speed model, at llama.cpp's default ubatch of 512 (64 tokens per expert), less.
        double atDefault = 1 / (m.denseFlopsPerToken(0) / flops + m.expertFlopsPerToken() / (flops * e.moeExpertEfficiency(device, 64)));
        assertThat(atZero.prefillTokensPerSecond()).isCloseTo(atDefault, within(1e-6));
        var deep = SpeedModels.standard().at(device, model, engine, 32_768, 1, KvCacheType.F16);
        assertThat(deep.decodeTokensPerSecond()).isCloseTo(59.85, within(3.0));
    }

    @Test
    void badFilesSayWhatIsWrongAndWhere() throws IOException {
        Path noColumn = dir.resolve("bench.md");
        Files.writeString(noColumn, "| model | size | backend | test | t/s |\n| --- | --- | --- | --- | --- |\n");
        assertThatThrownBy(() -> LlamaBenchParser.read(noColumn)).hasMessageContaining("bench.md:1: the table has no 'params' column");
        Path badRate = dir.resolve("rate.md");
        Files.writeString(badRate, "| model | size | params | test | t/s |\n| --- | --- | --- | --- | --- |\n| m | 1 GiB | 1 B | pp512 | fast |\n");
        assertThatThrownBy(() -> LlamaBenchParser.read(badRate)).hasMessageContaining("rate.md:3: expected tokens per second");
        Path onlyPrompt = dir.resolve("pp.md");
        Files.writeString(onlyPrompt, "| model | size | params | test | t/s |\n| --- | --- | --- | --- | --- |\n| m | 3.56 GiB | 6.74 B | pp512 | 100 |\n");
        assertThatThrownBy(() -> CalibrationFit.fit(LlamaBenchParser.read(onlyPrompt), CATALOG.device("rtx-4090"),
                CATALOG.engine("llama-cpp"), CATALOG.modelChoice("llama-2-7b:q4_0"), "x"))
                .hasMessageContaining("no generation (tg) test at depth 0: add -n 128");
        Path notJson = dir.resolve("x.json");
        Files.writeString(notJson, "[{\"model_size\": 1}]");
        assertThatThrownBy(() -> LlamaBenchParser.read(notJson)).hasMessageContaining("test 1: missing number 'model_n_params'");
    }
}
