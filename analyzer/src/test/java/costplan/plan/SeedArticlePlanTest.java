package costplan.plan;

import costplan.catalog.Catalog;
import costplan.catalog.KvCacheType;
import costplan.importers.UsageRecord;
import costplan.pricing.PriceBook;
import costplan.replay.CachePolicy;
import costplan.replay.LocalOption;
import costplan.speed.SpeedModels;
import costplan.workload.CloudSpeed;
import costplan.workload.SyntheticWorkload;
import costplan.workload.Trace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Seed 001, "From $500/Day to $0": a heavy Claude Code user (about $500 a day at API prices, 97.2 % cache reads,
 * several parallel terminal sessions) asks whether a 256 GB Mac Studio M3 Ultra running Qwen3-Coder-Next "pays for
 * itself in 2-4 weeks and cuts ongoing costs by 85-90 %". The trace here: five working days of six parallel Opus 4.5
 * sessions, each booting 40K tokens of context and adding 2K per turn until compacted at 160K.
 */
class SeedArticlePlanTest {
    static Trace trace;
    static double[] costs;
    static final Catalog CATALOG = Catalog.bundled();

    @BeforeAll
    static void articleLikeTrace() {
        List<UsageRecord> records = new SyntheticWorkload(5, LocalDate.of(2026, 3, 2), 8, 10, 6, 40_000, 2_000, 500, 160_000,
                20, "claude-opus-4-5", 1).records(CloudSpeed.TYPICAL);
        trace = Trace.of(records, CloudSpeed.TYPICAL);
        PriceBook prices = PriceBook.bundled("anthropic");
        costs = new double[records.size()];
        for (var r : trace.requests()) costs[r.index()] = prices.costOf(records.get(r.recordIndex())).orElseThrow().toDouble();
    }

    @Test
    void theTraceLooksLikeTheArticles() {
        long read = trace.requests().stream().mapToLong(r -> r.cacheReadTokens()).sum();
        long prompt = trace.requests().stream().mapToLong(r -> r.promptTokens()).sum();
        assertThat((double) read / prompt).isCloseTo(0.972, within(0.002));
        double perDay = java.util.Arrays.stream(costs).sum() / trace.days();
        assertThat(perDay).isBetween(450.0, 600.0);
    }

    static OptionPlan plan(CachePolicy policy, double localCapable) {
        return plan(policy, localCapable, Assumptions.DEFAULTS.maxSlowdown());
    }

    static OptionPlan plan(CachePolicy policy, double localCapable, double maxSlowdown) {
        OptionChooser chooser = new OptionChooser(CATALOG, policy, KvCacheType.F16, List.of(), 6, 100_000);
        LocalOption option = chooser.option(CATALOG.device("mac-studio-m3-ultra-256gb"), CATALOG.model("qwen3-coder-next"),
                "q4_k_m", CATALOG.engine("llama-cpp")).orElseThrow();
        Assumptions assumptions = Assumptions.DEFAULTS.withMaxSlowdown(maxSlowdown)
                .withLocalCapableShare(new Uncertain(localCapable - 0.05, localCapable, localCapable + 0.05));
        var calendar = costplan.workload.WorkCalendar.of(trace, java.time.ZoneOffset.UTC, trace.activeSeconds() / 3600,
                Uptime.DEFAULTS.rentalIdleGap());
        Planner planner = new Planner(trace, calendar, costs, Baseline.api(calendar.perMonth(java.util.Arrays.stream(costs).sum()),
                calendar.weeks()), true, assumptions, SpeedModels.standard(), 2000, 1,
                new QualityRule(CATALOG.quality(), CATALOG::knowsModel, null), Uptime.DEFAULTS);
        return planner.plan(option);
    }

    @Test
    void withoutReusingTheKvCacheTheMacCannotKeepUp() {
        // Every turn re-prefills a ~100K-token prompt: the article's "$5 session costs $40-50 of compute locally".
        OptionPlan none = plan(CachePolicy.NONE, 0.875);
        assertThat(none.feasible()).isFalse();
        assertThat(none.replay().slowdown()).isGreaterThan(10);
        assertThat(none.paybackMonths().p50()).isInfinite();
    }

    @Test
    void keepingEachSessionsCacheInMemoryItStillCannotKeepUpWithSixHeavySessions() {
        // With in-session reuse each turn prefills only its ~2K new tokens, but at ~100K tokens of depth: attention
        // then costs several times the weights' FLOPs, and six sessions share one GPU. The working day stretches
        // to about twice its length, beyond the 1.5x a person would accept.
        OptionPlan session = plan(CachePolicy.SESSION, 0.875);
        assertThat(session.replay().slowdown()).isBetween(1.5, 2.5);
        assertThat(session.feasible()).isFalse();
        assertThat(session.infeasibleReason()).startsWith("cannot keep up: a working day takes");
        // 256 GB holds the six sessions' KV caches with no eviction, so persisting to disk adds nothing.
        OptionPlan persisted = plan(CachePolicy.PERSISTED, 0.875);
        assertThat(persisted.replay().reloadedTokens()).isZero();
        assertThat(persisted.replay().prefilledTokens()).isEqualTo(session.replay().prefilledTokens());
    }

    @Test
    void itPaysForItselfInTheClaimedWeeksOnlyForSomeoneWhoAcceptsASlowerDay() {
        // "Pays for itself in 2-4 weeks": at about $16,000 a month of API use the $5,599 machine would pay back in
        // under four weeks at the median, if a working day up to 2.5x as long is acceptable; but where the engine
        // runs at the low end of its measured efficiency, even that limit is broken and it never pays back.
        OptionPlan tolerant = plan(CachePolicy.SESSION, 0.875, 2.5);
        assertThat(tolerant.feasible()).isTrue();
        assertThat(tolerant.paybackMonths().p50() * 52 / 12).isLessThan(4);
        assertThat(tolerant.paybackMonths().p10()).isLessThanOrEqualTo(tolerant.paybackMonths().p50());
        assertThat(tolerant.paybackWithinLifeProbability()).isBetween(0.5, 0.99);
    }
}
