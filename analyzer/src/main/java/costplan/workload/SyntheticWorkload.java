package costplan.workload;

import costplan.importers.TokenCounts;
import costplan.importers.UsageRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A made-up but agentic-looking workload for questions asked before any logs exist: parallel sessions during
 * working hours, each a conversation that grows turn by turn from a boot context (instructions and code read in)
 * until it is compacted, each turn re-reading the conversation from the prompt cache.
 *
 * @param days working days
 * @param firstDay the first day (UTC)
 * @param workStartHour hour of day (UTC) the sessions start
 * @param workingHours hours the sessions run each day
 * @param parallelSessions sessions running side by side
 * @param bootContextTokens the prompt of a session's first turn
 * @param addedTokensPerTurn new prompt tokens per turn (tool results, the person's message), written to the cache
 * @param outputTokensPerTurn output tokens per turn
 * @param compactAtTokens the conversation size at which it is compacted back to the boot context
 * @param thinkSeconds mean time between an answer and the session's next request (the person's or the tools')
 * @param model the cloud model the requests went to
 * @param seed random seed; the same seed gives the same requests
 */
public record SyntheticWorkload(int days, LocalDate firstDay, int workStartHour, double workingHours, int parallelSessions,
                                long bootContextTokens, long addedTokensPerTurn, long outputTokensPerTurn,
                                long compactAtTokens, double thinkSeconds, String model, long seed) {

    public SyntheticWorkload {
        if (days < 1 || days > 3660) throw new IllegalArgumentException("days must be 1 to 3660 but was " + days);
        if (workStartHour < 0 || workStartHour > 23) throw new IllegalArgumentException("work start hour must be 0-23 but was " + workStartHour);
        if (!(workingHours > 0 && workingHours <= 24)) throw new IllegalArgumentException("working hours must be above 0 and at most 24 but was " + workingHours);
        if (parallelSessions < 1 || parallelSessions > 1000) throw new IllegalArgumentException("parallel sessions must be 1 to 1000 but was " + parallelSessions);
        if (bootContextTokens < 0 || addedTokensPerTurn < 1 || outputTokensPerTurn < 1 || compactAtTokens <= bootContextTokens)
            throw new IllegalArgumentException("token sizes must be positive and the compaction point above the boot context");
        if (!(thinkSeconds >= 0)) throw new IllegalArgumentException("think time must be >= 0 but was " + thinkSeconds);
    }

    /** The requests as the cloud would have logged them, answered at {@code cloud} speed. */
    public List<UsageRecord> records(CloudSpeed cloud) {
        Random random = new Random(seed);
        List<UsageRecord> records = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            Instant dayStart = firstDay.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(workStartHour));
            double dayEnd = workingHours * 3600;
            for (int s = 0; s < parallelSessions; s++) {
                String session = String.format("synthetic-d%03d-s%02d", day, s);
                double clock = random.nextDouble() * 300;
                long context = 0;
                int turn = 0;
                while (clock < dayEnd) {
                    long read = context;
                    long written = context == 0 ? bootContextTokens : addedTokensPerTurn;
                    long output = Math.max(1, Math.round(outputTokensPerTurn * (0.5 + random.nextDouble())));
                    double answered = clock + cloud.responseSeconds(output);
                    Instant logged = dayStart.plusNanos(Math.round(answered * 1e9));
                    records.add(UsageRecord.ofRequest("synthetic", logged, model, "/synthetic/project-" + s, session,
                            "req-" + session + "-" + turn, "msg-" + session + "-" + turn,
                            new TokenCounts(3, output, written, read), written, 0, 0, null, false, false,
                            List.of("Read"), null, null));
                    context = read + written + output;
                    if (context >= compactAtTokens) context = 0;
                    turn++;
                    clock = answered + thinkSeconds * -Math.log(1 - random.nextDouble());
                }
            }
        }
        return records;
    }
}
