package costplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogCommandTest {
    @Test
    void modelsJsonCarriesEachModelsScoresToolCallingAndTokenizer() throws Exception {
        CliRun run = CliRun.of("catalog", "models", "gemma-4-31b", "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode model = new ObjectMapper().readTree(run.out()).get(0);
        JsonNode quality = model.get("quality");
        assertThat(quality).hasSize(1);
        assertThat(quality.get(0).get("harness").asText()).isEqualTo("competitor-table");
        assertThat(quality.get(0).get("score").asDouble()).isEqualTo(52.0);
        assertThat(quality.get(0).get("makerReported").asBoolean()).isFalse();
        assertThat(model.get("referenceScore").isNull()).isTrue();
        JsonNode risks = model.get("toolCalling").get("riskByEngine");
        assertThat(risks.get("ollama").asText()).isEqualTo("known-issues");
        assertThat(risks.get("vllm").asText()).isEqualTo("none-known");
        assertThat(model.get("toolCalling").get("problems")).hasSize(2);
        assertThat(model.get("tokenizer").get("tokensPerClaudeToken").asDouble()).isEqualTo(0.85);
    }

    @Test
    void modelsJsonListsTheScoresOfEveryAliasBesideTheModelsOwn() throws Exception {
        JsonNode model = new ObjectMapper().readTree(CliRun.of("catalog", "models", "minimax-m2.5", "--json").out()).get(0);
        assertThat(model.get("referenceScore").get("score").asDouble()).isEqualTo(72.6);
        assertThat(model.get("quality").findValuesAsText("model")).contains("minimax-m2.5", "minimax-m2.7", "minimax-m2.1", "minimax-m2");
    }

    @Test
    void modelsTableShowsTheSharedHarnessScoreOrUnknown() {
        String out = CliRun.of("catalog", "models").out();
        assertThat(out).containsPattern("(?m)^qwen3-coder-next .* 66\\.6 OH  Apache-2\\.0$");
        assertThat(out).containsPattern("(?m)^gpt-oss-120b .* 26\\.0 M1  Apache-2\\.0$");
        assertThat(out).containsPattern("(?m)^gemma-4-26b-a4b .* unknown  Apache-2\\.0$");
    }

    @Test
    void oneModelShowsItsScoresToolCallingAndTokenizer() {
        String out = CliRun.of("catalog", "models", "gpt-oss-120b").out();
        assertThat(out).contains("quality: 26.0 % of SWE-bench Verified on the shared harness mini-swe-agent-v1");
        assertThat(out).contains("tool calling: llama-cpp none-known, mlx known-issues, ollama known-issues, vllm known-issues");
        assertThat(out).contains("tokenizer: 0.81 tokens per Claude token (0.77-0.86), an estimate, family gpt-oss");
    }

    @Test
    void checkValidatesTheQualityFiles() {
        CliRun run = CliRun.of("catalog", "check");
        assertThat(run.out()).endsWith(" 0 problems\n");
        assertThat(run.exitCode()).isZero();
    }
}
