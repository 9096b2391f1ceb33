package costplan.importers.internal;

import java.time.Instant;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.format.DateTimeParseException;

/** Parses ISO-8601 timestamps, with a fast path for the {@code 2026-02-11T21:41:48.049Z} shape logs use. */
public final class IsoInstants {
    private static final long[] DAYS_BEFORE_MONTH = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

    private IsoInstants() {
    }

    /** Returns the instant, or throws {@link DateTimeParseException} for text that is not an ISO timestamp. */
    public static Instant parse(String text) {
        int n = text.length();
        if ((n == 20 || n == 24) && text.charAt(n - 1) == 'Z' && text.charAt(4) == '-' && text.charAt(7) == '-'
                && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':'
                && (n == 20 || text.charAt(19) == '.')) {
            int year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
            int hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = digits(text, 17, 2);
            int millis = n == 24 ? digits(text, 20, 3) : 0;
            if (year >= 1970 && month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).length(Year.isLeap(year))
                    && hour < 24 && minute < 60 && second < 60 && millis >= 0) {
                long days = daysSinceEpoch(year, month, day);
                return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
            }
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }

    private static long daysSinceEpoch(int year, int month, int day) {
        long y = year - 1;
        long days = 365 * y + y / 4 - y / 100 + y / 400 - 719_162;   // days from 1970-01-01 to Jan 1 of year
        return days + DAYS_BEFORE_MONTH[month - 1] + (Year.isLeap(year) && month > 2 ? 1 : 0) + day - 1;
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int d = text.charAt(i) - '0';
            if (d < 0 || d > 9) return -1_000_000;
            value = value * 10 + d;
        }
        return value;
    }
}
