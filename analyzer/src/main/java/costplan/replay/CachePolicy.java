package costplan.replay;

import costplan.importers.CostplanException;

import java.util.Locale;

/** What a local engine keeps of a session's KV cache between its requests. */
public enum CachePolicy {
    /** Nothing: every request prefills its whole prompt. */
    NONE,
    /** The session's KV stays in memory between turns (only new tokens are prefilled), evicted least recently used. */
    SESSION,
    /** Like SESSION, and an evicted session's KV is saved to disk and reloaded at the disk's read speed. */
    PERSISTED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code none}, {@code session} or {@code persisted}. */
    public static CachePolicy parse(String id) {
        for (CachePolicy p : values()) if (p.id().equalsIgnoreCase(id.trim())) return p;
        throw CostplanException.badUsage("unknown cache policy '" + id + "'; expected none, session or persisted");
    }
}
