package costplan.importers;

import java.util.ArrayList;
import java.util.List;

/**
 * The usage-related fields of one Claude Code log entry, as parsed from a line. An entry is either the line
 * itself or a sub-agent message embedded in an {@code agent_progress} line. Mutable and short-lived: the
 * parser fills it, the importer turns it into a {@link UsageRecord}.
 */
final class ClaudeLogEntry {
    static final long ABSENT = -1;

    String timestamp;
    String sessionId;
    String cwd;
    String version;
    boolean sidechain;
    boolean embeddedProgressCopy;
    String requestId;
    Usd costUsd;
    boolean apiError;
    String model;
    String messageId;
    boolean hasUsage;
    long inputTokens;
    long outputTokens;
    long cacheCreationTokens = ABSENT;
    long cacheCreation5mTokens = ABSENT;
    long cacheCreation1hTokens = ABSENT;
    long cacheReadTokens;
    int webSearchRequests;
    String serviceTier;
    String speed;
    /** The tools the response called, in order; most lines call none, so the list is made for the first one. */
    List<String> toolNames = List.of();
    /** The sub-agent message an {@code agent_progress} line carries, or null. */
    ClaudeLogEntry embedded;

    void addToolName(String name) {
        if (toolNames.isEmpty()) toolNames = new ArrayList<>(2);
        toolNames.add(name);
    }

    /** Fills the fields the embedded copy lacks from the line that carries it. */
    void inheritFrom(ClaudeLogEntry outer) {
        if (sessionId == null) sessionId = outer.sessionId;
        if (cwd == null) cwd = outer.cwd;
        if (version == null) version = outer.version;
        if (timestamp == null) timestamp = outer.timestamp;
    }

    /** Returns the cache-write total: the logged total, or the 5m + 1h split when only the split is logged. */
    long cacheCreationTotal() {
        if (cacheCreationTokens != ABSENT) return cacheCreationTokens;
        return Math.max(0, cacheCreation5mTokens) + Math.max(0, cacheCreation1hTokens);
    }

    /** Returns the 5-minute cache writes; without a split, Anthropic's default lifetime (5 minutes) applies. */
    long cacheCreation5m() {
        return cacheCreation5mTokens == ABSENT && cacheCreation1hTokens == ABSENT
                ? cacheCreationTotal() : Math.max(0, cacheCreation5mTokens);
    }

    long cacheCreation1h() {
        return Math.max(0, cacheCreation1hTokens);
    }
}
