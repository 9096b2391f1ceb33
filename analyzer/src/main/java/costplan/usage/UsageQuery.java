package costplan.usage;

import costplan.importers.ImportProgress;
import costplan.importers.ImportSummary;
import costplan.importers.UsageImporter;
import costplan.importers.UsageRecord;
import costplan.importers.claude.ClaudeCodeLogImporter;
import costplan.importers.formats.SourceReconciler;
import costplan.importers.formats.UsageFormats;
import costplan.ledger.LedgerFilter;
import costplan.ledger.UsageLedger;
import costplan.pricing.PriceBook;
import costplan.pricing.SubscriptionPlans;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which usage to read and how to price it: the paths (logs, sessions, exports, folders of them), the format
 * (null: told from each file's content), the days, the zone days are cut in, project and model filters, and the
 * price books. {@link #read()} imports, reconciles and prices it.
 *
 * <pre>{@code
 * Usage usage = UsageQuery.of(Path.of("samples/claude")).withZone(ZoneId.of("Europe/Paris")).read();
 * usage.byDay();
 * }</pre>
 *
 * @param format the format every path is read as, or null to tell it from the content
 * @param since first day included, or null
 * @param until last day included, or null
 * @param project only projects whose path contains this (any case), or null
 * @param model only models whose id contains this (any case), or null
 * @param prices the price book, or null for the bundled one
 * @param subscriptions the subscription plans, or null for the bundled ones
 */
public record UsageQuery(List<Path> paths, String format, LocalDate since, LocalDate until, ZoneId zone, String project,
                         String model, PriceBook prices, SubscriptionPlans subscriptions) {

    public UsageQuery {
        paths = List.copyOf(paths);
        if (zone == null) throw new IllegalArgumentException("a usage query needs a time zone");
    }

    /** Reads {@code paths} in UTC, every format told from its content, priced with the bundled price books. */
    public static UsageQuery of(Path... paths) {
        return new UsageQuery(Arrays.asList(paths), null, null, null, ZoneOffset.UTC, null, null, null, null);
    }

    public UsageQuery withPaths(List<Path> value) {
        return new UsageQuery(value, format, since, until, zone, project, model, prices, subscriptions);
    }

    public UsageQuery withFormat(String value) {
        if (value != null) UsageFormats.named(value);
        return new UsageQuery(paths, value, since, until, zone, project, model, prices, subscriptions);
    }

    public UsageQuery withSince(LocalDate value) {
        return new UsageQuery(paths, format, value, until, zone, project, model, prices, subscriptions);
    }

    public UsageQuery withUntil(LocalDate value) {
        return new UsageQuery(paths, format, since, value, zone, project, model, prices, subscriptions);
    }

    public UsageQuery withZone(ZoneId value) {
        return new UsageQuery(paths, format, since, until, value, project, model, prices, subscriptions);
    }

    public UsageQuery withProject(String value) {
        return new UsageQuery(paths, format, since, until, zone, value, model, prices, subscriptions);
    }

    public UsageQuery withModel(String value) {
        return new UsageQuery(paths, format, since, until, zone, project, value, prices, subscriptions);
    }

    public UsageQuery withPrices(PriceBook value) {
        return new UsageQuery(paths, format, since, until, zone, project, model, value, subscriptions);
    }

    public UsageQuery withSubscriptions(SubscriptionPlans value) {
        return new UsageQuery(paths, format, since, until, zone, project, model, prices, value);
    }

    /** Prices with the price books and subscription plans in {@code directory} (a copy of {@code pricing-data/}). */
    public UsageQuery withPricing(Path directory) throws IOException {
        return withPrices(PriceBook.load(directory)).withSubscriptions(SubscriptionPlans.load(directory));
    }

    /** Returns the price book in use: the one given, or the bundled one. */
    public PriceBook pricesInUse() {
        return prices != null ? prices : PriceBook.bundled();
    }

    /** Returns the subscription plans in use: the ones given, or the bundled ones. */
    public SubscriptionPlans subscriptionsInUse() {
        return subscriptions != null ? subscriptions : SubscriptionPlans.bundled();
    }

    /** Reads, reconciles and prices the usage, checking timestamps against the system clock. */
    public Usage read() throws IOException {
        return read(Clock.systemUTC(), ImportProgress.NONE);
    }

    /**
     * Reads, reconciles and prices the usage; {@code clock} tells which timestamps lie in the future, {@code progress}
     * hears how far the reading of Claude Code logs is. Lines and files that cannot be read are in the summary.
     */
    public Usage read(Clock clock, ImportProgress progress) throws IOException {
        UsageImporter forced = format == null ? null : UsageFormats.named(format);
        UsageFormats.Assignment assignment = UsageFormats.assign(paths, forced);
        List<UsageRecord> records = new ArrayList<>();
        ImportSummary imported = assignment.read(importer -> importer instanceof ClaudeCodeLogImporter
                ? new ClaudeCodeLogImporter(clock, Runtime.getRuntime().availableProcessors(), progress)
                : importer, records::add);
        SourceReconciler.Result reconciled = SourceReconciler.reconcile(records);
        UsageLedger ledger = UsageLedger.of(reconciled.records(), pricesInUse(), zone)
                .filter(new LedgerFilter(since, until, project, model));
        return new Usage(this, imported, assignment.ignored(), reconciled, ledger);
    }
}
