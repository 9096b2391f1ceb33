package costplan.plan;

import costplan.importers.TokenCounts;
import costplan.importers.UsageRecord;
import costplan.pricing.SubscriptionPlans;
import costplan.pricing.UsageLimits;
import costplan.workload.CloudSpeed;
import costplan.workload.Trace;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscription limits estimate on crafted traces. The cloud answers at once (no output tokens, no first-token
 * wait), so each request keeps its thread busy exactly the 10 minutes until the thread's next one (1/6 hour), and the
 * last request of a day counts nothing (the next one is the next day, past the 15-minute away gap). Each request
 * costs $1 at API prices.
 */
class LimitsEstimateTest {
    private static final CloudSpeed INSTANT = new CloudSpeed(0, 1e9);
    private static final SubscriptionPlans PLANS = SubscriptionPlans.bundled();

    /** One session working from {@code from} every 10 minutes for {@code hours}: 6 x hours + 1 requests. */
    static void workday(List<UsageRecord> records, String session, String from, int hours, String model) {
        Instant start = Instant.parse(from);
        for (int k = 0; k <= 6 * hours; k++) {
            Instant at = start.plus(Duration.ofMinutes(10L * k));
            records.add(UsageRecord.ofRequest("claude-code", at, model, "/p", session, session + "-r" + k, session + "-m" + k,
                    new TokenCounts(10, 0, 0, 0), 0, 0, 0, null, false, false, List.of(), null, null));
        }
    }

    static LimitsEstimate.Fit fit(List<UsageRecord> records, String planId) {
        Trace trace = Trace.of(records, INSTANT);
        double[] costs = new double[trace.requests().size()];
        Arrays.fill(costs, 1.0);
        UsageLimits limits = PLANS.plans().stream().filter(p -> p.id().equals(planId)).findFirst().orElseThrow().usageLimits();
        return LimitsEstimate.of(limits, trace, costs, ZoneOffset.UTC);
    }

    /**
     * Four weeks from Monday 2026-01-05, 6-hour days: Opus on 3 days, Opus on 2 days, Sonnet on 5 days, Opus on 4
     * days.
     */
    static List<UsageRecord> fourWeeks() {
        List<UsageRecord> records = new ArrayList<>();
        LocalDate monday = LocalDate.of(2026, 1, 5);
        int[][] days = {{0, 1, 2}, {7, 8}, {14, 15, 16, 17, 18}, {21, 22, 23, 24}};
        String[] models = {"claude-opus-4-5", "claude-opus-4-5", "claude-sonnet-4-5", "claude-opus-4-5"};
        for (int week = 0; week < days.length; week++)
            for (int day : days[week])
                workday(records, "s" + day, monday.plusDays(day) + "T09:00:00Z", 6, models[week]);
        return records;
    }

    @Test
    void maxFiveXGoesOverItsWeeklyOpusHoursInTwoOfFourWeeks() {
        LimitsEstimate.Fit fit = fit(fourWeeks(), "max-5x");
        // Max 5x: 15 hours of Opus a week (the low end of 15-35). Week 1: 6 + 6 h, then 3 h of the third day fit
        // (18 requests); the other 19 requests of that day are over. Week 2: 12 h, fits. Week 3: 30 h of Sonnet, under
        // 140 h. Week 4: 6 + 6 + 3 h fit, 19 requests of the third day and all 37 of the fourth are over.
        assertThat(fit.weeks()).isEqualTo(4);
        assertThat(fit.weeksOverLimit()).isEqualTo(2);
        assertThat(fit.extraUsageUsd()).isEqualTo(19 + 19 + 37);
        assertThat(fit.overLimit().cardinality()).isEqualTo(19 + 19 + 37);
        assertThat(fit.notCoveredUsd()).isZero();
    }

    @Test
    void proWithoutAnOpusFigureCountsOpusAgainstItsFortyHours() {
        // Pro: 40 hours a week of any model; the busiest week is 30 hours. Its 5-hour windows (5 hours of one
        // session) hold a 6-hour day: 09:00-14:00 is 5 h, the 14:00 request opens the next window.
        LimitsEstimate.Fit fit = fit(fourWeeks(), "claude-pro");
        assertThat(fit.weeksOverLimit()).isZero();
        assertThat(fit.extraUsageUsd()).isZero();
    }

    @Test
    void twoParallelSessionsFillProsFiveHourWindowAfterTwoAndAHalfHours() {
        List<UsageRecord> records = new ArrayList<>();
        workday(records, "a", "2026-03-02T09:00:00Z", 3, "claude-sonnet-4-5");
        workday(records, "b", "2026-03-02T09:00:00Z", 3, "claude-sonnet-4-5");
        LimitsEstimate.Fit fit = fit(records, "claude-pro");
        // 38 requests, two at a time; the 30 from 09:00 to 11:20 fill the window's 5 hours, the other 8 (11:30, 11:40,
        // 11:50 and the final 12:00 request of each session) are over until the window resets at 14:00.
        assertThat(fit.weeksOverLimit()).isEqualTo(1);
        assertThat(fit.extraUsageUsd()).isEqualTo(38 - 30);
    }

    @Test
    void fromMaySixthTheFiveHourWindowHoldsTwiceAsMuch() {
        List<UsageRecord> records = new ArrayList<>();
        workday(records, "a", "2026-06-01T09:00:00Z", 3, "claude-sonnet-4-5");
        workday(records, "b", "2026-06-01T09:00:00Z", 3, "claude-sonnet-4-5");
        assertThat(fit(records, "claude-pro").weeksOverLimit()).isZero();
    }

    @Test
    void otherProvidersModelsAreNotCoveredAndStayAtApiPrices() {
        List<UsageRecord> records = new ArrayList<>();
        workday(records, "a", "2026-03-02T09:00:00Z", 1, "gpt-5");
        LimitsEstimate.Fit fit = fit(records, "max-20x");
        assertThat(fit.notCoveredUsd()).isEqualTo(7);
        assertThat(fit.extraUsageUsd()).isZero();
    }

    @Test
    void proAllowsFortyFivePromptsAWindowAndToolCallsAreNotPrompts() {
        // One Sonnet session from 09:00, a request every 10 minutes for 10 hours (61 requests); each answer but every
        // fourth calls a tool, so the person prompts at requests 0, 4, 8, ...: 16 prompts, well under Pro's 45.
        List<UsageRecord> records = new ArrayList<>();
        Instant start = Instant.parse("2026-01-05T09:00:00Z");
        for (int k = 0; k <= 60; k++)
            records.add(UsageRecord.ofRequest("claude-code", start.plus(Duration.ofMinutes(10L * k)), "claude-sonnet-4-5", "/p",
                    "s", "r" + k, "m" + k, new TokenCounts(10, 0, 0, 0), 0, 0, 0, null, false, false,
                    k % 4 == 3 ? List.of() : List.of("Bash"), null, null));
        assertThat(fit(records, "claude-pro").overLimit().cardinality()).isZero();
        List<UsageRecord> busy = new ArrayList<>();
        for (int k = 0; k < 100; k++)
            busy.add(UsageRecord.ofRequest("claude-code", start.plus(Duration.ofMinutes(2L * k)), "claude-sonnet-4-5", "/p",
                    "s", "b" + k, "n" + k, new TokenCounts(10, 0, 0, 0), 0, 0, 0, null, false, false,
                    k == 0 ? List.of("Bash") : List.of(), null, null));
        // 100 requests in 200 minutes, one window: request 0 calls a tool, so request 1 is not a prompt; prompts are
        // requests 0 and 2..99 (99 prompts); Pro's 45th prompt is request 45, and requests 46..99 (54) are over.
        assertThat(fit(busy, "claude-pro").overLimit().cardinality()).isEqualTo(54);
        // Max 5x allows 225 prompts a window: none over.
        assertThat(fit(busy, "max-5x").overLimit().cardinality()).isZero();
    }
}
