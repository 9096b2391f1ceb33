package costplan.ledger;

import costplan.importers.CostplanException;

import java.util.Arrays;
import java.util.Locale;

/** The ways a ledger can be grouped, as named on the command line ({@code --by day}). */
public enum Grouping {
    DAY("daily", "date"),
    WEEK("weekly", "week"),
    MONTH("monthly", "month"),
    SESSION("sessions", "sessionId"),
    PROJECT("projects", "project"),
    MODEL("models", "model"),
    BLOCK("blocks", "blockStart"),
    SOURCE("sources", "source");

    private final String jsonArrayName;
    private final String jsonKeyName;

    Grouping(String jsonArrayName, String jsonKeyName) {
        this.jsonArrayName = jsonArrayName;
        this.jsonKeyName = jsonKeyName;
    }

    /** Returns the name of the JSON array of groups, e.g. {@code daily}. */
    public String jsonArrayName() {
        return jsonArrayName;
    }

    /** Returns the JSON field that holds a group's key, e.g. {@code date}. */
    public String jsonKeyName() {
        return jsonKeyName;
    }

    /** Returns the lower-case name used on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code day}, {@code week}, …; the message lists the valid names. */
    public static Grouping parse(String text) {
        for (Grouping g : values()) if (g.cliName().equals(text.toLowerCase(Locale.ROOT))) return g;
        throw CostplanException.badUsage("unknown grouping '" + text + "'; expected one of "
                + Arrays.stream(values()).map(Grouping::cliName).toList());
    }
}
