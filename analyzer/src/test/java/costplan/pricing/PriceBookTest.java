package costplan.pricing;

import costplan.importers.TokenCounts;
import costplan.importers.Usd;
import costplan.importers.UsageRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PriceBookTest {
    private static final PriceBook PRICES = PriceBook.bundled("anthropic");

    private static UsageRecord request(String model, String time, long input, long output, long cache5m, long cache1h,
                                       long cacheRead, boolean fast, int webSearches) {
        return UsageRecord.ofRequest("claude-code", Instant.parse(time), model, "/p", "s", "r", "m",
                new TokenCounts(input, output, cache5m + cache1h, cacheRead), cache5m, cache1h, webSearches,
                "standard", fast, false, List.of(), "2.1.39", null);
    }

    private static BigDecimal cost(UsageRecord r) {
        return PRICES.costOf(r).orElseThrow().amount();
    }

    private static BigDecimal usd(double value) {
        return BigDecimal.valueOf(value);
    }

    @Test
    void pricesEachKindOfTokenAtItsOwnRate() {
        UsageRecord r = request("claude-sonnet-4-5-20250929", "2026-01-05T10:00:00Z", 1_000, 2_000, 3_000, 4_000, 5_000, false, 0);
        assertThat(cost(r)).isEqualByComparingTo(usd(
                (1_000 * 3.00 + 2_000 * 15.00 + 3_000 * 3.75 + 4_000 * 6.00 + 5_000 * 0.30) / 1_000_000));
    }

    @Test
    void resolvesAliasesExactlyAndNeverGuesses() {
        UsageRecord alias = request("claude-sonnet-4-5", "2026-01-05T10:00:00Z", 100_000, 0, 0, 0, 0, false, 0);
        assertThat(cost(alias)).isEqualByComparingTo(usd(100_000 * 3.00 / 1_000_000));
        UsageRecord unknown = request("claude-sonnet-4-5-2025", "2026-01-05T10:00:00Z", 1, 1, 0, 0, 0, false, 0);
        assertThat(PRICES.costOf(unknown)).isEmpty();
        assertThat(PRICES.closestIds("claude-sonnet-4-5-2025")).contains("claude-sonnet-4-5");
    }

    @Test
    void suggestsIdsThatStartWithOrContainWhatWasTypedBeforeIdsSpelledAlike() {
        assertThat(PRICES.closestIds("haiku")).hasSize(3).allMatch(id -> id.contains("haiku"));
        assertThat(PRICES.closestIds("claude-opus")).hasSize(3).allMatch(id -> id.startsWith("claude-opus"));
        assertThat(PriceBook.bundled().closestIds("Gemini-3.7")).first().isEqualTo("gemini-3.7-flash");
    }

    @Test
    void billsEveryTokenOfARequestAboveTwoHundredThousandAtTheLongContextRate() {
        UsageRecord over = request("claude-sonnet-4-5-20250929", "2026-01-05T10:00:00Z", 10, 1_000, 0, 1_000, 199_000, false, 0);
        assertThat(over.tokens().promptTokens()).isEqualTo(200_010);
        assertThat(cost(over)).isEqualByComparingTo(usd(
                (10 * 6.00 + 1_000 * 22.50 + 1_000 * 12.00 + 199_000 * 0.60) / 1_000_000));
        UsageRecord atLimit = request("claude-sonnet-4-5-20250929", "2026-01-05T10:00:00Z", 0, 1_000, 0, 1_000, 199_000, false, 0);
        assertThat(cost(atLimit)).isEqualByComparingTo(usd((1_000 * 15.00 + 1_000 * 6.00 + 199_000 * 0.30) / 1_000_000));
    }

    @Test
    void usesThePriceInForceOnTheRequestsDate() {
        UsageRecord before = request("claude-sonnet-4-20250514", "2025-08-11T23:00:00Z", 300_000, 0, 0, 0, 0, false, 0);
        UsageRecord after = request("claude-sonnet-4-20250514", "2025-08-12T01:00:00Z", 300_000, 0, 0, 0, 0, false, 0);
        assertThat(cost(before)).as("no long-context price before the 1M beta").isEqualByComparingTo(usd(300_000 * 3.00 / 1_000_000));
        assertThat(cost(after)).isEqualByComparingTo(usd(300_000 * 6.00 / 1_000_000));
        UsageRecord beforeRelease = request("claude-sonnet-4-5-20250929", "2025-09-01T00:00:00Z", 1, 1, 0, 0, 0, false, 0);
        assertThat(PRICES.costOf(beforeRelease)).as("no price before the model existed").isEmpty();
    }

    @Test
    void multipliesFastModeByTheModelsFactorOnThatDate() {
        UsageRecord launch = request("claude-opus-4-6", "2026-02-10T10:00:00Z", 1_000, 1_000, 0, 0, 0, true, 0);
        UsageRecord later = request("claude-opus-4-6", "2026-04-01T10:00:00Z", 1_000, 1_000, 0, 0, 0, true, 0);
        assertThat(cost(launch)).isEqualByComparingTo(usd((1_000 * 5.00 + 1_000 * 25.00) / 1_000_000 * 3));
        assertThat(cost(later)).isEqualByComparingTo(usd((1_000 * 5.00 + 1_000 * 25.00) / 1_000_000 * 6));
        UsageRecord noFastMode = request("claude-haiku-4-5-20251001", "2026-04-01T10:00:00Z", 1, 1, 0, 0, 0, true, 0);
        assertThat(PRICES.costOf(noFastMode)).as("fast mode on a model without a fast price").isEmpty();
    }

    @Test
    void addsWebSearchesPerRequest() {
        UsageRecord r = request("claude-haiku-4-5-20251001", "2026-01-05T10:00:00Z", 1_000, 0, 0, 0, 0, false, 3);
        assertThat(cost(r)).isEqualByComparingTo(usd(1_000 * 1.00 / 1_000_000 + 3 * 0.01));
    }

    @Test
    void formatsDollarsWithGroupedThousandsAndCents() {
        assertThat(Usd.of("1234.565").toString()).isEqualTo("$1,234.56");
        assertThat(Optional.of(Usd.of("-0.5")).get().toString()).isEqualTo("-$0.50");
    }

    @Test
    void everyBundledPriceFileLoadsAndOpenAiPricesApplyOnTheirDate() {
        for (String provider : PriceBook.PROVIDERS) assertThat(PriceBook.bundled(provider).modelIds()).isNotEmpty();
        PriceBook openai = PriceBook.bundled("openai");
        UsageRecord r = UsageRecord.ofRequest("codex", Instant.parse("2025-06-01T10:00:00Z"), "gpt-4o", "/p", "s", "r", "m",
                new TokenCounts(1_000, 2_000, 100, 10_000), 100, 0, 0, null, false, false, List.of(), null, null);
        // gpt-4o-2024-08-06: $2.50 input, $10 output, $1.25 cached input; no cache-write price: billed as input.
        assertThat(openai.costOf(r).orElseThrow().amount()).isEqualByComparingTo(usd(
                (1_000 * 2.50 + 2_000 * 10.00 + 100 * 2.50 + 10_000 * 1.25) / 1_000_000));
        assertThat(openai.history("gpt-4o")).isNotEmpty();
    }

    @Test
    void pricesGeminiFlashAtItsIntroductoryRateUntilTheEndOf2026AndDoubleAfter() {
        PriceBook google = PriceBook.bundled("google");
        for (String model : List.of("gemini-3.6-flash", "gemini-3.7-flash", "gemini-3.8-flash")) {
            UsageRecord lastIntroDay = UsageRecord.ofRequest("gemini", Instant.parse("2026-12-31T23:00:00Z"), model, "/p", "s",
                    null, null, new TokenCounts(1_000, 2_000, 0, 10_000), 0, 0, 0, null, false, false, List.of(), null, null);
            UsageRecord newYear = UsageRecord.ofRequest("gemini", Instant.parse("2027-01-01T01:00:00Z"), model, "/p", "s",
                    null, null, new TokenCounts(1_000, 2_000, 0, 10_000), 0, 0, 0, null, false, false, List.of(), null, null);
            // Google's page: $0.75 input, $3.75 output, $0.075 cache read through 2026-12-31; $1.50, $7.50, $0.15 from 2027.
            assertThat(google.costOf(lastIntroDay).orElseThrow().amount()).as(model).isEqualByComparingTo(usd(
                    (1_000 * 0.75 + 2_000 * 3.75 + 10_000 * 0.075) / 1_000_000));
            assertThat(google.costOf(newYear).orElseThrow().amount()).as(model).isEqualByComparingTo(usd(
                    (1_000 * 1.50 + 2_000 * 7.50 + 10_000 * 0.15) / 1_000_000));
        }
        assertThat(google.priceOn("gemini-3.7-flash", LocalDate.of(2026, 8, 12))).as("before GA").isEmpty();
        assertThat(google.priceOn("gemini-3.8-flash", LocalDate.of(2026, 9, 2))).isPresent();
    }

    @Test
    void billsFiveMinuteWritesAsInputWhenTheModelHasNoWritePrice() {
        PriceBook all = PriceBook.bundled();
        UsageRecord r = UsageRecord.ofRequest("codex", Instant.parse("2026-01-05T10:00:00Z"), "gpt-5", "/p", "s", null, null,
                new TokenCounts(1_000, 2_000, 500, 8_000), 500, 0, 0, null, false, false, List.of(), null, null);
        assertThat(all.costOf(r).orElseThrow().amount()).isEqualByComparingTo(usd(
                (1_000 * 1.25 + 2_000 * 10.00 + 500 * 1.25 + 8_000 * 0.125) / 1_000_000));
    }

    @Test
    void leavesOneHourWritesUnpricedOnAModelWithoutSuchWrites() {
        PriceBook all = PriceBook.bundled();
        UsageRecord r = UsageRecord.ofRequest("codex", Instant.parse("2026-01-05T10:00:00Z"), "gpt-5", "/p", "s", null, null,
                new TokenCounts(1_000, 2_000, 500, 0), 0, 500, 0, null, false, false, List.of(), null, null);
        assertThat(all.costOf(r)).isEmpty();
    }

    @Test
    void pricesARoutersSlugAsTheProvidersOwnModel() {
        PriceBook all = PriceBook.bundled();
        Instant day = Instant.parse("2026-10-06T10:00:00Z");
        LocalDate date = LocalDate.of(2026, 10, 6);
        assertThat(all.priceOn("anthropic/claude-sonnet-4.5", date)).isEqualTo(all.priceOn("claude-sonnet-4-5", date));
        assertThat(all.priceOn("openai/gpt-5-mini", date)).isEqualTo(all.priceOn("gpt-5-mini", date)).isPresent();
        UsageRecord r = UsageRecord.ofRequest("openrouter-generations-csv", day, "anthropic/claude-sonnet-4.5", "/p",
                UsageRecord.NO_SESSION, "gen-1", null, new TokenCounts(1_000, 2_000, 0, 10_000), 0, 0, 0, null, false, false,
                List.of(), null, null);
        assertThat(all.costOf(r).orElseThrow().amount()).isEqualByComparingTo(usd(
                (1_000 * 3.00 + 2_000 * 15.00 + 10_000 * 0.30) / 1_000_000));
        assertThat(all.priceOn("anthropic/claude-4.5-sonnet-20250929", date))
                .isEqualTo(all.priceOn("claude-sonnet-4-5-20250929", date)).isPresent();
        assertThat(all.priceOn("nobody/claude-sonnet-4.5-extra", date)).isEmpty();
    }

    @Test
    void pricesAggregatedRowsAtBasePricesAndCostRowsWithoutTokensAtZero() {
        UsageRecord day = UsageRecord.ofBucket("anthropic-usage-report", Instant.parse("2026-01-05T00:00:00Z"),
                java.time.Duration.ofDays(1), "claude-sonnet-4-5-20250929", "(default workspace)",
                new TokenCounts(1_000_000, 10_000, 0, 2_000_000), 0, 0, 0, null, null, null);
        assertThat(cost(day)).as("no long-context premium for a day's sum").isEqualByComparingTo(usd(
                (1_000_000 * 3.00 + 10_000 * 15.00 + 2_000_000 * 0.30) / 1_000_000));
        UsageRecord costRow = UsageRecord.ofBucket("anthropic-cost-report", Instant.parse("2026-01-05T00:00:00Z"),
                java.time.Duration.ofDays(1), "(web_search)", "(default workspace)", TokenCounts.ZERO, 0, 0, 0, null, null,
                Usd.of("0.07"));
        assertThat(cost(costRow)).isEqualByComparingTo(BigDecimal.ZERO);
    }
}
