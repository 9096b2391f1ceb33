package costplan.plan;

import costplan.importers.UsageRecord;
import costplan.usage.Usage;
import costplan.usage.UsageQuery;
import costplan.workload.CloudSpeed;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The fallback option of seed 000: keep the subscription, and let a local machine serve only the work over its
 * limits. On {@link LimitsEstimateTest#fourWeeks()} against Max 5x, 75 Opus requests go over the weekly Opus hours;
 * each costs 10 input tokens at $5 and no output (the crafted requests), over 25 days (2026-01-05 to 2026-01-29).
 */
class FallbackOptionTest {
    private static final double MONTH = 30.4375;

    static PlanResult plan() {
        List<UsageRecord> records = LimitsEstimateTest.fourWeeks();
        Usage usage = Usage.of(records, UsageQuery.of().withZone(ZoneOffset.UTC));
        PlanSettings settings = PlanSettings.defaults().withDevices("mac-studio-m4-max-128gb").withModels("qwen3-coder-30b-a3b")
                .withBaseline("max-5x").withSamples(50).withCloudSpeed(new CloudSpeed(0, 1e9))
                .withAssumptions(Assumptions.DEFAULTS.withLocalCapableShare(Uncertain.fixed(1)).withGrowth(Uncertain.fixed(0)));
        return usage.plan(settings);
    }

    @Test
    void theFallbackReplaysOnlyTheWorkOverTheLimitsAndKeepsPayingTheSubscription() {
        PlanResult plan = plan();
        Baseline max = plan.baseline();
        double perRequest = 10 * 5.0 / 1e6;
        double extra = 75 * perRequest / 25 * MONTH;
        assertThat(max.weeksOverLimit()).isEqualTo(2);
        assertThat(max.extraUsageUsd()).isCloseTo(extra, within(1e-12));
        assertThat(max.monthlyUsd()).isCloseTo(100 + extra, within(1e-12));

        OptionPlan replacement = plan.options().stream().filter(o -> !o.fallback()).findFirst().orElseThrow();
        OptionPlan fallback = plan.options().stream().filter(OptionPlan::fallback).findFirst().orElseThrow();
        assertThat(replacement.replay().requests()).isEqualTo(LimitsEstimateTest.fourWeeks().size());
        assertThat(fallback.replay().requests()).isEqualTo(75);
        // The fallback's month: the $100 subscription, the machine less resale, electricity, nothing left in the cloud.
        Economics.Outcome e = fallback.expected();
        assertThat(e.firstMonthSubscriptionUsd()).isEqualTo(100);
        assertThat(e.firstMonthCloudUsd()).isZero();
        assertThat(e.nowMonthlyCostUsd()).isCloseTo(100 + e.depreciationPerMonthUsd() + e.firstMonthElectricityUsd(), within(1e-9));
        // It saves the extra usage less what the machine costs: against half a cent a month of extra usage, never.
        assertThat(plan.monthlySavingsNowUsd(fallback)).isEqualTo(
                (Math.round((100 + extra) * 100) - Math.round(e.nowMonthlyCostUsd() * 100)) / 100.0).isNegative();
        assertThat(e.paysBack()).isFalse();
        // The replacement drops the subscription: no subscription in its month.
        assertThat(replacement.expected().firstMonthSubscriptionUsd()).isZero();
    }

    @Test
    void noFallbackWhenTheWorkFitsTheLimits() {
        Usage usage = Usage.of(LimitsEstimateTest.fourWeeks(), UsageQuery.of().withZone(ZoneOffset.UTC));
        PlanResult plan = usage.plan(PlanSettings.defaults().withDevices("mac-studio-m4-max-128gb").withModels("qwen3-coder-30b-a3b")
                .withBaseline("claude-pro").withSamples(20).withCloudSpeed(new CloudSpeed(0, 1e9)));
        assertThat(plan.baseline().fitsLimits()).isTrue();
        assertThat(plan.options()).noneMatch(OptionPlan::fallback);
    }
}
