package costplan.importers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One API request as a usage source recorded it, or, from an aggregated export, the sum of one time bucket
 * ({@link #aggregation()} says which): when, which model, where, and how many tokens of each kind.
 * Never holds prompt, code or tool content.
 *
 * @param source the importer that produced it, e.g. {@code claude-code}; {@code --by source} groups by it
 * @param timestamp when the response was logged, or the start of the bucket an aggregated record sums
 * @param model the provider's model id, e.g. {@code claude-sonnet-4-5-20250929}
 * @param project the project: for Claude Code the directory its log folder is named after (a {@code cwd} in a
 *                sub-folder counts for the project), or the log folder's name when no {@code cwd} matches it
 * @param sessionId the session the request belongs to (or {@link #NO_SESSION})
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
 * @param reportedCostUsd the cost the source itself states ({@code costUSD}, an export's amount), or null when it
 *        states none
 * @param aggregation the bucket an aggregated record sums, or null for a record of one request
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
        Aggregation aggregation) {

    /** The session id of records whose source knows no sessions (aggregated exports, API request exports). */
    public static final String NO_SESSION = "(no session)";

    /**
     * The time bucket an aggregated export row sums, such as one day of one model in one workspace.
     *
     * @param width the bucket's length, e.g. one day
     * @param requests the requests the source reports for the bucket, or null when it reports none
     */
    public record Aggregation(Duration width, Long requests) {
        public Aggregation {
            if (width == null || width.isNegative() || width.isZero())
                throw new IllegalArgumentException("a bucket must last more than zero seconds but was " + width);
            if (requests != null && requests < 0)
                throw new IllegalArgumentException("requests must be >= 0 but were " + requests);
        }
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
    }

    /** Returns a record of one request as a log recorded it, with nothing aggregated. */
    public static UsageRecord ofRequest(String source, Instant timestamp, String model, String project, String sessionId,
                                        String requestId, String messageId, TokenCounts tokens, long cacheCreation5mTokens,
                                        long cacheCreation1hTokens, int webSearchRequests, String serviceTier,
                                        boolean fast, boolean subAgent, List<String> toolNames, String clientVersion,
                                        Usd reportedCostUsd) {
        return new UsageRecord(source, timestamp, model, project, sessionId, requestId, messageId, tokens,
                cacheCreation5mTokens, cacheCreation1hTokens, webSearchRequests, serviceTier, fast, subAgent, toolNames,
                clientVersion, reportedCostUsd, null);
    }

    /**
     * Returns a record that sums one bucket of an aggregated export.
     *
     * @param requests the requests the export reports for the bucket, or null when it reports none
     * @param reportedCostUsd the cost the export states for the bucket, or null
     */
    public static UsageRecord ofBucket(String source, Instant start, Duration width, String model, String project,
                                       TokenCounts tokens, long cacheCreation5mTokens, long cacheCreation1hTokens,
                                       int webSearchRequests, String serviceTier, Long requests, Usd reportedCostUsd) {
        return new UsageRecord(source, start, model, project, NO_SESSION, null, null, tokens, cacheCreation5mTokens,
                cacheCreation1hTokens, webSearchRequests, serviceTier, false, false, List.of(), null, reportedCostUsd,
                new Aggregation(width, requests));
    }

    /** Returns whether this record sums a bucket of an aggregated export rather than describing one request. */
    public boolean aggregated() {
        return aggregation != null;
    }

    /** Returns the requests this record stands for: 1 for one request, else what the export reports (0 if nothing). */
    public long requestCount() {
        if (aggregation == null) return 1;
        return aggregation.requests() == null ? 0 : aggregation.requests();
    }

    /** Returns this record with {@code name} as its project, as when project names are hidden behind aliases. */
    public UsageRecord withProject(String name) {
        return new UsageRecord(source, timestamp, model, name, sessionId, requestId, messageId, tokens,
                cacheCreation5mTokens, cacheCreation1hTokens, webSearchRequests, serviceTier, fast, subAgent, toolNames,
                clientVersion, reportedCostUsd, aggregation);
    }

    /** Returns this record with {@code cost} as its reported cost, as when a cost export is joined to a usage export. */
    public UsageRecord withReportedCost(Usd cost) {
        return new UsageRecord(source, timestamp, model, project, sessionId, requestId, messageId, tokens,
                cacheCreation5mTokens, cacheCreation1hTokens, webSearchRequests, serviceTier, fast, subAgent, toolNames,
                clientVersion, cost, aggregation);
    }
}
