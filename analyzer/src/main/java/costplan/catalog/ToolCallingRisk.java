package costplan.catalog;

import java.util.Locale;

/** How likely a model's tool calls are to break a coding-agent harness on one inference engine. */
public enum ToolCallingRisk {
    /** The model was looked up and no unfixed problem on this engine was found (not a test). */
    NONE_KNOWN,
    /** A public report describes a problem on this engine with no fix yet. */
    KNOWN_ISSUES,
    /** Nobody looked: the model has no entry in {@code tool-calling.json}. */
    UNKNOWN;

    /** Returns the id used in JSON and tables: {@code none-known}, {@code known-issues} or {@code unknown}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
