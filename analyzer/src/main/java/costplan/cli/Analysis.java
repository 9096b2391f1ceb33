package costplan.cli;

import costplan.importers.ImportSummary;
import costplan.importers.Usd;
import costplan.importers.formats.SourceReconciler;
import costplan.ledger.CacheStats;
import costplan.ledger.Grouping;
import costplan.ledger.UsageGroup;
import costplan.ledger.UsageLedger;
import costplan.pricing.PriceBook;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Everything {@code analyze} shows: the import and how its sources were reconciled, the totals, the chosen grouping,
 * the cache statistics, and reported against computed cost.
 */
record Analysis(ImportSummary imported, SourceReconciler.Result reconciled, UsageLedger ledger, PriceBook prices,
                Grouping grouping, UsageGroup total, List<UsageGroup> groups, CacheStats cache,
                List<CostComparison> costComparisons) {

    /**
     * The cost a source reported for one model on one day, against the cost computed from its tokens.
     *
     * @param computed tokens x price book, or null when the model has no price
     */
    record CostComparison(String date, String model, Usd reported, Usd computed) {
        /** Returns computed minus reported, or null when the computed cost is unknown. */
        Usd difference() {
            return computed == null ? null : computed.plus(new Usd(reported.amount().negate()));
        }
    }

    static Analysis of(ImportSummary imported, SourceReconciler.Result reconciled, UsageLedger ledger, PriceBook prices,
                       Grouping grouping) {
        // The cache statistics need no totals until their end, so they run beside the groupings.
        CompletableFuture<CacheStats> cache = CompletableFuture.supplyAsync(() -> CacheStats.of(ledger));
        List<UsageGroup> days = ledger.groupBy(Grouping.DAY);
        List<CostComparison> comparisons = days.stream().flatMap(day -> day.byModel().stream()
                .filter(m -> m.reportedRequests() > 0)
                .map(m -> new CostComparison(day.key(), m.key(), m.reportedCost(),
                        m.unpricedRecords() > 0 ? null : m.computedCost()))).toList();
        return new Analysis(imported, reconciled, ledger, prices, grouping, ledger.total(), ledger.groupBy(grouping),
                cache.join(), comparisons);
    }

    /** Returns the models of the ledger that have requests without a price. */
    List<UsageGroup> unpricedModels() {
        return total.byModel().stream().filter(g -> g.unpricedRecords() > 0).toList();
    }
}
