package costplan.report;

import costplan.importers.ImportSummary;
import costplan.ledger.UsageLedger;
import costplan.pricing.PriceBook;
import costplan.pricing.SubscriptionPlans;

import java.time.Instant;
import java.util.Objects;

/**
 * What a usage report is made from.
 *
 * @param ledger the priced requests, in the zone days are cut in
 * @param prices the price book the ledger was priced with
 * @param subscriptions the subscription plans to compare with
 * @param imported what the import read and skipped
 * @param command the command line that writes the report again, already redacted when asked
 * @param redact whether project names and paths are replaced by aliases
 * @param madeAt when the report was made
 */
public record ReportInputs(UsageLedger ledger, PriceBook prices, SubscriptionPlans subscriptions, ImportSummary imported,
                           String command, boolean redact, Instant madeAt) {
    public ReportInputs {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(subscriptions, "subscriptions");
        Objects.requireNonNull(imported, "imported");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(madeAt, "madeAt");
    }
}
