package costplan.ledger;

import costplan.importers.UsageRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How much of the prompts came from the prompt cache, how big the prompts were, and how many sessions ran at
 * the same time ({@link SessionActivity}).
 *
 * @param cacheHitRate cache reads / (input + cache writes + cache reads), over the whole ledger
 * @param dailyHitRates the same per day, in day order
 * @param cacheWrite5mTokens cache writes with a 5-minute lifetime
 * @param cacheWrite1hTokens cache writes with a 1-hour lifetime
 * @param mostlyCachedShare the share of requests whose prompt was more than half cache reads
 * @param promptP50 median prompt size (input + cache writes + cache reads) of a request, nearest rank
 * @param promptP90 90th percentile prompt size
 * @param promptP99 99th percentile prompt size
 * @param activity sessions, how many ran at once and for how long
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
        SessionActivity activity,
        long perRequestRecords) {

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
        for (UsageRecord r : ledger.records()) if (!r.aggregated()) records.add(r);
        long[] prompts = new long[records.size()];
        long mostlyCached = 0;
        for (int i = 0; i < prompts.length; i++) {
            UsageRecord r = records.get(i);
            prompts[i] = r.tokens().promptTokens();
            if (2 * r.tokens().cacheReadTokens() > prompts[i]) mostlyCached++;
        }
        Arrays.sort(prompts);
        SessionActivity activity = SessionActivity.of(records);
        // The ledger's totals last: they are memoized, and the caller may be computing them on another thread.
        UsageGroup total = ledger.total();
        List<DailyHitRate> daily = ledger.groupBy(Grouping.DAY).stream()
                .map(g -> new DailyHitRate(g.key(), g.cacheHitRate())).toList();
        return new CacheStats(total.cacheHitRate(), daily, total.cacheCreation5mTokens(), total.cacheCreation1hTokens(),
                prompts.length == 0 ? 0 : (double) mostlyCached / prompts.length,
                nearestRank(prompts, 50), nearestRank(prompts, 90), nearestRank(prompts, 99),
                activity, records.size());
    }

    /** Returns the nearest-rank percentile of sorted values: the smallest value with at least p % at or below it. */
    static long nearestRank(long[] sorted, int percent) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
