package costplan.workload;

import costplan.importers.UsageRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's requests in arrival order, grouped into closed-loop streams (a session's main thread, or its
 * sub-agents), with the think time between a stream's requests recovered by removing the cloud's response time.
 */
public final class Trace {
    /** A gap longer than this is the person being away: the stream resumes at its recorded time, not after it. */
    public static final Duration AWAY = Duration.ofMinutes(15);

    private final List<TraceRequest> requests;
    private final int streams;
    private final Instant start;
    private final CloudSpeed cloudSpeed;
    private final TraceOrigin origin;

    private Trace(List<TraceRequest> requests, int streams, Instant start, CloudSpeed cloudSpeed, TraceOrigin origin) {
        this.requests = List.copyOf(requests);
        this.streams = streams;
        this.start = start;
        this.cloudSpeed = cloudSpeed;
        this.origin = origin;
    }

    /** Returns this trace labelled with where its requests come from. */
    public Trace withOrigin(TraceOrigin newOrigin) {
        return new Trace(requests, streams, start, cloudSpeed, newOrigin);
    }

    /** Where the requests come from: the logs, or an estimate standing in for aggregated exports. */
    public TraceOrigin origin() {
        return origin;
    }

    /** Builds the trace of {@code records} (any order), assuming the cloud answered at {@code cloudSpeed}. */
    public static Trace of(List<UsageRecord> records, CloudSpeed cloudSpeed) {
        if (records.isEmpty()) throw new IllegalArgumentException("the trace is empty: no requests to replay");
        int n = records.size();
        Instant first = records.stream().map(r -> cloudStart(r, cloudSpeed)).min(Comparator.naturalOrder()).orElseThrow();
        double[] start = new double[n];
        double[] end = new double[n];
        for (int i = 0; i < n; i++) {
            UsageRecord r = records.get(i);
            end[i] = seconds(first, r.timestamp());
            start[i] = end[i] - cloudSpeed.responseSeconds(r.tokens().outputTokens());
        }
        int[] order = java.util.stream.IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble(i -> start[i])).mapToInt(Integer::intValue).toArray();
        Map<String, Integer> streamIds = new HashMap<>();
        int[] streamOf = new int[n];
        List<List<Integer>> byStream = new ArrayList<>();
        for (int i : order) {
            UsageRecord r = records.get(i);
            streamOf[i] = streamIds.computeIfAbsent(r.subAgent() ? r.sessionId() + "/sub-agents" : r.sessionId(), k -> {
                byStream.add(new ArrayList<>());
                return byStream.size() - 1;
            });
            byStream.get(streamOf[i]).add(i);
        }
        double[] gapAfter = new double[n];
        for (List<Integer> stream : byStream)
            for (int k = 0; k + 1 < stream.size(); k++)
                gapAfter[stream.get(k)] = Math.max(0, start[stream.get(k + 1)] - end[stream.get(k)]);
        List<TraceRequest> requests = new ArrayList<>(n);
        for (int i : order) {
            UsageRecord r = records.get(i);
            requests.add(new TraceRequest(requests.size(), streamOf[i], start[i], end[i], gapAfter[i],
                    r.tokens().inputTokens(), r.tokens().cacheCreationTokens(), r.tokens().cacheReadTokens(),
                    r.tokens().outputTokens(), r.model(), !r.toolNames().isEmpty(), i));
        }
        return new Trace(requests, byStream.size(), first, cloudSpeed, TraceOrigin.REPLAY);
    }

    /**
     * Returns the requests of this trace whose indices are set in {@code kept}, renumbered in the same order, each
     * stream's time between requests measured to its next kept request. Times stay measured from this trace's start.
     * Empty {@code kept} is refused.
     */
    public Trace only(java.util.BitSet kept) {
        if (kept.isEmpty()) throw new IllegalArgumentException("a trace needs at least one request");
        List<TraceRequest> chosen = new ArrayList<>();
        for (TraceRequest r : requests) if (kept.get(r.index())) chosen.add(r);
        Map<Integer, TraceRequest> nextOfStream = new HashMap<>();
        double[] gapAfter = new double[chosen.size()];
        for (int i = chosen.size() - 1; i >= 0; i--) {
            TraceRequest r = chosen.get(i);
            TraceRequest next = nextOfStream.put(r.stream(), r);
            gapAfter[i] = next == null ? 0 : Math.max(0, next.cloudStartSeconds() - r.cloudEndSeconds());
        }
        // Streams are numbered in the order of their first request, as the replay expects.
        Map<Integer, Integer> streamIds = new HashMap<>();
        List<TraceRequest> renumbered = new ArrayList<>(chosen.size());
        for (int i = 0; i < chosen.size(); i++) {
            TraceRequest r = chosen.get(i);
            int stream = streamIds.computeIfAbsent(r.stream(), k -> streamIds.size());
            renumbered.add(new TraceRequest(i, stream, r.cloudStartSeconds(), r.cloudEndSeconds(), gapAfter[i], r.newInputTokens(),
                    r.cacheWriteTokens(), r.cacheReadTokens(), r.outputTokens(), r.model(), r.usedTools(), r.recordIndex()));
        }
        return new Trace(renumbered, streamIds.size(), start, cloudSpeed, origin);
    }

    private static Instant cloudStart(UsageRecord r, CloudSpeed speed) {
        return r.timestamp().minusNanos(Math.round(speed.responseSeconds(r.tokens().outputTokens()) * 1e9));
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    public List<TraceRequest> requests() {
        return requests;
    }

    public int streams() {
        return streams;
    }

    /** When the first request was sent. */
    public Instant start() {
        return start;
    }

    public CloudSpeed cloudSpeed() {
        return cloudSpeed;
    }

    /** Seconds from the first request's start to the last answer. */
    public double spanSeconds() {
        double end = 0;
        for (TraceRequest r : requests) end = Math.max(end, r.cloudEndSeconds());
        return end;
    }

    /**
     * Seconds during which at least one stream was working: from each request's start to the next request of its
     * stream, unless the person was away in between. A rented machine must be up for these.
     */
    public double activeSeconds() {
        double[][] intervals = new double[requests.size()][];
        for (int i = 0; i < intervals.length; i++) {
            TraceRequest r = requests.get(i);
            double think = r.gapAfterSeconds() <= AWAY.toSeconds() ? r.gapAfterSeconds() : 0;
            intervals[i] = new double[]{r.cloudStartSeconds(), r.cloudEndSeconds() + think};
        }
        Arrays.sort(intervals, Comparator.comparingDouble(a -> a[0]));
        double total = 0;
        double coveredTo = Double.NEGATIVE_INFINITY;
        for (double[] interval : intervals) {
            double from = Math.max(interval[0], coveredTo);
            if (interval[1] > from) total += interval[1] - from;
            coveredTo = Math.max(coveredTo, interval[1]);
        }
        return total;
    }

    /** Days the trace covers, at least one. */
    public double days() {
        return Math.max(1, Math.ceil(spanSeconds() / 86_400));
    }
}
