package costplan.catalog;

import costplan.pricing.PriceBook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ModelQualityTest {
    private static final ModelQuality BUNDLED = Catalog.bundled().quality();

    @Nested
    class SharedHarness {
        @Test
        void comparesALocalAndACloudModelOnThePreferredHarnessThatScoredBoth() {
            HarnessComparison c = BUNDLED.onSharedHarness("qwen3-coder-next", "claude-opus-4-5").orElseThrow();
            assertThat(c.harness()).isEqualTo("openhands-index");
            assertThat(c.local().score()).isEqualTo(66.6);
            assertThat(c.cloud().score()).isEqualTo(76.6);
            assertThat(c.scoreRatio()).isCloseTo(66.6 / 76.6, within(1e-12));   // 0.869
            assertThat(c.pointsBelowCloud()).isCloseTo(76.6 - 66.6, within(1e-9));
        }

        @Test
        void fallsBackToTheNextHarnessWhenThePreferredOneLacksAModel() {
            // The OpenHands Index has no Claude Haiku 4.5; mini-SWE-agent 2.0.0 scored it and MiniMax-M2.5.
            HarnessComparison c = BUNDLED.onSharedHarness("minimax-m2.5", "claude-haiku-4-5").orElseThrow();
            assertThat(c.harness()).isEqualTo("mini-swe-agent-v2");
            assertThat(c.local().score()).isEqualTo(75.8);
            assertThat(c.cloud().score()).isEqualTo(66.6);
            assertThat(c.scoreRatio()).isEqualTo(1.0);   // min(1, 75.8 / 66.6 = 1.14)

            // An alias is a release with its own scores: GLM-4.6 on mini-SWE-agent 1 against Sonnet 4.5 there.
            HarnessComparison glm46 = BUNDLED.onSharedHarness("glm-4.6", "claude-sonnet-4-5").orElseThrow();
            assertThat(glm46.harness()).isEqualTo("mini-swe-agent-v1");
            assertThat(glm46.scoreRatio()).isCloseTo(55.4 / 70.6, within(1e-12));   // 0.785
        }

        @Test
        void isEmptyWhenNoHarnessScoredBoth() {
            // GLM-4.7 is on the OpenHands Index only, Haiku 4.5 on mini-SWE-agent 2 only.
            assertThat(BUNDLED.onSharedHarness("glm-4.7", "claude-haiku-4-5")).isEmpty();
            assertThat(BUNDLED.onSharedHarness("gemma-4-26b-a4b", "claude-opus-4-5")).isEmpty();
        }

        @Test
        void matchesARequestsDatedModelIdThroughThePriceBook() {
            PriceBook prices = PriceBook.bundled("anthropic");
            ModelQuality quality = BUNDLED.withCloudIds(id -> prices.canonicalIdOf(id).orElse(id));
            assertThat(BUNDLED.score("claude-opus-4-5-20251101", "openhands-index")).isEmpty();
            assertThat(quality.score("claude-opus-4-5-20251101", "openhands-index")).get()
                    .extracting(QualityScore::score).isEqualTo(76.6);
            assertThat(quality.onSharedHarness("glm-4.7", "claude-opus-4-5-20251101").orElseThrow().scoreRatio())
                    .isCloseTo(73.4 / 76.6, within(1e-12));   // 0.958
        }
    }

    @Nested
    class QualityUnknown {
        @Test
        void aModelWithOnlyMakerOrSingleRunScoresHasNoReferenceScore() {
            assertThat(BUNDLED.qualityKnown("gemma-4-26b-a4b")).isFalse();
            assertThat(BUNDLED.scores("gemma-4-26b-a4b")).extracting(QualityScore::harness, QualityScore::score)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("competitor-table", 17.4));
            assertThat(BUNDLED.qualityKnown("qwen3.6-27b")).isFalse();
            assertThat(BUNDLED.scores("qwen3.6-27b")).allMatch(QualityScore::makerReported);
            assertThat(BUNDLED.qualityKnown("llama-3.3-70b")).isFalse();
            assertThat(BUNDLED.scores("llama-3.3-70b")).isEmpty();
        }

        @Test
        void theReferenceScoreIsThePreferredSharedHarness() {
            assertThat(BUNDLED.referenceScore("minimax-m2.5")).get().extracting(QualityScore::harness, QualityScore::score)
                    .containsExactly("openhands-index", 72.6);   // not mini-SWE-agent 2's 75.8 nor the maker's 80.2
            assertThat(BUNDLED.referenceScore("gpt-oss-120b")).get().extracting(QualityScore::harness, QualityScore::score)
                    .containsExactly("mini-swe-agent-v1", 26.0);
        }
    }

    @Nested
    class ToolCalling {
        @Test
        void anUnfixedProblemOnTheEngineIsAKnownIssue() {
            assertThat(BUNDLED.toolCallingRisk("gemma-4-31b", "ollama")).isEqualTo(ToolCallingRisk.KNOWN_ISSUES);
            assertThat(BUNDLED.toolCallingRisk("glm-4.7-flash", "ollama")).isEqualTo(ToolCallingRisk.KNOWN_ISSUES);
            assertThat(BUNDLED.toolCallingRisk("glm-4.7-flash", "vllm")).isEqualTo(ToolCallingRisk.NONE_KNOWN);
        }

        @Test
        void aProblemWithoutEnginesIsAPropertyOfTheModelOnEveryEngine() {
            for (String engine : List.of("llama-cpp", "mlx", "ollama", "vllm"))
                assertThat(BUNDLED.toolCallingRisk("devstral-small-2", engine)).isEqualTo(ToolCallingRisk.KNOWN_ISSUES);
        }

        @Test
        void aFixedProblemLeavesNoneKnownAndAModelNobodyLookedUpIsUnknown() {
            assertThat(BUNDLED.toolCallingProblems("qwen3-coder-next")).singleElement()
                    .extracting(ToolCallingProblem::fixedIn).asString().contains("#16932");
            assertThat(BUNDLED.toolCallingRisk("qwen3-coder-next", "llama-cpp")).isEqualTo(ToolCallingRisk.NONE_KNOWN);
            assertThat(BUNDLED.toolCallingRisk("llama-3.3-70b", "llama-cpp")).isEqualTo(ToolCallingRisk.UNKNOWN);
            assertThat(ToolCallingRisk.KNOWN_ISSUES.id()).isEqualTo("known-issues");
        }
    }

    @Nested
    class Tokenizers {
        @Test
        void aListedFamilyGivesItsRatioAndAnUnlistedModelTheDefault() {
            TokenizerRatio gptOss = BUNDLED.tokenizer("gpt-oss-120b");
            assertThat(gptOss.tokensPerClaudeToken()).isEqualTo(0.81);
            // 1/1.30 for Python code and 1/1.16 for English prose, from Claude 3.5's +30 % and +16 % against o200k.
            assertThat(gptOss.range().low()).isCloseTo(1 / 1.30, within(0.005));
            assertThat(gptOss.range().high()).isCloseTo(1 / 1.16, within(0.005));
            assertThat(gptOss.tokensFor(100_000)).isCloseTo(100_000 * 0.81, within(1e-6));   // 81,000 tokens
            TokenizerRatio unlisted = BUNDLED.tokenizer("some-new-model");
            assertThat(unlisted.family()).isEqualTo("default");
            assertThat(unlisted.tokensPerClaudeToken()).isEqualTo(1.0);
        }

        @Test
        void everyCatalogModelIsInAFamily() {
            Catalog catalog = Catalog.bundled();
            for (OpenModel m : catalog.models())
                assertThat(BUNDLED.tokenizer(m.id()).family()).as(m.id()).isNotEqualTo("default");
        }
    }

    @Nested
    class Checks {
        @TempDir
        Path dir;

        @Test
        void everyBundledModelIdIsACatalogModelOrAPricedCloudModel() {
            Catalog catalog = Catalog.bundled();
            PriceBook prices = PriceBook.bundled();
            assertThat(BUNDLED.unknownModelIds(id -> catalog.knowsModel(id) || prices.canonicalIdOf(id).isPresent())).isEmpty();
        }

        @Test
        void reportsBadRowsAndUnknownIds() throws IOException {
            for (String folder : List.of("devices", "models", "engines", "quality")) Files.createDirectories(dir.resolve(folder));
            Files.writeString(dir.resolve("quality/board.json"), """
                    {"name": "a board", "description": "test",
                     "rows": [
                       {"model": "claude-opus-4-5", "benchmark": "swe-bench-verified", "harness": "openhands-index", "score": 76.6,
                        "date": "2026-01-27", "makerReported": false, "source": "results/claude-opus-4-5/scores.json"},
                       {"model": "no-such-model", "benchmark": "swe-bench-verified", "harness": "vendor", "score": 101,
                        "date": "Jan 2026", "makerReported": false, "source": "x"}
                     ]}""");
            Files.writeString(dir.resolve("tool-calling.json"), """
                    {"models": [{"model": "m", "problems": [{"summary": "s", "engines": ["lmstudio"], "harnesses": [],
                      "source": "x", "date": "2026-01", "fixedIn": null}]}]}""");
            CatalogReader.Result result = CatalogReader.read(dir);
            assertThat(result.problems()).extracting(CatalogProblem::toString).containsExactlyInAnyOrder(
                    "quality/board.json: rows.1.date: expected a date like 2026-05, 2026-05-22 or 2026 but was 'Jan 2026'",
                    "quality/board.json: rows.1.score: expected percent of tasks resolved between 0 and 100 but was 101",
                    "quality/board.json: rows.1.harness: maker-reported scores use the harness 'vendor' and only they do, but was 'vendor' with makerReported false",
                    "tool-calling.json: models.0.problems.0.engines: unknown engine 'lmstudio'; expected one of [llama-cpp, mlx, ollama, vllm]");
            ModelQuality quality = result.catalog().quality();
            assertThat(quality.unknownModelIds("claude-opus-4-5"::equals)).extracting(CatalogProblem::field)
                    .containsExactly("no-such-model", "m");
        }
    }
}
