package costplan.workload;

import costplan.importers.CostplanException;
import costplan.importers.TokenCounts;
import costplan.importers.UsageRecord;
import costplan.importers.Usd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArrivalModelTest {
    private static final CloudSpeed CLOUD = CloudSpeed.TYPICAL;

    private static UsageRecord day(String date, long requests, TokenCounts tokens, long write1h) {
        return UsageRecord.ofBucket("openai-usage", Instant.parse(date + "T00:00:00Z"), Duration.ofDays(1), "gpt-5",
                "proj", tokens, tokens.cacheCreationTokens() - write1h, write1h, 3, null, requests, null);
    }

    private static Optional<Usd> tenDollars(UsageRecord r) {
        return Optional.of(new Usd(new BigDecimal("10")));
    }

    @Test
    void sharesOutEachRowsTokensAndCostExactlyOverItsReportedRequests() {
        UsageRecord monday = day("2026-03-02", 7, new TokenCounts(1_000, 503, 100, 20_000), 40);
        UsageRecord tuesday = day("2026-03-03", 2, new TokenCounts(11, 3, 0, 5), 0);
        ArrivalModel.Expansion e = ArrivalModel.DEFAULTS.expand(List.of(monday, tuesday), ArrivalModelTest::tenDollars,
                ZoneOffset.UTC, CLOUD);
        assertThat(e.records()).hasSize(9);
        assertThat(e.reportedRequests()).isEqualTo(9);
        assertThat(e.estimatedRequests()).isZero();
        List<UsageRecord> mondays = e.records().subList(0, 7);
        TokenCounts sum = mondays.stream().map(UsageRecord::tokens).reduce(TokenCounts.ZERO, TokenCounts::plus);
        assertThat(sum).isEqualTo(monday.tokens());
        assertThat(mondays.stream().mapToLong(UsageRecord::cacheCreation1hTokens).sum()).isEqualTo(40);
        assertThat(mondays.stream().mapToLong(UsageRecord::cacheCreation5mTokens).sum()).isEqualTo(60);
        assertThat(mondays.stream().mapToInt(UsageRecord::webSearchRequests).sum()).isEqualTo(3);
        // 503 output tokens over 7 requests: 71 each and 6 left over, so six of 72 and one of 71.
        assertThat(mondays).extracting(r -> r.tokens().outputTokens()).containsExactlyInAnyOrder(72L, 72L, 72L, 72L, 72L, 72L, 71L);
        BigDecimal cost = e.costs().values().stream().map(Usd::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(cost).isCloseTo(new BigDecimal("20"), org.assertj.core.data.Offset.offset(new BigDecimal("1e-9")));
        for (UsageRecord r : e.records()) {
            Instant start = r.timestamp().minusNanos(Math.round(CLOUD.responseSeconds(r.tokens().outputTokens()) * 1e9));
            String date = r.timestamp().toString().substring(0, 10);
            assertThat(start).isBetween(Instant.parse(date + "T09:00:00Z"), Instant.parse(date + "T17:00:00Z"));
            assertThat(r.aggregated()).isFalse();
            assertThat(r.model()).isEqualTo("gpt-5");
        }
    }

    @Test
    @Timeout(10)
    void refusesBeforeStartingAnExpansionTooLargeToHoldAndNamesTheSmallestRequestSizeThatFits() {
        UsageRecord row = UsageRecord.ofBucket("anthropic-usage-report", Instant.parse("2026-03-02T00:00:00Z"),
                Duration.ofDays(1), "claude-sonnet-4-5", "ws", new TokenCounts(3_000_000, 0, 0, 0), 0, 0, 0, null, null, null);
        // 3,000,000 tokens: 1 a request makes 3,000,000 requests, 2 make 1,500,000, 3 make 1,000,000 = MAX_REQUESTS.
        assertThatThrownBy(() -> new ArrivalModel(9, 8, 1, 60, 1).expand(List.of(row), r -> Optional.empty(),
                ZoneOffset.UTC, CLOUD)).isInstanceOf(CostplanException.class).hasMessage("the exports would stand"
                + " for 3,000,000 requests at 1 tokens per request (--request-tokens); at most 1,000,000 can be replayed:"
                + " give --request-tokens 3 or more");
    }

    @Test
    void estimatesTheRequestsOfARowThatReportsNoneFromItsTokens() {
        UsageRecord row = UsageRecord.ofBucket("anthropic-usage-report", Instant.parse("2026-03-02T00:00:00Z"),
                Duration.ofDays(1), "claude-sonnet-4-5", "ws", new TokenCounts(100_000, 20_000, 0, 1_130_000), 0, 0, 0, null,
                null, null);
        ArrivalModel.Expansion e = ArrivalModel.DEFAULTS.expand(List.of(row), r -> Optional.empty(), ZoneOffset.UTC, CLOUD);
        // 1,250,000 tokens at 50,000 a request: 25 requests, all in one session (60 an hour over 8 hours allows 480).
        assertThat(e.records()).hasSize(25);
        assertThat(e.estimatedRequests()).isEqualTo(25);
        assertThat(e.records()).extracting(UsageRecord::sessionId).containsOnly("arrival-0-0");
        assertThat(e.costs()).isEmpty();
    }

    @Test
    void placesDailyRowsInTheWorkingHoursOfTheZoneAndShorterRowsWithinThemselves() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        UsageRecord daily = day("2026-03-02", 150, new TokenCounts(1_500, 150, 0, 0), 0);
        UsageRecord hour = UsageRecord.ofBucket("openai-usage", Instant.parse("2026-03-03T22:00:00Z"), Duration.ofHours(1),
                "gpt-5", "proj", new TokenCounts(40, 4, 0, 0), 0, 0, 0, null, 4L, null);
        ArrivalModel model = new ArrivalModel(8, 2, 50_000, 60, 5);
        ArrivalModel.Expansion e = model.expand(List.of(daily, hour), ArrivalModelTest::tenDollars, paris, CloudSpeed.TYPICAL);
        for (UsageRecord r : e.records().subList(0, 150))
            assertThat(r.timestamp()).isBetween(Instant.parse("2026-03-02T07:00:00Z"), Instant.parse("2026-03-02T09:01:00Z"));
        for (UsageRecord r : e.records().subList(150, 154))
            assertThat(r.timestamp()).isBetween(Instant.parse("2026-03-03T22:00:00Z"), Instant.parse("2026-03-03T23:01:00Z"));
        // 150 requests in 2 hours at 60 an hour per session: one session holds 120, so two.
        assertThat(e.records().subList(0, 150)).extracting(UsageRecord::sessionId).containsOnly("arrival-0-0", "arrival-0-1");
    }

    @Test
    void theSameSeedGivesTheSameRequestsAndAnotherSeedOthers() {
        List<UsageRecord> rows = List.of(day("2026-03-02", 20, new TokenCounts(2_000, 200, 0, 0), 0));
        var a = ArrivalModel.DEFAULTS.expand(rows, ArrivalModelTest::tenDollars, ZoneOffset.UTC, CLOUD).records();
        var b = ArrivalModel.DEFAULTS.expand(rows, ArrivalModelTest::tenDollars, ZoneOffset.UTC, CLOUD).records();
        var c = ArrivalModel.DEFAULTS.withSeed(2).expand(rows, ArrivalModelTest::tenDollars, ZoneOffset.UTC, CLOUD).records();
        assertThat(a).isEqualTo(b);
        assertThat(a).extracting(UsageRecord::timestamp).isNotEqualTo(c.stream().map(UsageRecord::timestamp).toList());
    }

    @Test
    void refusesImpossibleAssumptions() {
        assertThatThrownBy(() -> new ArrivalModel(20, 8, 50_000, 60, 1)).hasMessageContaining("end by midnight");
        assertThatThrownBy(() -> new ArrivalModel(9, 8, 0, 60, 1)).hasMessageContaining("tokens per request must be >= 1");
        assertThatThrownBy(() -> new ArrivalModel(9, 8, 50_000, 0, 1)).hasMessageContaining("requests per session-hour");
    }
}
