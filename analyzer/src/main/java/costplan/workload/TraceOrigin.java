package costplan.workload;

/**
 * Where a trace's requests come from: the logs, replayed as recorded, or an {@link ArrivalModel} standing in for
 * the rows of aggregated exports, which is an estimate and labelled as one wherever the plan is shown.
 *
 * @param kind {@code replay} or {@code arrival-model}
 * @param description one sentence on where the requests come from and what was assumed
 * @param buckets aggregated rows the arrival model expanded (0 for a replay)
 * @param reportedRequests requests those rows reported
 * @param estimatedRequests requests estimated from the tokens of rows that report none
 */
public record TraceOrigin(String kind, String description, int buckets, long reportedRequests, long estimatedRequests) {
    /** Requests from per-request logs, replayed as recorded. */
    public static final TraceOrigin REPLAY = new TraceOrigin("replay", "your requests as logged, replayed as recorded", 0, 0, 0);

    /** Whether the requests are an estimate rather than the logged ones. */
    public boolean estimated() {
        return !kind.equals(REPLAY.kind);
    }
}
