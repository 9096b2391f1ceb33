package costplan.importers.claude;

import costplan.importers.UsageRecord;
import costplan.importers.Usd;

import java.util.ArrayList;
import java.util.List;

/**
 * The usage-related fields of one Claude Code log entry, as parsed from a line. An entry is either the line
 * itself or a sub-agent message embedded in an {@code agent_progress} line. Mutable and short-lived: a parser
 * fills its own again for every line, the importer turns it into a {@link UsageRecord} at once.
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
    long cacheCreationTokens;
    long cacheCreation5mTokens;
    long cacheCreation1hTokens;
    long cacheReadTokens;
    int webSearchRequests;
    String serviceTier;
    String speed;
    final List<String> toolNames = new ArrayList<>(2);
    /** The sub-agent message an {@code agent_progress} line carries, or null. */
    ClaudeLogEntry embedded;

    ClaudeLogEntry() {
        clear();
    }

    /** Sets every field back to its value in a new entry, for the next line; the one place those values are written. */
    void clear() {
        timestamp = sessionId = cwd = version = requestId = model = messageId = serviceTier = speed = null;
        sidechain = embeddedProgressCopy = apiError = hasUsage = false;
        costUsd = null;
        inputTokens = outputTokens = cacheReadTokens = 0;
        cacheCreationTokens = cacheCreation5mTokens = cacheCreation1hTokens = ABSENT;
        webSearchRequests = 0;
        toolNames.clear();
        embedded = null;
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
