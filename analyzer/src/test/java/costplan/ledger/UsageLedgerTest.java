package costplan.ledger;

import costplan.importers.TokenCounts;
import costplan.importers.UsageRecord;
import costplan.importers.Usd;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class UsageLedgerTest {
    /** $1 per thousand output tokens; "unpriced" has no price. */
    private static final RequestPricer PRICER = r -> r.model().equals("unpriced") ? Optional.empty()
            : Optional.of(new Usd(BigDecimal.valueOf(r.tokens().outputTokens(), 3)));

    private static UsageRecord request(String time, String model, long output) {
        return UsageRecord.ofRequest("claude-code", Instant.parse(time), model, "/src/app", "s1", "req-" + time,
                "msg-" + time, new TokenCounts(10, output, 0, 100), 0, 0, 0, null, false, false, List.of(), null, null);
    }

    @Test
    void sortsRequestsGivenOutOfOrderAndKeepsEachCostWithItsRequest() {
        UsageLedger ledger = UsageLedger.of(List.of(request("2026-03-02T10:00:00Z", "sonnet", 2_000),
                request("2026-03-01T23:30:00Z", "opus", 5_000), request("2026-03-02T09:00:00Z", "unpriced", 7)), PRICER,
                ZoneOffset.UTC);
        assertThat(ledger.records()).extracting(UsageRecord::model).containsExactly("opus", "unpriced", "sonnet");
        assertThat(ledger.costOf(0)).contains(Usd.of("5.000"));
        assertThat(ledger.costOf(1)).isEmpty();
        assertThat(ledger.costOf(2)).contains(Usd.of("2.000"));
    }

    @Test
    void totalIsTheSumOfTheDaysInTheLedgersZone() {
        List<UsageRecord> records = List.of(request("2026-03-01T22:30:00Z", "opus", 5_000),
                request("2026-03-01T23:30:00Z", "sonnet", 1_000), request("2026-03-02T09:00:00Z", "sonnet", 2_000),
                request("2026-03-02T10:00:00Z", "unpriced", 7));
        UsageLedger paris = UsageLedger.of(records, PRICER, ZoneId.of("Europe/Paris"));
        // 22:30 UTC is 23:30 in Paris (March 1); 23:30 UTC is already March 2 there.
        List<UsageGroup> days = paris.groupBy(Grouping.DAY);
        assertThat(days).extracting(UsageGroup::key).containsExactly("2026-03-01", "2026-03-02");
        assertThat(days.get(0).computedCost()).isEqualTo(Usd.of("5.000"));
        assertThat(days.get(1).computedCost()).isEqualTo(Usd.of("3.000"));
        assertThat(days.get(1).unpricedRequests()).isEqualTo(1);

        UsageGroup total = paris.total();
        assertThat(total.requests()).isEqualTo(4);
        assertThat(total.computedCost()).isEqualTo(Usd.of("8.000"));
        assertThat(total.tokens()).isEqualTo(new TokenCounts(40, 8_007, 0, 400));
        assertThat(total.unpricedRequests()).isEqualTo(1);
        assertThat(total.unpricedTokens()).isEqualTo(117);
        assertThat(total.byModel()).extracting(UsageGroup::key).containsExactly("opus", "sonnet", "unpriced");
        assertThat(total.byModel().get(1).computedCost()).isEqualTo(Usd.of("3.000"));
        assertThat(total.byModel().get(1).requests()).isEqualTo(2);
    }
}
