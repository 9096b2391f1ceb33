package costplan.plan;

import costplan.pricing.UsageLimits;
import costplan.workload.Trace;
import costplan.workload.TraceRequest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Estimates which of a person's requests a Claude subscription would have served within its limits, from the
 * hours Anthropic publishes (it publishes no token figures). Each request counts the agent-thread time it kept a
 * session busy: its answer plus the person's or tool's time until the thread's next request, unless they were away
 * ({@link Trace#AWAY}); parallel threads each count their own time. In time order, a request that would take
 * <ul>
 * <li>its 5-hour window (opened by the first request after the previous window closed) past 5 hours times the
 * plan's session multiple, or past the messages the plan allows a window (a prompt of the person's: a thread's first
 * request, or one after an answer that called no tool; the requests that carry on after a tool call do not count;
 * applied only to traces that record tool calls, since only they tell prompts apart), both doubled for windows from
 * {@link #WINDOWS_DOUBLED} on, or</li>
 * <li>its week (Monday to Sunday in the plan's zone) past the low end of the weekly guidance, or an Opus request
 * past the weekly Opus guidance,</li>
 * </ul>
 * is over the limit, billed as extra usage at its API price, and so is every later request of that window (or of
 * that week, or every later Opus request of that week): a limit reached stays reached until it resets. Requests to
 * models other than Claude are not covered by the subscription and are billed at their API price.
 */
final class LimitsEstimate {
    /** Claude Code's 5-hour limits were doubled for Pro and Max on this day (the weekly ones were not). */
    static final LocalDate WINDOWS_DOUBLED = LocalDate.of(2026, 5, 6);
    static final double WINDOW_HOURS = 5;
    /** Sums of many small hours carry rounding; a total this close to a limit is within it. */
    private static final double EPSILON_HOURS = 1e-9;

    private LimitsEstimate() {
    }

    /**
     * How the trace fits the limits.
     *
     * @param weeks weeks (Monday to Sunday) the trace touches
     * @param weeksOverLimit weeks with at least one request over a limit
     * @param extraUsageUsd API cost of the requests over a limit, over the whole trace
     * @param notCoveredUsd API cost of the requests to models the plan does not serve, over the whole trace
     * @param overLimit trace indices of the requests over a limit
     */
    record Fit(int weeks, int weeksOverLimit, double extraUsageUsd, double notCoveredUsd, BitSet overLimit) {
    }

    static Fit of(UsageLimits limits, Trace trace, double[] costs, ZoneId zone) {
        BitSet over = new BitSet();
        LocalDate firstMonday = null;
        int lastWeek = -1;
        double weekHours = 0, weekOpusHours = 0, windowHours = 0;
        double windowStart = Double.NEGATIVE_INFINITY;
        double windowCap = 0;
        int windowPrompts = 0, promptCap = Integer.MAX_VALUE;
        Map<Integer, Boolean> lastUsedTools = new HashMap<>();
        boolean promptsKnown = trace.requests().stream().anyMatch(TraceRequest::usedTools);
        boolean windowReached = false, weekReached = false, opusWeekReached = false;
        double extra = 0, notCovered = 0;
        int weeks = 0;
        BitSet weeksOver = new BitSet();
        for (TraceRequest r : trace.requests()) {
            Instant at = trace.start().plusNanos(Math.round(r.cloudStartSeconds() * 1e9));
            LocalDate day = at.atZone(zone).toLocalDate();
            if (firstMonday == null) firstMonday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            int week = (int) (ChronoUnit.DAYS.between(firstMonday, day) / 7);
            weeks = week + 1;
            if (!r.model().startsWith("claude")) {
                notCovered += costs[r.index()];
                continue;
            }
            if (week != lastWeek) {
                lastWeek = week;
                weekHours = 0;
                weekOpusHours = 0;
                weekReached = false;
                opusWeekReached = false;
            }
            if (r.cloudStartSeconds() >= windowStart + WINDOW_HOURS * 3600) {
                windowStart = r.cloudStartSeconds();
                windowHours = 0;
                windowPrompts = 0;
                windowReached = false;
                boolean doubled = !at.atZone(ZoneOffset.UTC).toLocalDate().isBefore(WINDOWS_DOUBLED);
                windowCap = WINDOW_HOURS * limits.sessionMultiple() * (doubled ? 2 : 1);
                promptCap = limits.promptsPerWindow() == null || !promptsKnown ? Integer.MAX_VALUE
                        : limits.promptsPerWindow() * (doubled ? 2 : 1);
            }
            double hours = threadHours(r);
            int prompt = Boolean.TRUE.equals(lastUsedTools.put(r.stream(), r.usedTools())) ? 0 : 1;
            boolean opus = r.model().contains("opus");
            windowReached |= windowHours + hours > windowCap + EPSILON_HOURS || windowPrompts + prompt > promptCap;
            weekReached |= weekHours + hours > limits.weeklyHoursLow() + EPSILON_HOURS;
            if (opus && limits.weeklyOpusHoursLow() != null)
                opusWeekReached |= weekOpusHours + hours > limits.weeklyOpusHoursLow() + EPSILON_HOURS;
            if (!windowReached && !weekReached && !(opus && opusWeekReached)) {
                windowHours += hours;
                windowPrompts += prompt;
                weekHours += hours;
                if (opus) weekOpusHours += hours;
            } else {
                over.set(r.index());
                weeksOver.set(week);
                extra += costs[r.index()];
            }
        }
        return new Fit(weeks, weeksOver.cardinality(), extra, notCovered, over);
    }

    /** Hours a request kept its thread busy: the answer and the time until the thread's next request. */
    static double threadHours(TraceRequest r) {
        double think = r.gapAfterSeconds() <= Trace.AWAY.toSeconds() ? r.gapAfterSeconds() : 0;
        return (r.cloudEndSeconds() - r.cloudStartSeconds() + think) / 3600;
    }
}
