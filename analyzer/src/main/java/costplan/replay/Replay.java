package costplan.replay;

import costplan.workload.Trace;
import costplan.workload.TraceRequest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a person's trace on one local option as a discrete-event simulation. Each stream (a session's main thread
 * or its sub-agents) is a closed loop: its next request becomes ready the recorded think time after the previous
 * answer, so a slower machine stretches the session. Requests wait in one first-come queue for a free slot.
 * A request's speed is taken when it starts, from the number of requests then running.
 */
public final class Replay {
    private final Trace trace;
    private final LocalOption option;
    private final SpeedTable speeds;
    private final double maxQueueWaitSeconds;

    private final List<List<TraceRequest>> byStream = new ArrayList<>();
    private final int[] nextInStream;
    private final long[] residentTokens;
    private final long[] diskTokens;
    private final boolean[] running;
    /** Streams holding a KV cache while no request of theirs runs, least recently used first. */
    private final LruStreams idleResident;
    private final EventQueue events = new EventQueue();
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();

    private int runningCount;
    private long residentBytes;
    private double busySince;
    private double busySeconds;
    private double lastEvent;
    private int localRequests;
    private long localTokens;
    private long totalTokens;
    private long prefilled;
    private long reloaded;
    private long peakResidentBytes;
    private final Map<String, Integer> fallbacks = new LinkedHashMap<>();
    private final BitSet cloudRouted = new BitSet();
    private double[] latencies;
    private int latencyCount;
    private double localWorkSeconds;
    private double cloudWorkSeconds;

    private static final int READY = 0;
    private static final int LOCAL_DONE = 1;
    private static final int CLOUD_DONE = 2;
    private static final int QUEUE_TIMEOUT = 3;

    private static final class Waiting {
        final TraceRequest request;
        final double readyTime;
        boolean gone;

        Waiting(TraceRequest request, double readyTime) {
            this.request = request;
            this.readyTime = readyTime;
        }
    }

    private Replay(Trace trace, LocalOption option, SpeedTable speeds) {
        this.trace = trace;
        this.option = option;
        this.speeds = speeds;
        this.maxQueueWaitSeconds = option.routes().stream().filter(r -> r instanceof RouteRule.MaxQueueWait)
                .mapToDouble(r -> ((RouteRule.MaxQueueWait) r).seconds()).min().orElse(Double.POSITIVE_INFINITY);
        for (int s = 0; s < trace.streams(); s++) byStream.add(new ArrayList<>());
        for (TraceRequest r : trace.requests()) byStream.get(r.stream()).add(r);
        int streams = trace.streams();
        nextInStream = new int[streams];
        residentTokens = new long[streams];
        diskTokens = new long[streams];
        running = new boolean[streams];
        idleResident = new LruStreams(streams);
        latencies = new double[Math.min(trace.requests().size(), 1 << 16)];
    }

    /** Replays {@code trace} on {@code option} with {@code speeds} (the option's speed table). */
    public static ReplayResult run(Trace trace, LocalOption option, SpeedTable speeds) {
        if (speeds.slots() < option.slots())
            throw new IllegalArgumentException("the speed table covers " + speeds.slots() + " slots, the option has " + option.slots());
        return new Replay(trace, option, speeds).run();
    }

    private ReplayResult run() {
        // Streams are numbered in order of their first request, so each joins the event queue only when the clock
        // reaches it: the queue stays as small as the number of streams at work at once.
        int joined = 0;
        List<TraceRequest> requests = trace.requests();
        while (joined < byStream.size() || !events.isEmpty()) {
            if (joined < byStream.size()
                    && (events.isEmpty() || byStream.get(joined).get(0).cloudStartSeconds() <= events.peekTime())) {
                TraceRequest first = byStream.get(joined++).get(0);
                schedule(first.cloudStartSeconds(), READY, first, first.cloudStartSeconds());
                continue;
            }
            events.poll();
            double now = events.polledTime;
            TraceRequest request = requests.get(events.polledRequest);
            advanceClock(now);
            switch (events.polledKind) {
                case READY -> ready(request, now);
                case LOCAL_DONE -> localDone(request, events.polledReadyTime, now);
                case CLOUD_DONE -> cloudDone(request, events.polledReadyTime, now);
                case QUEUE_TIMEOUT -> queueTimeout(request, now);
                default -> throw new IllegalStateException("unknown event " + events.polledKind);
            }
        }
        return new ReplayResult(trace.requests().size(), localRequests, localTokens, totalTokens, fallbacks, cloudRouted,
                busySeconds, lastEvent, trace.days(), cloudWorkSeconds == 0 ? 1 : localWorkSeconds / cloudWorkSeconds,
                percentile(0.50), percentile(0.95), prefilled, reloaded,
                option.fixedBytes() + peakResidentBytes);
    }

    private void schedule(double time, int kind, TraceRequest request, double readyTime) {
        events.add(time, kind, request.index(), readyTime);
    }

    private void advanceClock(double now) {
        lastEvent = Math.max(lastEvent, now);
    }

    private void ready(TraceRequest r, double now) {
        totalTokens += r.promptTokens() + r.outputTokens();
        String reason = reasonForCloud(r);
        if (reason != null) {
            toCloud(r, now, now, reason);
        } else if (runningCount < option.slots()) {
            start(r, now, now);
        } else {
            queue.add(new Waiting(r, now));
            if (maxQueueWaitSeconds < Double.POSITIVE_INFINITY) schedule(now + maxQueueWaitSeconds, QUEUE_TIMEOUT, r, now);
        }
    }

    private String reasonForCloud(TraceRequest r) {
        for (RouteRule rule : option.routes()) {
            String reason = rule.reasonBeforeQueue(r);
            if (reason != null) return reason;
        }
        long tokens = r.promptTokens() + r.outputTokens();
        if (tokens > option.contextTokens()) return "longer than the model's context";
        if (option.kvBytes(tokens) > option.kvBudgetBytes()) return "KV cache does not fit in memory";
        return null;
    }

    private void toCloud(TraceRequest r, double readyTime, double now, String reason) {
        fallbacks.merge(reason, 1, Integer::sum);
        cloudRouted.set(r.index());
        schedule(now + r.cloudEndSeconds() - r.cloudStartSeconds(), CLOUD_DONE, r, readyTime);
    }

    private void cloudDone(TraceRequest r, double readyTime, double now) {
        countWork(r, now - readyTime);
        streamContinues(r, now);
    }

    private void start(TraceRequest r, double readyTime, double now) {
        int stream = r.stream();
        long tokens = r.promptTokens() + r.outputTokens();
        idleResident.remove(stream);
        makeRoom(option.kvBytes(tokens) - option.kvBytes(residentTokens[stream]));
        long reused = 0;
        double reloadSeconds = 0;
        if (option.policy() != CachePolicy.NONE) {
            if (residentTokens[stream] > 0) {
                reused = Math.min(residentTokens[stream], r.cacheReadTokens());
            } else if (option.policy() == CachePolicy.PERSISTED && diskTokens[stream] > 0) {
                reused = Math.min(diskTokens[stream], r.cacheReadTokens());
                reloadSeconds = option.kvBytes(reused) / (option.device().diskReadGBps() * 1e9);
                reloaded += reused;
            }
        }
        long toPrefill = r.promptTokens() - reused;
        prefilled += toPrefill;
        if (runningCount == 0) busySince = now;
        runningCount++;
        running[stream] = true;
        residentBytes += option.kvBytes(tokens) - option.kvBytes(residentTokens[stream]);
        residentTokens[stream] = tokens;
        peakResidentBytes = Math.max(peakResidentBytes, residentBytes);
        double serviceSeconds = reloadSeconds + speeds.prefillSeconds(reused, toPrefill, runningCount)
                + speeds.decodeSeconds(r.promptTokens(), r.outputTokens(), runningCount);
        schedule(now + serviceSeconds, LOCAL_DONE, r, readyTime);
    }

    /** Evicts idle sessions' KV caches, least recently used first, until {@code bytes} more fit. */
    private void makeRoom(long bytes) {
        while (residentBytes + bytes > option.kvBudgetBytes()) {
            int victim = idleResident.takeOldest();
            if (victim < 0) return;
            residentBytes -= option.kvBytes(residentTokens[victim]);
            if (option.policy() == CachePolicy.PERSISTED) diskTokens[victim] = residentTokens[victim];
            residentTokens[victim] = 0;
        }
    }

    private void localDone(TraceRequest r, double readyTime, double now) {
        int stream = r.stream();
        runningCount--;
        running[stream] = false;
        if (option.policy() == CachePolicy.NONE) {
            residentBytes -= option.kvBytes(residentTokens[stream]);
            residentTokens[stream] = 0;
        } else {
            idleResident.add(stream);
        }
        if (runningCount == 0) busySeconds += now - busySince;
        localRequests++;
        localTokens += r.promptTokens() + r.outputTokens();
        recordLatency(now - readyTime);
        countWork(r, now - readyTime);
        Waiting next;
        while ((next = queue.poll()) != null) {
            if (next.gone) continue;
            next.gone = true;
            start(next.request, next.readyTime, now);
            break;
        }
        streamContinues(r, now);
    }

    private void queueTimeout(TraceRequest r, double now) {
        for (Waiting w : queue) {
            if (w.request == r && !w.gone) {
                w.gone = true;
                toCloud(r, w.readyTime, now, "queue wait over limit");
                return;
            }
        }
    }

    private void countWork(TraceRequest r, double localSeconds) {
        double think = r.gapAfterSeconds() <= Trace.AWAY.toSeconds() ? r.gapAfterSeconds() : 0;
        localWorkSeconds += localSeconds + think;
        cloudWorkSeconds += r.cloudEndSeconds() - r.cloudStartSeconds() + think;
    }

    private void streamContinues(TraceRequest r, double now) {
        int stream = r.stream();
        int next = ++nextInStream[stream];
        List<TraceRequest> requests = byStream.get(stream);
        if (next >= requests.size()) return;
        TraceRequest following = requests.get(next);
        double readyAt = r.gapAfterSeconds() > Trace.AWAY.toSeconds()
                ? Math.max(now, following.cloudStartSeconds())
                : now + r.gapAfterSeconds();
        schedule(readyAt, READY, following, readyAt);
    }

    private void recordLatency(double seconds) {
        if (latencyCount == latencies.length) latencies = Arrays.copyOf(latencies, latencies.length * 2);
        latencies[latencyCount++] = seconds;
    }

    /** Nearest-rank percentile of the latencies, found by selection rather than a full sort. */
    private double percentile(double p) {
        if (latencyCount == 0) return 0;
        int rank = Math.max(0, (int) Math.ceil(p * latencyCount) - 1);
        return select(latencies, 0, latencyCount - 1, rank);
    }

    /** Returns the value that would be at {@code k} if {@code values[from..to]} were sorted (Hoare's selection). */
    private static double select(double[] values, int from, int to, int k) {
        while (from < to) {
            double pivot = values[(from + to) >>> 1];
            int i = from;
            int j = to;
            while (i <= j) {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j) {
                    double swap = values[i];
                    values[i++] = values[j];
                    values[j--] = swap;
                }
            }
            if (k <= j) to = j;
            else if (k >= i) from = i;
            else return values[k];
        }
        return values[k];
    }
}
