package costplan.importers.internal;

import costplan.importers.ImportProblem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The times a coding-agent log can hold: not before 2023 (no such tools logged usage earlier) and not in the future
 * beyond a day of clock skew. A line outside them is skipped as an absurd date.
 *
 * @param latest the latest plausible time
 */
public record PlausibleTime(Instant latest) {
    private static final Instant EARLIEST = Instant.parse("2023-01-01T00:00:00Z");
    private static final Duration CLOCK_TOLERANCE = Duration.ofDays(1);

    /** Returns the plausible times as of {@code clock}'s now. */
    public static PlausibleTime asOf(Clock clock) {
        return new PlausibleTime(clock.instant().plus(CLOCK_TOLERANCE));
    }

    /** Checks {@code at}, read from {@code text}. */
    public void check(Instant at, String text) throws LineProblem {
        if (at.isBefore(EARLIEST) || at.isAfter(latest))
            throw new LineProblem(ImportProblem.Kind.ABSURD_DATE, "timestamp " + text
                    + " is before " + EARLIEST.toString().substring(0, 10) + " or in the future");
    }
}
