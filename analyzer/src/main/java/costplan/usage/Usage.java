package costplan.usage;

import costplan.importers.CostplanException;
import costplan.importers.ImportSummary;
import costplan.importers.UsageRecord;
import costplan.importers.formats.SourceReconciler;
import costplan.internal.TextTable;
import costplan.ledger.CacheStats;
import costplan.ledger.Grouping;
import costplan.ledger.SessionActivity;
import costplan.ledger.UsageGroup;
import costplan.ledger.UsageLedger;
import costplan.plan.PlanResult;
import costplan.plan.PlanSettings;
import costplan.plan.PlanTrace;
import costplan.plan.Planning;
import costplan.pricing.PriceBook;
import costplan.pricing.SubscriptionPlans;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Usage that was read: the query it answers, the import (what was read and skipped), how its sources were
 * reconciled, and the priced ledger. From it come the groupings (as lists or Tablesaw tables), the session
 * activity, the priced trace, and the plan. Prints as a small table of totals by model.
 *
 * <pre>{@code
 * Usage usage = Costplan.analyze("samples/claude");
 * usage.byDay();                              // a Tablesaw Table, one row per day
 * usage.plan(PlanSettings.defaults().withDevices("rtx-5090"));
 * }</pre>
 *
 * @param ignored files under the paths that are no usage source costplan reads
 */
public record Usage(UsageQuery query, ImportSummary imported, List<Path> ignored, SourceReconciler.Result reconciled,
                    UsageLedger ledger) {

    public Usage {
        ignored = List.copyOf(ignored);
    }

    /**
     * The usage of {@code records} that no file holds (a synthetic workload), priced with {@code query}'s price book
     * and days cut in its zone.
     */
    public static Usage of(List<UsageRecord> records, UsageQuery query) {
        SourceReconciler.Result reconciled = new SourceReconciler.Result(records, 0, 0, 0, List.of());
        return new Usage(query, ImportSummary.empty(), List.of(), reconciled,
                UsageLedger.of(records, query.pricesInUse(), query.zone()));
    }

    /** Returns the price book the ledger was priced with. */
    public PriceBook prices() {
        return query.pricesInUse();
    }

    /** Returns the subscription plans the person could pay instead. */
    public SubscriptionPlans subscriptions() {
        return query.subscriptionsInUse();
    }

    /** Returns the paths that were read. */
    public List<Path> sources() {
        return query.paths();
    }

    /** Returns the time zone days are cut in. */
    public ZoneId zone() {
        return ledger.zone();
    }

    /** Returns the totals of the whole ledger. */
    public UsageGroup total() {
        return ledger.total();
    }

    /** Returns the ledger's totals per day, week, month, session, project, model, 5-hour block or source. */
    public List<UsageGroup> by(Grouping grouping) {
        return ledger.groupBy(grouping);
    }

    /** Returns one row per day: requests, tokens of each kind, cache-hit rate, cost and models. */
    public Table byDay() {
        return ledger.tableBy(Grouping.DAY);
    }

    /** Returns one row per model. */
    public Table byModel() {
        return ledger.tableBy(Grouping.MODEL);
    }

    /** Returns one row per project. */
    public Table byProject() {
        return ledger.tableBy(Grouping.PROJECT);
    }

    /** Returns one row per session. */
    public Table bySession() {
        return ledger.tableBy(Grouping.SESSION);
    }

    /** Returns the prompt-cache statistics and the session activity. */
    public CacheStats cache() {
        return CacheStats.of(ledger);
    }

    /** Returns how many sessions ran, how many at once and for how long. */
    public SessionActivity activity() {
        return SessionActivity.of(ledger.records());
    }

    /**
     * Returns the trace a plan replays, at the cloud speed and with the arrival model of {@code settings}.
     *
     * @throws CostplanException (bad input) when there is no request to replay
     */
    public PlanTrace trace(PlanSettings settings) {
        return traceIfAny(settings).orElseThrow(() -> CostplanException.badInput("no request to plan with: the usage holds "
                        + (ledger.records().isEmpty() ? "no requests (widen --since/--until or --project)"
                        : "only cost rows without tokens")));
    }

    /** Returns the trace a plan replays, or empty when the usage holds no request to replay. */
    public Optional<PlanTrace> traceIfAny(PlanSettings settings) {
        return PlanTrace.of(ledger, settings.cloudSpeed(), settings.arrivals());
    }

    /** Plans this usage with {@code settings}: its options replayed, priced against the baseline, and ranked. */
    public PlanResult plan(PlanSettings settings) {
        return plan(trace(settings), settings);
    }

    /** Plans {@code trace}, this usage's trace, with {@code settings}. */
    public PlanResult plan(PlanTrace trace, PlanSettings settings) {
        return Planning.plan(trace, settings, Planning.options(trace, settings, prices()), subscriptions(), prices());
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
