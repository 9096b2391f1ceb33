package costplan.cli;

import costplan.importers.ImportSummary;
import costplan.ledger.CacheStats;
import costplan.ledger.Grouping;
import costplan.ledger.UsageGroup;
import costplan.ledger.UsageLedger;
import costplan.pricing.PriceBook;

import java.util.List;

/** Everything {@code analyze} shows: the import, the totals, the chosen grouping and the cache statistics. */
record Analysis(ImportSummary imported, UsageLedger ledger, PriceBook prices, Grouping grouping,
                UsageGroup total, List<UsageGroup> groups, CacheStats cache) {

    static Analysis of(ImportSummary imported, UsageLedger ledger, PriceBook prices, Grouping grouping) {
        return new Analysis(imported, ledger, prices, grouping, ledger.total(), ledger.groupBy(grouping),
                CacheStats.of(ledger));
    }

    /** Returns the models of the ledger that have requests without a price. */
    List<UsageGroup> unpricedModels() {
        return total.byModel().stream().filter(g -> g.unpricedRequests() > 0).toList();
    }
}
