package costplan.ledger;

import costplan.importers.Usd;
import costplan.importers.UsageRecord;

import java.util.Optional;

/** Prices one request; empty when it cannot be priced (an unknown model, or no price on its date). */
@FunctionalInterface
public interface RequestPricer {
    /** Prices nothing: every request is unpriced. */
    RequestPricer NONE = r -> Optional.empty();

    /** Returns the API-equivalent cost of {@code record}, or empty when it has no price. */
    Optional<Usd> costOf(UsageRecord record);
}
