package costplan.ledger;

import costplan.importers.CostplanException;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Which requests to keep: a date range (inclusive, in the ledger's time zone), a project and a model.
 * Project and model match when the text occurs in them, ignoring case.
 *
 * @param since first day kept, or null
 * @param until last day kept, or null
 * @param project text the project path must contain, or null
 * @param model text the model id must contain, or null
 */
public record LedgerFilter(LocalDate since, LocalDate until, String project, String model) {
    /** Keeps everything. */
    public static final LedgerFilter ALL = new LedgerFilter(null, null, null, null);

    public LedgerFilter {
        if (since != null && until != null && since.isAfter(until))
            throw CostplanException.badUsage("--since " + since + " is after --until " + until);
    }

    boolean keepsDay(LocalDate day) {
        return (since == null || !day.isBefore(since)) && (until == null || !day.isAfter(until));
    }

    boolean keepsProject(String path) {
        return project == null || path.toLowerCase(Locale.ROOT).contains(project.toLowerCase(Locale.ROOT));
    }

    boolean keepsModel(String id) {
        return model == null || id.toLowerCase(Locale.ROOT).contains(model.toLowerCase(Locale.ROOT));
    }
}
