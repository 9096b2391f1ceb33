package costplan.report;

import costplan.ledger.UsageLedger;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The days a report covers, in the zone they were cut in.
 *
 * @param first the first day with a request
 * @param last the last day with a request
 * @param zone the time zone's id, e.g. {@code UTC}
 */
public record ReportPeriod(LocalDate first, LocalDate last, String zone) {
    public ReportPeriod {
        if (first.isAfter(last)) throw new IllegalArgumentException("period starts " + first + " after it ends " + last);
    }

    /** Returns the period from the first to the last request of {@code ledger}, which must not be empty. */
    public static ReportPeriod of(UsageLedger ledger) {
        var records = ledger.records();
        if (records.isEmpty()) throw new IllegalArgumentException("nothing to report: no requests were read");
        return new ReportPeriod(ledger.day(records.get(0).timestamp()),
                ledger.day(records.get(records.size() - 1).timestamp()), ledger.zone().getId());
    }

    /** Returns the period as people say it: {@code 2026-01-05 to 2026-01-06}, or one date for one day. */
    public String label() {
        return first.equals(last) ? first.toString() : first + " to " + last;
    }

    /** Returns the number of days, counting both ends. */
    public long days() {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }
}
