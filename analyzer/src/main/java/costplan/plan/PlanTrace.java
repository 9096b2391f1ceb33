package costplan.plan;

import costplan.importers.UsageRecord;
import costplan.importers.Usd;
import costplan.ledger.CacheStats;
import costplan.ledger.UsageLedger;
import costplan.workload.ArrivalModel;
import costplan.workload.CloudSpeed;
import costplan.workload.Trace;
import costplan.workload.TraceOrigin;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a plan replays, from a ledger: its requests as logged, and for the rows of aggregated exports (which hold no
 * requests) the requests an {@link ArrivalModel} stands in for them, labelled as an estimate.
 *
 * @param trace the requests in arrival order, labelled with their {@link TraceOrigin}
 * @param costs each trace request's API cost in dollars, by {@link costplan.workload.TraceRequest#index()}
 * @param stats the cache and session statistics of the requests replayed
 * @param zone the time zone days and weeks are cut in
 */
public record PlanTrace(Trace trace, double[] costs, CacheStats stats, java.time.ZoneId zone) {

    /** API cost of the whole trace, in dollars. */
    public double totalCostUsd() {
        return java.util.Arrays.stream(costs).sum();
    }

    /**
     * Returns the trace of {@code ledger} at {@code cloud} speed, expanding its aggregated rows with {@code arrivals};
     * empty when there is no request to replay (no records, or only cost rows without tokens).
     */
    public static Optional<PlanTrace> of(UsageLedger ledger, CloudSpeed cloud, ArrivalModel arrivals) {
        List<UsageRecord> requests = new ArrayList<>();
        List<UsageRecord> rows = new ArrayList<>();
        for (UsageRecord r : ledger.records()) (r.aggregated() ? rows : requests).add(r);
        if (rows.isEmpty()) return requests.isEmpty() ? Optional.empty() : Optional.of(of(ledger, cloud, TraceOrigin.REPLAY));

        Map<UsageRecord, Optional<Usd>> cost = new IdentityHashMap<>();
        for (int i = 0; i < ledger.records().size(); i++) cost.put(ledger.records().get(i), ledger.costOf(i));
        ArrivalModel.Expansion expansion = arrivals.expand(rows, cost::get, ledger.zone(), cloud);
        List<UsageRecord> all = new ArrayList<>(requests);
        all.addAll(expansion.records());
        if (all.isEmpty()) return Optional.empty();
        UsageLedger traced = UsageLedger.of(all, r -> {
            Usd share = expansion.costs().get(r);
            return share != null ? Optional.of(share) : cost.getOrDefault(r, Optional.empty());
        }, ledger.zone());
        return Optional.of(of(traced, cloud, new TraceOrigin("arrival-model",
                describe(arrivals, expansion, requests.size(), ledger), expansion.buckets(), expansion.reportedRequests(),
                expansion.estimatedRequests())));
    }

    private static PlanTrace of(UsageLedger ledger, CloudSpeed cloud, TraceOrigin origin) {
        Trace trace = Trace.of(ledger.records(), cloud).withOrigin(origin);
        double[] costs = new double[trace.requests().size()];
        for (var r : trace.requests()) costs[r.index()] = ledger.costOf(r.recordIndex()).map(Usd::toDouble).orElse(0.0);
        return new PlanTrace(trace, costs, CacheStats.of(ledger), ledger.zone());
    }

    private static String describe(ArrivalModel a, ArrivalModel.Expansion e, int logged, UsageLedger ledger) {
        DateTimeFormatter hour = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
        java.time.LocalTime from = java.time.LocalTime.of(a.workStartHour(), 0);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "an estimate, not a replay: %,d rows of aggregated exports (time buckets that name no request) stand in as "
                        + "%,d requests (%,d reported by the exports, %,d estimated at %,d tokens each), arriving at random "
                        + "(seed %d) from %s to %s %s in a daily row or within a shorter row, in sessions of %s requests an hour",
                e.buckets(), e.records().size(), e.reportedRequests(), e.estimatedRequests(), a.tokensPerRequest(), a.seed(),
                hour.format(from), hour.format(from.plusMinutes(Math.round(a.workingHours() * 60))), ledger.zone().getId(),
                trimmed(a.requestsPerSessionHour())));
        if (logged > 0) s.append(String.format(Locale.ROOT, "; the %,d requests of per-request logs are replayed as logged", logged));
        return s.toString();
    }

    private static String trimmed(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
