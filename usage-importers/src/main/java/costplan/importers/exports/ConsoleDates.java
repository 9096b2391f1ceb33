package costplan.importers.exports;

import costplan.importers.internal.LineProblem;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the UTC date or time that starts a row of a dashboard CSV export: {@code 2026-11-02} is a day,
 * {@code 2026-11-02 14:00} an hour, {@code 2026-11-02 14:05} a minute (a drilled-in export);
 * {@code 2026-11-02 00:00:00} (OpenRouter's daily export) is a day.
 */
final class ConsoleDates {
    private ConsoleDates() {
    }

    static ExportBucket parse(String text, String field, boolean timeMeansDay) throws LineProblem {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return new ExportBucket(day.atStartOfDay(ZoneOffset.UTC).toInstant(), Duration.ofDays(1));
            }
            LocalDateTime time = LocalDateTime.parse(text.replace(' ', 'T'));
            Duration width = timeMeansDay ? Duration.ofDays(1) : time.getMinute() == 0 ? Duration.ofHours(1) : Duration.ofMinutes(1);
            return new ExportBucket(time.toInstant(ZoneOffset.UTC), width);
        } catch (DateTimeParseException e) {
            throw ExportValues.bad(field, "a UTC date like 2026-11-02 or 2026-11-02 14:00", '"' + text + '"');
        }
    }
}
