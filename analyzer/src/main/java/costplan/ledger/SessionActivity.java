package costplan.ledger;

import costplan.importers.UsageRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many sessions a person ran, how many at once and for how long: the one place these numbers are computed, so
 * that {@code analyze}, {@code plan}, the report and the notebook show the same figure under the same name.
 * <p>
 * A session is one Claude Code (or Codex) session id. Its main thread and its sub-agents are two <em>agent
 * threads</em>: sub-agents work beside the main thread, so a machine serving the session may have to answer both at
 * once. A session or thread is active from one request to its next when they are at most {@link #IDLE_GAP} apart;
 * a lone request counts as {@link #LONE_REQUEST} of activity.
 *
 * <pre>{@code
 * SessionActivity a = SessionActivity.of(ledger.records());
 * a.sessions();                  // 8
 * a.peakParallelAgentThreads();  // 3
 * }</pre>
 *
 * @param sessions session ids with at least one request
 * @param agentThreads main threads and sub-agent threads of those sessions (a session with sub-agents counts two)
 * @param peakParallelSessions the most sessions active at one moment
 * @param peakParallelAgentThreads the most main or sub-agent threads active at one moment
 * @param activeHours hours during which at least one session was active
 * @param hoursWithParallelSessions hours during which two or more sessions were active
 */
public record SessionActivity(int sessions, int agentThreads, int peakParallelSessions, int peakParallelAgentThreads,
                              double activeHours, double hoursWithParallelSessions) {

    /** Two requests of a session further apart than this are two stretches of activity. */
    public static final Duration IDLE_GAP = Duration.ofMinutes(15);
    /** The activity a request alone in its stretch counts for. */
    public static final Duration LONE_REQUEST = Duration.ofMinutes(1);

    /** No session at all. */
    public static final SessionActivity NONE = new SessionActivity(0, 0, 0, 0, 0, 0);

    /**
     * Returns the activity of {@code records} in time order; records of aggregated exports and records without a
     * session are left out, since they name no session.
     */
    public static SessionActivity of(List<UsageRecord> records) {
        Map<String, Session> open = new HashMap<>();
        Spans sessions = new Spans(records.size());
        Spans threads = new Spans(records.size());
        int agentThreads = 0;
        for (UsageRecord r : records) {
            if (r.aggregated() || r.sessionId().equals(UsageRecord.NO_SESSION)) continue;
            Session s = open.computeIfAbsent(r.sessionId(), k -> new Session());
            Instant at = r.timestamp();
            sessions.extend(s.whole, at);
            long[] thread = r.subAgent() ? s.subAgents : s.main;
            if (thread[0] == Long.MIN_VALUE) agentThreads++;
            threads.extend(thread, at);
        }
        for (Session s : open.values()) {
            sessions.close(s.whole);
            threads.close(s.main);
            threads.close(s.subAgents);
        }
        Spans.Counts bySession = sessions.count();
        Spans.Counts byThread = threads.count();
        return new SessionActivity(open.size(), agentThreads, bySession.peak(), byThread.peak(),
                bySession.activeSeconds() / 3600.0, bySession.parallelSeconds() / 3600.0);
    }

    /**
     * Returns the counts in words: "8 sessions (11 agent threads, main and sub-agent), at most 2 sessions and 5
     * agent threads at once".
     */
    public String describe() {
        return plural(sessions, "session") + " (" + plural(agentThreads, "agent thread")
                + ", main and sub-agent), at most " + plural(peakParallelSessions, "session") + " and "
                + plural(peakParallelAgentThreads, "agent thread") + " at once";
    }

    private static String plural(int n, String noun) {
        return String.format(java.util.Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** The open stretch of a session as a whole, of its main thread and of its sub-agents: {start, end} in epoch seconds. */
    private static final class Session {
        final long[] whole = {Long.MIN_VALUE, Long.MIN_VALUE};
        final long[] main = {Long.MIN_VALUE, Long.MIN_VALUE};
        final long[] subAgents = {Long.MIN_VALUE, Long.MIN_VALUE};
    }

    /** Stretches of activity as start and end events, counted at the end. */
    private static final class Spans {
        record Counts(int peak, long activeSeconds, long parallelSeconds) {
        }

        private long[] events;
        private int count;

        Spans(int expectedRecords) {
            events = new long[Math.max(16, Math.min(expectedRecords, 1 << 16))];
        }

        /** Extends {@code span} to {@code at}, or closes it and opens a new one after an idle gap. */
        void extend(long[] span, Instant at) {
            long second = at.getEpochSecond();
            if (span[0] == Long.MIN_VALUE) {
                span[0] = second;
            } else if (second - span[1] > IDLE_GAP.toSeconds()) {
                close(span);
                span[0] = second;
            }
            span[1] = second;
        }

        /**
         * Adds a stretch's start and end as events: twice the epoch second, plus one for a start, so that sorting
         * puts an end before a start in the same second.
         */
        void close(long[] span) {
            if (span[0] == Long.MIN_VALUE) return;
            long stop = span[1] == span[0] ? span[0] + LONE_REQUEST.toSeconds() : span[1];
            if (count + 2 > events.length) events = Arrays.copyOf(events, events.length * 2);
            events[count++] = 2 * span[0] + 1;
            events[count++] = 2 * stop;
        }

        Counts count() {
            Arrays.sort(events, 0, count);
            int active = 0, peak = 0;
            long parallel = 0, anyActive = 0, last = 0;
            for (int i = 0; i < count; i++) {
                long second = events[i] >> 1;
                long elapsed = second - last;
                if (active >= 1) anyActive += elapsed;
                if (active >= 2) parallel += elapsed;
                active += (events[i] & 1) == 1 ? 1 : -1;
                peak = Math.max(peak, active);
                last = second;
            }
            return new Counts(peak, anyActive, parallel);
        }
    }
}
