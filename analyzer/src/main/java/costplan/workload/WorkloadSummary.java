package costplan.workload;

import java.util.Arrays;

/**
 * What a person's trace looks like at a glance: how much work per working hour, how many sessions ran at once,
 * and how long the prompts were.
 *
 * @param activeHours hours during which at least one session was working (answers and the person's own time)
 * @param peakConcurrentStreams the most streams working at the same moment
 * @param promptP50 median prompt size in tokens (input, cache writes and cache reads)
 */
public record WorkloadSummary(int requests, long tokens, double activeHours, double requestsPerActiveHour,
                              double tokensPerActiveHour, int peakConcurrentStreams, long promptP50, long promptP90,
                              long promptP99) {

    public static WorkloadSummary of(Trace trace) {
        int n = trace.requests().size();
        long[] prompts = new long[n];
        long tokens = 0;
        double[][] events = new double[2 * n][];
        for (int i = 0; i < n; i++) {
            TraceRequest r = trace.requests().get(i);
            prompts[i] = r.promptTokens();
            tokens += r.promptTokens() + r.outputTokens();
            double think = r.gapAfterSeconds() <= Trace.AWAY.toSeconds() ? r.gapAfterSeconds() : 0;
            events[2 * i] = new double[]{r.cloudStartSeconds(), 1};
            events[2 * i + 1] = new double[]{r.cloudEndSeconds() + think, -1};
        }
        Arrays.sort(prompts);
        // Ends before starts at the same moment: a stream's next request starting as its previous one ends is one stream.
        Arrays.sort(events, (a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        int running = 0;
        int peak = 0;
        for (double[] e : events) {
            running += (int) e[1];
            peak = Math.max(peak, running);
        }
        double hours = trace.activeSeconds() / 3600;
        return new WorkloadSummary(n, tokens, hours, hours == 0 ? 0 : n / hours, hours == 0 ? 0 : tokens / hours, peak,
                rank(prompts, 0.50), rank(prompts, 0.90), rank(prompts, 0.99));
    }

    private static long rank(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
