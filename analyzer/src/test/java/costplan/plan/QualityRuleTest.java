package costplan.plan;

import costplan.catalog.Catalog;
import costplan.catalog.Range;
import costplan.catalog.TokenizerRatio;
import costplan.pricing.PriceBook;
import costplan.usage.Usage;
import costplan.usage.UsageQuery;
import costplan.workload.CloudSpeed;
import costplan.workload.DailyWorkload;
import costplan.workload.TraceRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The rule from coding scores to shares, worked by hand from the bundled quality files, and plans that use it. */
class QualityRuleTest {
    static final Catalog CATALOG = Catalog.bundled();
    static final PriceBook PRICES = PriceBook.bundled();
    static final QualityRule RULE = Planning.qualityRule(CATALOG, PlanSettings.defaults(), PRICES);

    /** One request of {@code model} costing {@code usd}, at trace index {@code index}. */
    static TraceRequest request(int index, String model) {
        return new TraceRequest(index, 0, index, index + 1, 0, 100, 0, 0, 10, model, false, index);
    }

    static QualityEstimate estimate(QualityRule rule, String local, String... cloudModels) {
        List<TraceRequest> requests = new java.util.ArrayList<>();
        for (String m : cloudModels) requests.add(request(requests.size(), m));
        double[] costs = new double[requests.size()];
        java.util.Arrays.fill(costs, 1.0);
        return rule.estimate(local, "llama-cpp", requests, costs);
    }

    @Nested
    class TheShareRule {
        @Test
        void bothOnOneSharedHarnessIsTheRatioOfTheScores() {
            // OpenHands Index: GLM-4.7 73.4, Claude Opus 4.5 76.6; a dated request id is matched as the price book does.
            QualityEstimate q = estimate(RULE, "glm-4.7", "claude-opus-4-5-20251101");
            assertThat(q.known()).isTrue();
            assertThat(q.capableShare()).isCloseTo(73.4 / 76.6, within(1e-9));
            assertThat(q.byCloudModel().get(0).harness()).isEqualTo("openhands-index");
        }

        @Test
        void aLocalModelScoringAboveTheCloudModelDoesAllOfItsRequests() {
            // mini-SWE-agent 2: MiniMax-M2.5 75.8, Claude Haiku 4.5 66.6: min(1, 75.8 / 66.6) = 1.
            assertThat(estimate(RULE, "minimax-m2.5", "claude-haiku-4-5-20251001").capableShare()).isEqualTo(1.0);
        }

        @Test
        void requestsAreWeightedByTheCloudModelThatServedThem() {
            // Two Opus 4.5 requests at 73.4 / 76.6 and one Sonnet 4.5 request at 73.4 / 74.2, all on OpenHands.
            QualityEstimate q = estimate(RULE, "glm-4.7", "claude-opus-4-5", "claude-opus-4-5", "claude-sonnet-4-5");
            assertThat(q.capableShare()).isCloseTo((2 * 73.4 / 76.6 + 73.4 / 74.2) / 3, within(1e-9));
            assertThat(q.byCloudModel()).extracting(QualityEstimate.CloudModelShare::requests).containsExactly(2L, 1L);
        }

        @Test
        void anUnscoredCloudModelIsComparedWithTheBestOfItsFamily() {
            // Claude Opus 4.1 has no OpenHands score; the best claude-opus- there is Opus 4.8 at 83.8.
            QualityEstimate q = estimate(RULE, "glm-4.7", "claude-opus-4-1");
            assertThat(q.capableShare()).isCloseTo(73.4 / 83.8, within(1e-9));
        }

        @Test
        void aMakerReportedScoreIsTakenAsTheSharedHarnessWouldScoreIt() {
            // Qwen3.6-27B: maker-reported 77.2, less 17.5 points = 59.7, against Opus 4.5's 76.6 on OpenHands.
            QualityEstimate q = estimate(RULE, "qwen3.6-27b", "claude-opus-4-5");
            assertThat(q.known()).isFalse();
            assertThat(q.localScore()).isCloseTo(77.2 - 17.5, within(1e-9));
            assertThat(q.capableShare()).isCloseTo((77.2 - 17.5) / 76.6, within(1e-9));
        }

        @Test
        void aHaikuTraceMovesMoreEasilyThanAnOpusTrace() {
            // Gemma 4 26B-A4B: one run at 17.4 in a rival's launch table; Opus 4.5 76.6 (OpenHands), Haiku 4.5 66.6 (mini-SWE-agent 2).
            double opus = estimate(RULE, "gemma-4-26b-a4b", "claude-opus-4-5").capableShare();
            double haiku = estimate(RULE, "gemma-4-26b-a4b", "claude-haiku-4-5").capableShare();
            assertThat(opus).isCloseTo(17.4 / 76.6, within(1e-9));
            assertThat(haiku).isCloseTo(17.4 / 66.6, within(1e-9));
            assertThat(haiku).isGreaterThan(opus);
        }

        @Test
        void aMaximumQualityDropKeepsTheStrongerModelsRequestsInTheCloud() {
            QualityRule strict = Planning.qualityRule(CATALOG, PlanSettings.defaults().withMaxQualityDrop(3.0), PRICES);
            // Opus 4.5 scores 76.6 - 73.4 = 3.2 points above GLM-4.7: more than 3; Sonnet 4.5 only 0.8.
            QualityEstimate q = estimate(strict, "glm-4.7", "claude-opus-4-5", "claude-sonnet-4-5");
            assertThat(q.byCloudModel()).extracting(QualityEstimate.CloudModelShare::capableShare)
                    .containsExactly(0.0, 73.4 / 74.2);
        }

        @Test
        void aModelWithoutAnyScoreTakesNothing() {
            QualityEstimate q = estimate(RULE, "llama-2-7b", "claude-opus-4-5");
            assertThat(q.localScore()).isNull();
            assertThat(q.capableShare()).isZero();
        }
    }

    @Test
    void theTokenizerRatioDividesTheEngineEfficiency() {
        // Engine: 0.75 most likely (0.55 to 0.88); tokenizer 0.85 (0.75 to 1.0) tokens per Claude token.
        TokenizerRatio ratio = new TokenizerRatio("t", List.of(), 0.85, new Range(0.75, 1.0), true, "test");
        Uncertain e = Planner.efficiencyRange(0.75, new Range(0.55, 0.88), ratio);
        assertThat(e.low()).isCloseTo(0.55 / 0.75 / 1.0, within(1e-12));
        assertThat(e.mode()).isCloseTo(1 / 0.85, within(1e-12));
        assertThat(e.high()).isCloseTo(0.88 / 0.75 / 0.75, within(1e-12));
    }

    @Nested
    class Plans {
        /** Five days of 8 hours, 2 sessions, 20M tokens a day, all on {@code model}. */
        Usage trace(String model) {
            var daily = new DailyWorkload(20_000_000, 0.01, 0.9, 2, 8, 30, 5, LocalDate.of(2026, 3, 2), 9, model);
            return Usage.of(daily.records(CloudSpeed.TYPICAL), UsageQuery.of());
        }

        @Test
        void aSmallModelTakesAtMostHalfOfAnOpusTraceAndMoreOfAHaikuTrace() {
            PlanSettings s = PlanSettings.defaults().withDevices("mac-studio-m3-ultra-256gb").withModels("gemma-4-26b-a4b")
                    .withSamples(200);
            OptionPlan opus = trace("claude-opus-4-5").plan(s).options().get(0);
            OptionPlan haiku = trace("claude-haiku-4-5").plan(s).options().get(0);
            assertThat(opus.quality().capableShare()).isLessThanOrEqualTo(0.5);
            assertThat(haiku.quality().capableShare()).isGreaterThan(opus.quality().capableShare());
        }

        @Test
        void defaultCandidatesAreScoredAtLeastFiftyAndRankedBySavingsPerDevice() {
            PlanResult plan = trace("claude-opus-4-5").plan(PlanSettings.defaults()
                    .withDevices("mac-studio-m3-ultra-512gb", "rented-h100-runpod").withSamples(200));
            assertThat(plan.options()).isNotEmpty().allSatisfy(o -> {
                assertThat(o.quality().known()).isTrue();
                assertThat(o.quality().localScore()).isGreaterThanOrEqualTo(50);
            });
            for (String device : List.of("mac-studio-m3-ultra-512gb", "rented-h100-runpod")) {
                // Replacements and fallbacks (the work over the cheapest plan's limits) are kept apart.
                for (boolean fallback : new boolean[]{false, true}) {
                    List<OptionPlan> of = plan.options().stream()
                            .filter(o -> o.option().device().id().equals(device) && o.fallback() == fallback).toList();
                    assertThat(of).hasSizeLessThanOrEqualTo(Planning.DEFAULT_OPTIONS_PER_DEVICE);
                }
            }
            List<OptionPlan> feasible = plan.options().stream().filter(OptionPlan::feasible).toList();
            for (int i = 1; i < feasible.size(); i++)
                assertThat(feasible.get(i).monthlySavingsUsd().p50()).isLessThanOrEqualTo(feasible.get(i - 1).monthlySavingsUsd().p50());
        }
    }
}
