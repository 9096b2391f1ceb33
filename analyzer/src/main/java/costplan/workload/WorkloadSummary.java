package costplan.workload;

import costplan.ledger.SessionActivity;

import java.util.Arrays;

/**
 * What a person's trace looks like at a glance: how much work per active hour and how long the prompts were.
 *
 * @param activeHours hours during which at least one session was active ({@link SessionActivity#activeHours()})
 * @param promptP50 median prompt size in tokens (input, cache writes and cache reads)
 */
public record WorkloadSummary(int requests, long tokens, double activeHours, double requestsPerActiveHour,
                              double tokensPerActiveHour, long promptP50, long promptP90, long promptP99) {

    /** Summarises {@code trace}, whose sessions were active as {@code activity} says. */
    public static WorkloadSummary of(Trace trace, SessionActivity activity) {
        int n = trace.requests().size();
        long[] prompts = new long[n];
        long tokens = 0;
        for (int i = 0; i < n; i++) {
            TraceRequest r = trace.requests().get(i);
            prompts[i] = r.promptTokens();
            tokens += r.promptTokens() + r.outputTokens();
        }
        Arrays.sort(prompts);
        double hours = activity.activeHours();
        return new WorkloadSummary(n, tokens, hours, hours == 0 ? 0 : n / hours, hours == 0 ? 0 : tokens / hours,
                rank(prompts, 0.50), rank(prompts, 0.90), rank(prompts, 0.99));
    }

    private static long rank(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
