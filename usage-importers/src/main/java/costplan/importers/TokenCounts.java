package costplan.importers;

import java.util.List;

/**
 * The four token counts of one request or of a sum of requests.
 *
 * <pre>{@code
 * TokenCounts a = new TokenCounts(3, 120, 8_052, 17_842);
 * a.plus(a).outputTokens();   // 240
 * a.promptTokens();           // 25_897
 * }</pre>
 *
 * @param inputTokens uncached input tokens
 * @param outputTokens output tokens (including thinking)
 * @param cacheCreationTokens tokens written to the prompt cache (5-minute and 1-hour writes together)
 * @param cacheReadTokens tokens served from the prompt cache
 */
public record TokenCounts(long inputTokens, long outputTokens, long cacheCreationTokens, long cacheReadTokens) {

    /** No tokens at all. */
    public static final TokenCounts ZERO = new TokenCounts(0, 0, 0, 0);

    public TokenCounts {
        if (inputTokens < 0 || outputTokens < 0 || cacheCreationTokens < 0 || cacheReadTokens < 0)
            throw new IllegalArgumentException("token counts must be >= 0 but were " + List.of(
                    inputTokens, outputTokens, cacheCreationTokens, cacheReadTokens));
    }

    /** Returns the element-wise sum of this and {@code other}. */
    public TokenCounts plus(TokenCounts other) {
        return new TokenCounts(Math.addExact(inputTokens, other.inputTokens), Math.addExact(outputTokens, other.outputTokens),
                Math.addExact(cacheCreationTokens, other.cacheCreationTokens),
                Math.addExact(cacheReadTokens, other.cacheReadTokens));
    }

    /** Returns the prompt size: input plus cache writes plus cache reads. */
    public long promptTokens() {
        return inputTokens + cacheCreationTokens + cacheReadTokens;
    }

    /** Returns all four counts added together. */
    public long totalTokens() {
        return promptTokens() + outputTokens;
    }
}
