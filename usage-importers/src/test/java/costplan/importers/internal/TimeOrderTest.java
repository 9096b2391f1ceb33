package costplan.importers.internal;

import costplan.importers.TokenCounts;
import costplan.importers.UsageRecord;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderTest {
    private static UsageRecord record(Instant at, String messageId, String requestId) {
        return UsageRecord.ofRequest("claude-code", at, "m", "/p", "s", requestId, messageId, TokenCounts.ZERO, 0, 0, 0,
                null, false, false, List.of(), null, null);
    }

    private static List<UsageRecord> shuffled(long seed, boolean subMillisecond) {
        Random random = new Random(seed);
        List<UsageRecord> records = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Instant at = Instant.parse("2026-03-02T09:00:00Z").plusMillis(random.nextInt(2_000))
                    .plusNanos(subMillisecond ? random.nextInt(1_000_000) : 0);
            records.add(record(at, random.nextInt(4) == 0 ? null : "msg_" + random.nextInt(50),
                    random.nextInt(4) == 0 ? null : "req_" + random.nextInt(50)));
        }
        return records;
    }

    @Test
    void sortsByTimeThenMessageThenRequestIdLikeTheFullComparator() {
        for (boolean subMillisecond : new boolean[] {false, true}) {
            List<UsageRecord> records = shuffled(7, subMillisecond);
            UsageRecord[] expected = records.toArray(UsageRecord[]::new);
            Arrays.sort(expected, TimeOrder.BY_TIME_AND_IDS);
            assertThat(TimeOrder.sorted(records)).containsExactly(expected);
        }
    }

    @Test
    void putsAMissingIdFirstWithinTheSameMillisecond() {
        Instant t = Instant.parse("2026-03-02T09:00:00.123Z");
        UsageRecord b = record(t, "msg_b", "req_1"), none = record(t, null, null), a = record(t, "msg_a", "req_2");
        UsageRecord earlier = record(t.minusMillis(1), "msg_z", "req_9");
        assertThat(TimeOrder.sorted(List.of(b, none, a, earlier))).containsExactly(earlier, none, a, b);
    }
}
