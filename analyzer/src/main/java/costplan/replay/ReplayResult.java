package costplan.replay;

import java.util.BitSet;
import java.util.Map;

/**
 * What replaying a trace on one option showed.
 *
 * @param requests requests in the trace
 * @param localRequests requests the local machine answered
 * @param localTokens prompt and output tokens of those requests
 * @param totalTokens prompt and output tokens of all requests
 * @param fallbacks requests sent to the cloud, by reason
 * @param cloudRouted trace indices of the requests sent to the cloud (their cost stays in the option's bill)
 * @param busySeconds time during which at least one local request was running
 * @param spanSeconds the replayed time, first request to last answer
 * @param days calendar days the trace covers
 * @param slowdown working time with the local machine over working time in the cloud (answer times plus the
 *                 person's own time between requests, away periods left out); 1 = no slower
 * @param latencyP50Seconds median time from a local request being ready to its answer, queueing included
 * @param latencyP95Seconds 95th percentile of the same
 * @param prefilledTokens tokens the local machine prefilled (prompt tokens not reused from a kept KV cache)
 * @param reloadedTokens tokens whose KV cache was reloaded from disk
 * @param memoryHighWaterBytes weights, engine buffers and the largest total of KV caches held at once
 */
public record ReplayResult(int requests, int localRequests, long localTokens, long totalTokens,
                           Map<String, Integer> fallbacks, BitSet cloudRouted, double busySeconds, double spanSeconds,
                           double days, double slowdown, double latencyP50Seconds, double latencyP95Seconds,
                           long prefilledTokens, long reloadedTokens, long memoryHighWaterBytes) {

    public ReplayResult {
        fallbacks = Map.copyOf(fallbacks);
    }

    public double localShareOfRequests() {
        return requests == 0 ? 0 : (double) localRequests / requests;
    }

    public double localShareOfTokens() {
        return totalTokens == 0 ? 0 : (double) localTokens / totalTokens;
    }

    public double busyHoursPerDay() {
        return busySeconds / 3600 / days;
    }

    /** Share of the covered days' hours the machine was busy. */
    public double utilisation() {
        return busySeconds / (days * 86_400);
    }
}
