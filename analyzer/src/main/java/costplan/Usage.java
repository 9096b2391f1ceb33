package costplan;

import costplan.importers.ImportSummary;
import costplan.internal.TextTable;
import costplan.ledger.Grouping;
import costplan.ledger.UsageGroup;
import costplan.ledger.UsageLedger;

import java.util.List;
import java.util.Locale;

/**
 * Usage read from logs: the priced ledger and what the import skipped. Prints as a small table of totals by model.
 *
 * <pre>{@code
 * Usage usage = Costplan.analyze("samples/claude");
 * usage.total().computedCost();
 * usage.by(Grouping.DAY);
 * }</pre>
 */
public record Usage(UsageLedger ledger, ImportSummary imported) {

    /** Returns the totals of the whole ledger. */
    public UsageGroup total() {
        return ledger.total();
    }

    /** Returns the ledger's totals per day, week, month, session, project, model or 5-hour block. */
    public List<UsageGroup> by(Grouping grouping) {
        return ledger.groupBy(grouping);
    }

    @Override
    public String toString() {
        TextTable table = new TextTable("model", ">requests", ">input", ">output", ">cache write", ">cache read", ">hit rate", ">API cost");
        for (UsageGroup g : total().byModel()) row(table, g.key(), g);
        row(table, "total", total());
        String skipped = imported.skippedAnything() ? String.format(Locale.ROOT, " (%,d lines skipped)", imported.skippedLineCount()) : "";
        return String.format(Locale.ROOT, "%,d requests in %,d files%s%n", total().requests(), imported.filesRead(), skipped) + table;
    }

    private static void row(TextTable table, String label, UsageGroup g) {
        table.row(label, count(g.requests()), count(g.tokens().inputTokens()), count(g.tokens().outputTokens()),
                count(g.tokens().cacheCreationTokens()), count(g.tokens().cacheReadTokens()),
                String.format(Locale.ROOT, "%.1f %%", g.cacheHitRate() * 100),
                String.format(Locale.ROOT, "$%,.2f", g.computedCost().toDouble()) + (g.unpricedRequests() > 0 ? " + unpriced" : ""));
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
