package costplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class SpeedAndFitCommandTest {
    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void speedJsonHasThePointEstimatesTheirRangeAndADepthTable() throws IOException {
        CliRun r = run("speed", "--device", "rtx-4090", "--model", "llama-3.1-8b", "--context", "8192", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        double decode = json.get("decodeTokensPerSecond").asDouble();
        assertThat(json.get("decodeTokensPerSecondLow").asDouble()).isLessThan(decode);
        assertThat(json.get("decodeTokensPerSecondHigh").asDouble()).isGreaterThan(decode);
        assertThat(json.get("prefillTokensPerSecondLow").asDouble()).isLessThan(json.get("prefillTokensPerSecond").asDouble());
        assertThat(json.get("calibratedOnThisChip").asBoolean()).isTrue();
        assertThat(json.get("byDepth").findValuesAsText("contextTokens")).contains("0", "8192", "131072");
    }

    @Test
    void speedRefusesWhatTheEngineCannotDo() {
        assertThat(run("speed", "--device", "rtx-4090", "--model", "llama-3.1-8b", "--engine", "mlx").err())
                .contains("mlx does not run on rtx-4090");
        assertThat(run("speed", "--device", "rtx-4090", "--model", "llama-3.1-8b:mlx-4bit").err())
                .contains("llama-cpp does not load mlx-4bit files");
        assertThat(run("speed", "--device", "rtx-4090", "--model", "llama-3.1-8b", "--context", "-5").err())
                .contains("--context must be 0 to 131072 tokens");
    }

    @Test
    void fitJsonHasTheDocumentedFieldsAndSaysWhenItDoesNotFit() throws IOException {
        CliRun r = run("fit", "--device", "rtx-4090", "--model", "qwen3-coder-30b-a3b:q8_0", "--context", "32768", "--json");
        assertThat(r.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("fits").asBoolean()).isFalse();
        for (String field : new String[]{"usableBytes", "requiredBytes", "headroomBytes", "weightsBytes", "kvCacheBytes", "maxContextTokens"})
            assertThat(json.has(field)).as(field).isTrue();
        assertThat(json.get("headroomBytes").asLong()).isNegative();
        assertThat(json.get("models").get(0).get("bestQuantization").asText()).isEqualTo("q4_k_m");
        CliRun text = run("fit", "--device", "rtx-4090", "--model", "qwen3-coder-30b-a3b:q8_0", "--context", "32768");
        assertThat(text.out()).contains("does NOT fit, short by");
    }

    @Test
    void fitRefusesAbsurdNumbersAndNamesTheClosestIds() {
        assertThat(run("fit", "--device", "rtx-4090", "--model", "llama-3.1-8b", "--context", "0").err())
                .contains("--context must be 1 to 100,000,000 tokens but was 0");
        assertThat(run("fit", "--device", "rtx-4090", "--model", "llama-3.1-8b@x", "--context", "100").err())
                .contains("expected a number of sessions after '@'");
        assertThat(run("fit", "--device", "rtx-4090", "--model", "lama-3.1-8b", "--context", "100").err())
                .contains("unknown model 'lama-3.1-8b'; closest: llama-3.1-8b");
    }

    @Test
    void breakevenJsonHasTheDocumentedFieldsWithReasonsForNulls() throws IOException {
        CliRun r = run("breakeven", "--tokens-per-day", "1000000", "--cloud", "claude-haiku-4-5", "--device", "rtx-3090",
                "--model", "llama-3.1-8b", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("cloudMonthlyUsd").asDouble()).isCloseTo(3.80 * 1e6 * 365.25 / 12 / 1e6, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(json.get("localMonthlyUsd").asDouble()).isPositive();
        assertThat(json.get("crossoverTokensPerMonth").asDouble()).isPositive();
        assertThat(json.get("paybackMonths").asDouble()).isPositive();
        CliRun rented = run("breakeven", "--tokens-per-day", "1000000", "--cloud", "claude-haiku-4-5", "--device", "rented-h100-runpod",
                "--model", "llama-3.1-8b", "--json");
        JsonNode rentedJson = new ObjectMapper().readTree(rented.out());
        assertThat(rentedJson.get("paybackMonths").isNull()).isTrue();
        assertThat(rentedJson.get("reason").asText()).isEqualTo("nothing is bought, so there is nothing to pay back");
    }

    @Test
    void breakevenRefusesAZeroTokenDayAndAbsurdShares() {
        assertThat(run("breakeven", "--tokens-per-day", "0", "--cloud", "claude-haiku-4-5", "--device", "rtx-3090").err())
                .contains("--tokens-per-day must be above 0 but was 0.0");
        assertThat(run("breakeven", "--tokens-per-day", "1000", "--input-share", "1.3", "--cloud", "claude-haiku-4-5", "--device", "rtx-3090").err())
                .contains("--input-share must be 0 to 1 but was 1.3");
        assertThat(run("breakeven", "--tokens-per-day", "1000", "--cloud", "claude-haiku-9", "--device", "rtx-3090").err())
                .contains("--cloud: no price for 'claude-haiku-9'; closest known ids:");
        assertThat(run("breakeven", "--tokens-per-day", "1000", "--months", "240", "--cloud", "claude-haiku-4-5", "--device", "rtx-3090").err())
                .contains("--months must be 1 to 120 but was 240");
    }
}
