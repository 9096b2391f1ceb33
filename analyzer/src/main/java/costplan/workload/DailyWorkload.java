package costplan.workload;

import costplan.importers.TokenCounts;
import costplan.importers.UsageRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A workload known only by its daily volume, as articles and price calculators state it: tokens a day, the share
 * that is output, the share of the input read from a prompt cache, spread evenly over parallel sessions and
 * working hours. Every request of a day has the same size.
 *
 * <pre>{@code
 * var haiku = new DailyWorkload(1_000_000, 0.7, 0, 1, 8, 20, 5, LocalDate.of(2026, 3, 2), 9, "claude-haiku-4-5");
 * Trace trace = Trace.of(haiku.records(CloudSpeed.TYPICAL), CloudSpeed.TYPICAL);
 * }</pre>
 *
 * @param tokensPerDay input, cache and output tokens of a working day, all sessions together
 * @param outputShare share of those tokens that are output
 * @param cacheReadShare share of the input read from the prompt cache; the rest of the input is written to the
 *                       cache when this is above 0 (as Claude Code does), otherwise sent as plain input
 * @param sessions sessions running side by side
 * @param workingHours hours the sessions run each day
 * @param requestsPerSessionHour requests each session sends per hour
 * @param days working days
 * @param firstDay the first day (UTC)
 * @param workStartHour hour of day (UTC) the sessions start
 * @param model the cloud model the requests went to
 */
public record DailyWorkload(long tokensPerDay, double outputShare, double cacheReadShare, int sessions, double workingHours,
                            double requestsPerSessionHour, int days, LocalDate firstDay, int workStartHour, String model) {

    public DailyWorkload {
        if (tokensPerDay < 1) throw new IllegalArgumentException("tokens per day must be >= 1 but was " + tokensPerDay);
        if (!(outputShare > 0 && outputShare < 1)) throw new IllegalArgumentException("the output share must be above 0 and below 1 but was " + outputShare);
        if (!(cacheReadShare >= 0 && cacheReadShare < 1)) throw new IllegalArgumentException("the cache-read share must be 0 or more and below 1 but was " + cacheReadShare);
        if (sessions < 1 || sessions > 1000) throw new IllegalArgumentException("sessions must be 1 to 1000 but was " + sessions);
        if (!(workingHours > 0 && workingHours <= 24)) throw new IllegalArgumentException("working hours must be above 0 and at most 24 but was " + workingHours);
        if (!(requestsPerSessionHour > 0 && requestsPerSessionHour <= 3600))
            throw new IllegalArgumentException("requests per session-hour must be above 0 and at most 3600 but was " + requestsPerSessionHour);
        if (days < 1 || days > 3660) throw new IllegalArgumentException("days must be 1 to 3660 but was " + days);
        if (workStartHour < 0 || workStartHour > 23) throw new IllegalArgumentException("work start hour must be 0-23 but was " + workStartHour);
    }

    /** Requests each session sends in a working day, at least one. */
    public int requestsPerSessionDay() {
        return Math.max(1, (int) Math.round(requestsPerSessionHour * workingHours));
    }

    /** The requests as the cloud would have logged them, answered at {@code cloud} speed. */
    public List<UsageRecord> records(CloudSpeed cloud) {
        int perSession = requestsPerSessionDay();
        double perRequest = (double) tokensPerDay / (sessions * perSession);
        long output = Math.max(1, Math.round(perRequest * outputShare));
        long input = Math.round(perRequest * (1 - outputShare));
        long read = Math.round(input * cacheReadShare);
        long fresh = input - read;
        long written = cacheReadShare > 0 ? fresh : 0;
        TokenCounts tokens = new TokenCounts(fresh - written, output, written, read);
        double interval = workingHours * 3600 / perSession;
        List<UsageRecord> records = new ArrayList<>(days * sessions * perSession);
        for (int day = 0; day < days; day++) {
            Instant dayStart = firstDay.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(workStartHour));
            for (int s = 0; s < sessions; s++) {
                String session = String.format("daily-d%03d-s%02d", day, s);
                for (int turn = 0; turn < perSession; turn++) {
                    double answered = turn * interval + cloud.responseSeconds(output);
                    records.add(UsageRecord.ofRequest("synthetic", dayStart.plusNanos(Math.round(answered * 1e9)), model,
                            "/synthetic/project-" + s, session, "req-" + session + "-" + turn, "msg-" + session + "-" + turn,
                            tokens, written, 0, 0, null, false, false, List.of(), null, null));
                }
            }
        }
        return records;
    }
}
