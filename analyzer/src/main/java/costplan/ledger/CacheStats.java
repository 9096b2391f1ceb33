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
        // Prompt sizes and sessions exist only for single requests, not for buckets of an aggregated export.
        List<UsageRecord> records = new ArrayList<>(ledger.records().size());
        List<UsageRecord> inSessions = new ArrayList<>(ledger.records().size());
        for (UsageRecord r : ledger.records()) {
            if (r.aggregated()) continue;
            records.add(r);
            if (!r.sessionId().equals(UsageRecord.NO_SESSION)) inSessions.add(r);
        }
        long[] prompts = new long[records.size()];
        long mostlyCached = 0;
        for (int i = 0; i < prompts.length; i++) {
            UsageRecord r = records.get(i);
            prompts[i] = r.tokens().promptTokens();
            if (2 * r.tokens().cacheReadTokens() > prompts[i]) mostlyCached++;
        }
        Arrays.sort(prompts);
        Concurrency c = concurrency(inSessions);
        // The ledger's totals last: they are memoized, and the caller may be computing them on another thread.
        UsageGroup total = ledger.total();
        List<DailyHitRate> daily = ledger.groupBy(Grouping.DAY).stream()
                .map(g -> new DailyHitRate(g.key(), g.cacheHitRate())).toList();
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

    /** Counts over the requests in time order (a ledger's order), one open activity span per session. */
    private static Concurrency concurrency(List<UsageRecord> records) {
        Map<String, Instant[]> openSpans = new HashMap<>();   // session -> {start, end}
        long[] events = new long[2 * records.size()];
        int eventCount = 0;
        for (UsageRecord r : records) {
            Instant at = r.timestamp();
            Instant[] span = openSpans.get(r.sessionId());
            if (span == null) {
                openSpans.put(r.sessionId(), new Instant[]{at, at});
            } else if (Duration.between(span[1], at).compareTo(SESSION_IDLE_GAP) > 0) {
                eventCount = addSpan(events, eventCount, span[0], span[1]);
                span[0] = at;
                span[1] = at;
            } else {
                span[1] = at;
            }
        }
        for (Instant[] span : openSpans.values()) eventCount = addSpan(events, eventCount, span[0], span[1]);
        Arrays.sort(events, 0, eventCount);
        int active = 0, peak = 0;
        long parallel = 0, anyActive = 0, last = 0;
        for (int i = 0; i < eventCount; i++) {
            long second = events[i] >> 1;
            long elapsed = second - last;
            if (active >= 1) anyActive += elapsed;
            if (active >= 2) parallel += elapsed;
            active += (events[i] & 1) == 1 ? 1 : -1;
            peak = Math.max(peak, active);
            last = second;
        }
        return new Concurrency(peak, parallel, anyActive);
    }

    /**
     * Adds a span's start and end as events: twice the epoch second, plus one for a start, so that sorting puts
     * an end before a start in the same second.
     */
    private static int addSpan(long[] events, int count, Instant start, Instant end) {
        Instant stop = end.equals(start) ? start.plus(LONE_REQUEST) : end;
        events[count] = 2 * start.getEpochSecond() + 1;
        events[count + 1] = 2 * stop.getEpochSecond();
        return count + 2;
    }
}
