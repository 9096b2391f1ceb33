package costplan.ledger;

import costplan.importers.UsageRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much of the prompts came from the prompt cache, how big the prompts were, and how many sessions ran at
 * the same time.
 *
 * @param cacheHitRate cache reads / (input + cache writes + cache reads), over the whole ledger
 * @param dailyHitRates the same per day, in day order
 * @param cacheWrite5mTokens cache writes with a 5-minute lifetime
 * @param cacheWrite1hTokens cache writes with a 1-hour lifetime
 * @param mostlyCachedShare the share of requests whose prompt was more than half cache reads
 * @param promptP50 median prompt size (input + cache writes + cache reads) of a request, nearest rank
 * @param promptP90 90th percentile prompt size
 * @param promptP99 99th percentile prompt size
 * @param peakConcurrentSessions the most sessions active at one moment
 * @param hoursWithParallelSessions hours during which two or more sessions were active
 * @param activeHours hours during which at least one session was active
 * @param perRequestRecords the records the prompt sizes and sessions come from: those of single requests; rows of
 *        aggregated exports have neither, so for them these statistics are unavailable
 */
public record CacheStats(
        double cacheHitRate,
        List<DailyHitRate> dailyHitRates,
        long cacheWrite5mTokens,
        long cacheWrite1hTokens,
        double mostlyCachedShare,
        long promptP50,
        long promptP90,
        long promptP99,
        int peakConcurrentSessions,
        double hoursWithParallelSessions,
        double activeHours,
        long perRequestRecords) {

    /**
     * A session counts as active from one request to its next when they are at most this far apart; a lone
     * request counts as one minute of activity.
     */
    public static final Duration SESSION_IDLE_GAP = Duration.ofMinutes(15);
    private static final Duration LONE_REQUEST = Duration.ofMinutes(1);

    /** One day's cache-hit rate. */
    public record DailyHitRate(String date, double cacheHitRate) {
    }

    public CacheStats {
        dailyHitRates = List.copyOf(dailyHitRates);
    }

    /** Computes the statistics of {@code ledger}. */
    public static CacheStats of(UsageLedger ledger) {
        List<UsageRecord> records = ledger.records().stream().filter(r -> !r.aggregated()).toList();
        UsageGroup total = ledger.total();
        List<DailyHitRate> daily = ledger.groupBy(Grouping.DAY).stream()
                .map(g -> new DailyHitRate(g.key(), g.cacheHitRate())).toList();
        long[] prompts = new long[records.size()];
        long mostlyCached = 0;
        for (int i = 0; i < prompts.length; i++) {
            UsageRecord r = records.get(i);
            prompts[i] = r.tokens().promptTokens();
            if (2 * r.tokens().cacheReadTokens() > prompts[i]) mostlyCached++;
        }
        Arrays.sort(prompts);
        Concurrency c = concurrency(records.stream().filter(r -> !r.sessionId().equals(UsageRecord.NO_SESSION)).toList());
        return new CacheStats(total.cacheHitRate(), daily, total.cacheCreation5mTokens(), total.cacheCreation1hTokens(),
                prompts.length == 0 ? 0 : (double) mostlyCached / prompts.length,
                nearestRank(prompts, 50), nearestRank(prompts, 90), nearestRank(prompts, 99),
                c.peak, c.parallelSeconds / 3600.0, c.activeSeconds / 3600.0, records.size());
    }

    /** Returns the nearest-rank percentile of sorted values: the smallest value with at least p % at or below it. */
    static long nearestRank(long[] sorted, int percent) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private record Concurrency(int peak, long parallelSeconds, long activeSeconds) {
    }

    private static Concurrency concurrency(List<UsageRecord> records) {
        Map<String, List<Instant>> bySession = new HashMap<>();
        for (UsageRecord r : records) bySession.computeIfAbsent(r.sessionId(), s -> new ArrayList<>()).add(r.timestamp());
        List<long[]> events = new ArrayList<>();   // {epochSecond, +1 start / -1 end}
        for (List<Instant> times : bySession.values()) {
            times.sort(null);
            Instant spanStart = times.get(0);
            Instant spanEnd = spanStart;
            for (Instant t : times.subList(1, times.size())) {
                if (Duration.between(spanEnd, t).compareTo(SESSION_IDLE_GAP) > 0) {
                    addSpan(events, spanStart, spanEnd);
                    spanStart = t;
                }
                spanEnd = t;
            }
            addSpan(events, spanStart, spanEnd);
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int active = 0, peak = 0;
        long parallel = 0, anyActive = 0, last = 0;
        for (long[] e : events) {
            long elapsed = e[0] - last;
            if (active >= 1) anyActive += elapsed;
            if (active >= 2) parallel += elapsed;
            active += (int) e[1];
            peak = Math.max(peak, active);
            last = e[0];
        }
        return new Concurrency(peak, parallel, anyActive);
    }

    private static void addSpan(List<long[]> events, Instant start, Instant end) {
        Instant stop = end.equals(start) ? start.plus(LONE_REQUEST) : end;
        events.add(new long[]{start.getEpochSecond(), 1});
        events.add(new long[]{stop.getEpochSecond(), -1});
    }
}
