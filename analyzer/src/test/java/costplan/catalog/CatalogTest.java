package costplan.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogTest {
    @TempDir
    Path dir;

    @Test
    void bundledCatalogIsValidAndEveryNumberHasASource() {
        CatalogReader.Result result = CatalogReader.bundled();
        assertThat(result.problems()).isEmpty();
        assertThat(result.unsourced()).isEmpty();
        assertThat(result.files()).isEqualTo(76 + 6); // 76 device, model and engine files; 4 quality files, tool-calling.json, tokenizers.json
        assertThat(result.catalog().devices()).hasSize(38);
        assertThat(result.catalog().models()).hasSizeGreaterThanOrEqualTo(25);
        assertThat(result.catalog().engines()).extracting(Engine::id).containsExactly("llama-cpp", "mlx", "ollama", "vllm");
    }

    @Test
    void derivedFiguresFollowFromTheFiles() {
        Catalog catalog = Catalog.bundled();
        Device mac = catalog.device("mac-studio-m3-ultra-256gb");
        assertThat(mac.memoryBytes()).isEqualTo(256L << 30);
        assertThat(mac.usableBytes()).isEqualTo(Math.round(256 * mac.usableMemoryShare() * (1L << 30)));
        Device rig = catalog.device("rtx-3090-x2");
        assertThat(rig.boughtUsed()).isTrue();
        assertThat(rig.purchaseUsd()).isEqualTo(1500 + 900);
        assertThat(catalog.device("rented-h100-runpod").purchaseUsd()).isZero();

        ModelChoice q4 = catalog.modelChoice("qwen3-coder-30b-a3b");
        assertThat(q4.quantization().id()).isEqualTo("q4_k_m");
        assertThat(q4.weightBytes()).isEqualTo(18_557_000_000L);
        // 48 layers x 4 KV heads x 128 values x 2 (K and V) x 2 bytes = 98,304 bytes per token at f16.
        assertThat(q4.model().kvCacheBytes(1000, KvCacheType.F16)).isEqualTo(98_304_000L);
        assertThat(q4.model().kvCacheBytes(1000, KvCacheType.Q8_0)).isEqualTo(52_224_000L);
    }

    @Test
    void slidingWindowAndLinearStateAreBoundedPerSequence() {
        Catalog catalog = Catalog.bundled();
        OpenModel gptOss = catalog.model("gpt-oss-120b");
        // 18 global layers grow (36,864 B/token); 18 sliding layers stop at 128 tokens (4,718,592 B).
        assertThat(gptOss.kvCacheBytes(64, KvCacheType.F16)).isEqualTo(64 * 36_864L + 4_718_592L / 2);
        assertThat(gptOss.kvCacheBytes(100_000, KvCacheType.F16)).isEqualTo(100_000 * 36_864L + 4_718_592L);
        OpenModel next = catalog.model("qwen3-coder-next");
        assertThat(next.kvCacheBytes(0, KvCacheType.F16)).isEqualTo(79_036_416L);
        assertThat(next.kvCacheBytes(10_000, KvCacheType.F16)).isEqualTo(10_000 * 24_576L + 79_036_416L);
    }

    @Test
    void efficiencyFactorsUseTheChipThenItsClassThenThePlatformThenTheDefault() {
        Catalog catalog = Catalog.bundled();
        EfficiencyFactor decode = catalog.engine("llama-cpp").efficiency().decodeBandwidth();
        Device rtx = catalog.device("rtx-4090");
        assertThat(decode.sourceOf(rtx)).isEqualTo(EfficiencyFactor.Source.CHIP);
        assertThat(decode.calibratedOn(rtx)).isTrue();
        // H200 has no rows: the median of the data-centre chips that do (A100 SXM, H100 SXM).
        Device h200 = catalog.device("rented-h200-runpod");
        assertThat(decode.sourceOf(h200)).isEqualTo(EfficiencyFactor.Source.CLASS);
        assertThat(decode.of(h200)).isEqualTo(decode.fitted().byClass().get("nvidia-cuda/datacentre"));
        // MLX has no row on the M4 Max but rows on the M3 Ultra 60c: fitted on the class of Apple chips.
        EfficiencyFactor mlx = catalog.engine("mlx").efficiency().decodeBandwidth();
        assertThat(mlx.sourceOf(catalog.device("mac-studio-m4-max-128gb"))).isEqualTo(EfficiencyFactor.Source.CLASS);
        // A CPU has no rows at all: the engine file's estimate for the platform.
        EfficiencyFactor ollama = catalog.engine("ollama").efficiency().decodeBandwidth();
        assertThat(ollama.sourceOf(rtx)).isEqualTo(EfficiencyFactor.Source.ESTIMATE);
        assertThat(ollama.of(rtx)).isEqualTo(0.68);
        Range range = decode.rangeOf(rtx);
        // The default's P10 spread (0.55 around 0.75) around the chip's value.
        assertThat(range.low()).isCloseTo(decode.of(rtx) * 0.55 / 0.75, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void unknownIdsNameTheClosestOnes() {
        Catalog catalog = Catalog.bundled();
        assertThatThrownBy(() -> catalog.device("rtx4090")).isInstanceOf(UnknownIdException.class)
                .hasMessageContaining("unknown device 'rtx4090'; closest: rtx-4090");
        assertThatThrownBy(() -> catalog.modelChoice("qwen3-coder-30b-a3b:q4_k_s"))
                .hasMessageContaining("unknown quantization of qwen3-coder-30b-a3b 'q4_k_s'; closest: q4_k_m");
        assertThat(catalog.model("qwen3.5-27b").id()).isEqualTo("qwen3.6-27b");
    }

    @Test
    void brokenFilesAreReportedWithFileFieldAndExpectation() throws IOException {
        copyBundled();
        Path rtx = dir.resolve("devices/rtx-4090.json");
        Files.writeString(rtx, Files.readString(rtx).replace("\"memoryBandwidthGBps\": 1008", "\"memoryBandwidthGBps\": -5")
                .replace("\"kind\": \"owned\"", "\"kind\": \"bought\""));
        Files.writeString(dir.resolve("models/broken.json"), "{\"id\": \"broken\", ");
        Path engine = dir.resolve("engines/mlx.json");
        Files.writeString(engine, Files.readString(engine).replace("\"id\": \"mlx\"", "\"id\": \"MLX\""));

        CatalogReader.Result result = CatalogReader.read(dir);

        assertThat(result.problems()).extracting(CatalogProblem::toString).contains(
                "devices/rtx-4090.json: kind: expected 'owned' or 'rented' but was 'bought'",
                "devices/rtx-4090.json: memoryBandwidthGBps: expected GB/s per GPU between 10 and 20000 but was -5",
                "engines/mlx.json: id: expected 'mlx' (the file name without .json) but was 'MLX'");
        assertThat(result.problems()).anyMatch(p -> p.file().equals("models/broken.json") && p.message().startsWith("not valid JSON at line 1"));
        assertThat(result.catalog().devices()).hasSize(37);
        assertThatThrownBy(() -> Catalog.load(dir)).isInstanceOf(CatalogException.class).hasMessageContaining("5 problems");
    }

    @Test
    void aNumberWithoutASourceIsReported() throws IOException {
        copyBundled();
        Path file = dir.resolve("devices/dgx-spark.json");
        Files.writeString(file, Files.readString(file).replace("\"diskReadGBps\": {", "\"diskReadGBpsX\": {"));
        assertThat(CatalogReader.read(dir).unsourced()).extracting(CatalogProblem::toString)
                .containsExactly("devices/dgx-spark.json: diskReadGBps: number without a source; add an entry to 'sources'");
    }

    @Test
    void aKvSizeThatDoesNotFollowFromTheShapesIsReported() throws IOException {
        copyBundled();
        Path file = dir.resolve("models/llama-3.1-8b.json");
        Files.writeString(file, Files.readString(file).replace("\"kvBytesPerTokenF16\": 131072", "\"kvBytesPerTokenF16\": 65536"));
        assertThat(CatalogReader.read(dir).problems()).extracting(CatalogProblem::toString).containsExactly(
                "models/llama-3.1-8b.json: kvBytesPerTokenF16: expected 131072 (2 x kvLayers x kvHeads x headDim x 2) but was 65536");
    }

    @Test
    void aFolderThatIsNotACatalogSaysSo() {
        assertThatThrownBy(() -> Catalog.load(dir)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("not a catalog folder");
    }

    private void copyBundled() throws IOException {
        Path source = Path.of("../hardware-catalog");
        for (String folder : List.of("devices", "models", "engines")) {
            Files.createDirectories(dir.resolve(folder));
            try (var files = Files.list(source.resolve(folder))) {
                for (Path f : files.toList()) Files.copy(f, dir.resolve(folder).resolve(f.getFileName()));
            }
        }
    }
}
