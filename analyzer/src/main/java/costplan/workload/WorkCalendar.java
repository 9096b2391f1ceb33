package costplan.workload;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When the person worked, from the logs: the one place a plan's calendar is computed, so that the text, the JSON and
 * the report project a month the same way. The span runs from the first to the last day with a request (both
 * counted, in the plan's time zone); a month is {@link #DAYS_PER_MONTH} days of that span, so a month holds
 * {@code activeDays / spanDays} of its days as active days and as many active hours in proportion.
 * <p>
 * A <em>stretch of work</em> runs from a request to the last answer before the next pause longer than the idle gap:
 * what an on-demand rental is started for.
 *
 * <pre>{@code
 * WorkCalendar c = WorkCalendar.of(trace, ZoneId.of("Europe/Paris"), activity.activeHours(), Duration.ofMinutes(15));
 * c.describe();   // "your 26 days had 18 active days (...); a month is projected as 21 active days and 168 active hours"
 * }</pre>
 *
 * @param firstDay the first day with a request
 * @param spanDays days from the first to the last day with a request, both counted
 * @param activeDays days with at least one request
 * @param weeks weeks (Monday to Sunday) the span touches
 * @param activeHours hours during which at least one session was active (from the session activity)
 * @param idleGap the pause that ends a stretch of work
 * @param stretchSeconds the length of each stretch of work, first request sent to last answer, in time order
 */
public record WorkCalendar(LocalDate firstDay, int spanDays, int activeDays, int weeks, double activeHours,
                           Duration idleGap, List<Double> stretchSeconds) {
    /** Days in an average month (365.25 / 12): the unit every monthly figure is projected to. */
    public static final double DAYS_PER_MONTH = 365.25 / 12;

    public WorkCalendar {
        if (spanDays < 1 || activeDays < 1 || activeDays > spanDays)
            throw new IllegalArgumentException("expected 1 <= active days <= span days but were " + activeDays + " and " + spanDays);
        stretchSeconds = List.copyOf(stretchSeconds);
    }

    /**
     * Returns the calendar of {@code trace} in {@code zone}, whose sessions were active {@code activeHours}, with
     * stretches of work ended by pauses longer than {@code idleGap}.
     */
    public static WorkCalendar of(Trace trace, ZoneId zone, double activeHours, Duration idleGap) {
        Set<LocalDate> days = new HashSet<>();
        LocalDate first = null;
        LocalDate last = null;
        List<Double> stretches = new ArrayList<>();
        double stretchStart = Double.NaN;
        double stretchEnd = Double.NaN;
        for (TraceRequest r : trace.requests()) {
            LocalDate day = trace.start().plusNanos(Math.round(r.cloudEndSeconds() * 1e9)).atZone(zone).toLocalDate();
            days.add(day);
            if (first == null || day.isBefore(first)) first = day;
            if (last == null || day.isAfter(last)) last = day;
            if (Double.isNaN(stretchStart)) {
                stretchStart = r.cloudStartSeconds();
                stretchEnd = r.cloudEndSeconds();
            } else if (r.cloudStartSeconds() - stretchEnd > idleGap.toSeconds()) {
                stretches.add(stretchEnd - stretchStart);
                stretchStart = r.cloudStartSeconds();
                stretchEnd = r.cloudEndSeconds();
            } else {
                stretchEnd = Math.max(stretchEnd, r.cloudEndSeconds());
            }
        }
        if (first == null) throw new IllegalArgumentException("a calendar needs at least one request");
        stretches.add(stretchEnd - stretchStart);
        int span = (int) ChronoUnit.DAYS.between(first, last) + 1;
        LocalDate firstMonday = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int weeks = (int) (ChronoUnit.DAYS.between(firstMonday, last) / 7) + 1;
        return new WorkCalendar(first, span, days.size(), weeks, activeHours, idleGap, stretches);
    }

    /** Active days in an average week of the span. */
    public double activeDaysPerWeek() {
        return activeDays * 7.0 / spanDays;
    }

    /** Active hours on an average active day. */
    public double hoursPerActiveDay() {
        return activeHours / activeDays;
    }

    /** Active days in a month projected from the span. */
    public double activeDaysPerMonth() {
        return perMonth(activeDays);
    }

    /** Active hours in a month projected from the span. */
    public double activeHoursPerMonth() {
        return perMonth(activeHours);
    }

    /** Stretches of work in a month projected from the span. */
    public double stretchesPerMonth() {
        return perMonth(stretchSeconds.size());
    }

    /** Returns {@code overSpan}, an amount over the whole span, as the amount of an average month. */
    public double perMonth(double overSpan) {
        return overSpan / spanDays * DAYS_PER_MONTH;
    }

    /**
     * Returns how a month is projected: "your 26 days had 18 active days (4.8 a week, 8.0 active hours each); a month
     * is projected as 21 active days and 168 active hours".
     */
    public String describe() {
        double perDay = hoursPerActiveDay();
        String each = perDay < 1 ? String.format(Locale.ROOT, "%.0f active minutes each", perDay * 60)
                : String.format(Locale.ROOT, "%.1f active hours each", perDay);
        double perMonth = activeHoursPerMonth();
        return String.format(Locale.ROOT, "your %s had %s (%.1f a week, %s); a month is projected as %.0f active days and "
                        + (perMonth < 10 ? "%.1f" : "%.0f") + " active hours", plural(spanDays, "day"),
                plural(activeDays, "active day"), activeDaysPerWeek(), each, activeDaysPerMonth(), perMonth);
    }

    private static String plural(int n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
