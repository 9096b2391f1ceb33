package costplan.workload;

/**
 * The assumed speed of the cloud API, used to recover the person's (or tool's) own time between requests from
 * the log timestamps, which mark when each answer was written. An estimate, stated in every output that uses it.
 *
 * @param firstTokenSeconds seconds from sending a request to the first output token
 * @param outputTokensPerSecond output tokens per second once streaming
 */
public record CloudSpeed(double firstTokenSeconds, double outputTokensPerSecond) {

    /**
     * Typical Claude API figures for Sonnet-class models: about 1.5 s to the first token and 50 output tokens per
     * second (an estimate from public API latency trackers; varies by model, load and prompt size).
     */
    public static final CloudSpeed TYPICAL = new CloudSpeed(1.5, 50);

    public CloudSpeed {
        if (!(firstTokenSeconds >= 0) || !(outputTokensPerSecond > 0))
            throw new IllegalArgumentException("cloud speed needs first-token seconds >= 0 and output tokens per second > 0 but was "
                    + firstTokenSeconds + " s and " + outputTokensPerSecond + " tokens/s");
    }

    /** Seconds the cloud takes to answer a request with {@code outputTokens}. */
    public double responseSeconds(long outputTokens) {
        return firstTokenSeconds + outputTokens / outputTokensPerSecond;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.1f s to the first token, %.0f output tokens/s (estimate)",
                firstTokenSeconds, outputTokensPerSecond);
    }
}
