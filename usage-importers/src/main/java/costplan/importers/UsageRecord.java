package costplan.importers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One API request as a usage source recorded it: when, which model, where, and how many tokens of each kind.
 * Never holds prompt, code or tool content.
 *
 * @param source the importer that produced it, e.g. {@code claude-code}
 * @param timestamp when the response was logged
 * @param model the provider's model id, e.g. {@code claude-sonnet-4-5-20250929}
 * @param project the project's working directory ({@code cwd}), or the log folder's name when the log has none
 * @param sessionId the session the request belongs to
 * @param requestId the provider's request id, or null when the log has none
 * @param messageId the provider's message id, or null when the log has none
 * @param tokens input, output, cache-write and cache-read tokens
 * @param cacheCreation5mTokens the part of the cache writes with a 5-minute lifetime
 * @param cacheCreation1hTokens the part of the cache writes with a 1-hour lifetime
 * @param webSearchRequests server-side web searches the request made
 * @param serviceTier the API service tier ({@code standard}, {@code priority}, {@code batch}), or null
 * @param fast whether the request ran in fast mode ({@code usage.speed = "fast"})
 * @param subAgent whether a sub-agent (sidechain) made the request
 * @param toolNames the names of the tools the response called, sorted, without repeats
 * @param clientVersion the version of the client that wrote the log, or null
 * @param reportedCostUsd the cost the log itself states ({@code costUSD}), or null when it states none
 * @param bucket for a record summing many requests (an aggregated export), the time it covers from
 *               {@code timestamp}; null for a single request
 */
public record UsageRecord(
        String source,
        Instant timestamp,
        String model,
        String project,
        String sessionId,
        String requestId,
        String messageId,
        TokenCounts tokens,
        long cacheCreation5mTokens,
        long cacheCreation1hTokens,
        int webSearchRequests,
        String serviceTier,
        boolean fast,
        boolean subAgent,
        List<String> toolNames,
        String clientVersion,
        Usd reportedCostUsd,
        Duration bucket) {

    /** A single request. */
    public UsageRecord(String source, Instant timestamp, String model, String project, String sessionId, String requestId,
                       String messageId, TokenCounts tokens, long cacheCreation5mTokens, long cacheCreation1hTokens,
                       int webSearchRequests, String serviceTier, boolean fast, boolean subAgent, List<String> toolNames,
                       String clientVersion, Usd reportedCostUsd) {
        this(source, timestamp, model, project, sessionId, requestId, messageId, tokens, cacheCreation5mTokens,
                cacheCreation1hTokens, webSearchRequests, serviceTier, fast, subAgent, toolNames, clientVersion,
                reportedCostUsd, null);
    }

    /** Whether this record sums many requests over {@link #bucket()} rather than being one request. */
    public boolean aggregated() {
        return bucket != null;
    }

    public UsageRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(tokens, "tokens");
        if (model == null || model.isBlank()) throw new IllegalArgumentException("model must not be blank");
        if (project == null || project.isBlank()) throw new IllegalArgumentException("project must not be blank");
        if (sessionId == null || sessionId.isBlank()) throw new IllegalArgumentException("sessionId must not be blank");
        if (cacheCreation5mTokens < 0 || cacheCreation1hTokens < 0 || webSearchRequests < 0)
            throw new IllegalArgumentException("cache-write split and web searches must be >= 0 but were "
                    + List.of(cacheCreation5mTokens, cacheCreation1hTokens, webSearchRequests));
        toolNames = List.copyOf(toolNames);
        if (bucket != null && (bucket.isNegative() || bucket.isZero()))
            throw new IllegalArgumentException("a bucket must cover a positive time but was " + bucket);
    }
}
