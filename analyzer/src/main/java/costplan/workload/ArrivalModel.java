package costplan.workload;

import costplan.importers.CostplanException;
import costplan.importers.TokenCounts;
import costplan.importers.UsageRecord;
import costplan.importers.Usd;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Stands in for the requests behind the rows of an aggregated export (a day or an hour of one model's tokens),
 * which name no request: each row becomes its reported number of requests, or its tokens over
 * {@code tokensPerRequest} when it reports none, arriving at random (seeded, so the same seed gives the same
 * requests) within the working hours of a daily row or within a shorter row, in as many parallel sessions as
 * {@code requestsPerSessionHour} needs. The row's tokens of each kind and its cost are shared out exactly. This is
 * an estimate of a workload, not a replay of one, and the plan says so.
 *
 * <pre>{@code
 * ArrivalModel.Expansion e = ArrivalModel.DEFAULTS.expand(exportRows, ledger::costOf, ZoneId.of("Europe/Paris"), CloudSpeed.TYPICAL);
 * Trace trace = Trace.of(e.records(), CloudSpeed.TYPICAL);
 * }</pre>
 *
 * @param workStartHour the hour of the day (in the ledger's zone) a daily row's work starts
 * @param workingHours the hours a daily row's requests are spread over
 * @param tokensPerRequest the tokens of a request (prompt and output) when a row reports no request count
 * @param requestsPerSessionHour the requests one session sends in an hour, which sets the number of sessions
 * @param seed the seed of the arrival times
 */
public record ArrivalModel(int workStartHour, double workingHours, long tokensPerRequest, double requestsPerSessionHour,
                           long seed) {
    /** 09:00 to 17:00, 50,000 tokens a request (a coding agent's typical prompt), a request a minute per session. */
    /** The most requests an expansion may make. */
    public static final int MAX_REQUESTS = 1_000_000;

    public static final ArrivalModel DEFAULTS = new ArrivalModel(9, 8, 50_000, 60, 1);

    public ArrivalModel {
        if (workStartHour < 0 || workStartHour > 23) throw new IllegalArgumentException("the work start hour must be 0-23 but was " + workStartHour);
        if (!(workingHours > 0 && workStartHour + workingHours <= 24))
            throw new IllegalArgumentException("working hours must be above 0 and end by midnight but were " + workingHours
                    + " from " + workStartHour + ":00");
        if (tokensPerRequest < 1) throw new IllegalArgumentException("tokens per request must be >= 1 but were " + tokensPerRequest);
        if (!(requestsPerSessionHour > 0 && requestsPerSessionHour <= 3600))
            throw new IllegalArgumentException("requests per session-hour must be above 0 and at most 3600 but were "
                    + requestsPerSessionHour);
    }

    /** Returns this model with another seed. */
    public ArrivalModel withSeed(long newSeed) {
        return new ArrivalModel(workStartHour, workingHours, tokensPerRequest, requestsPerSessionHour, newSeed);
    }

    /**
     * The requests standing in for aggregated rows.
     *
     * @param records the synthetic requests, in time order
     * @param costs the share of its row's cost each request carries (by identity), absent for an unpriced row
     * @param buckets the rows expanded
     * @param reportedRequests requests the rows reported
     * @param estimatedRequests requests estimated from the tokens of rows that report none
     */
    public record Expansion(List<UsageRecord> records, Map<UsageRecord, Usd> costs, int buckets,
                            long reportedRequests, long estimatedRequests) {
    }

    /**
     * Expands {@code rows} (aggregated records) into requests answered at {@code cloud} speed; {@code costOf} gives
     * a row's computed cost, {@code zone} the zone of the working hours.
     */
    public Expansion expand(List<UsageRecord> rows, Function<UsageRecord, Optional<Usd>> costOf, ZoneId zone, CloudSpeed cloud) {
        checkRequestsFit(rows);
        List<UsageRecord> out = new ArrayList<>();
        Map<UsageRecord, Usd> costs = new IdentityHashMap<>();
        long reported = 0, estimated = 0;
        for (int b = 0; b < rows.size(); b++) {
            UsageRecord row = rows.get(b);
            if (!row.aggregated()) throw new IllegalArgumentException("only aggregated rows are expanded, not " + row);
            TokenCounts t = row.tokens();
            if (t.totalTokens() == 0) continue;   // a cost-only row: no work to place
            long n = requestsOf(row, tokensPerRequest);
            if (row.requestCount() > 0) reported += n;
            else estimated += n;
            Instant from = windowStart(row, zone);
            double seconds = windowSeconds(row);
            double[] arrivals = arrivals((int) n, seconds, new SplittableRandom(seed * 1_000_003 + b));
            int sessions = (int) Math.max(1, Math.ceil(n / (requestsPerSessionHour * seconds / 3600)));
            Optional<Usd> rowCost = costOf.apply(row);
            for (int i = 0; i < n; i++) {
                TokenCounts share = new TokenCounts(part(t.inputTokens(), n, i), part(t.outputTokens(), n, i),
                        part(t.cacheCreationTokens(), n, i), part(t.cacheReadTokens(), n, i));
                long write5m = part(row.cacheCreation5mTokens(), n, i), write1h = part(row.cacheCreation1hTokens(), n, i);
                Instant answered = from.plusNanos(Math.round((arrivals[i] + cloud.responseSeconds(share.outputTokens())) * 1e9));
                UsageRecord request = UsageRecord.ofRequest(row.source(), answered, row.model(), row.project(),
                        "arrival-" + b + "-" + (i % sessions), null, null, share, write5m, write1h,
                        (int) part(row.webSearchRequests(), n, i), row.serviceTier(), row.fast(), false, List.of(), null, null);
                out.add(request);
                rowCost.ifPresent(c -> costs.put(request, share(c, share.totalTokens(), t.totalTokens())));
            }
        }
        out.sort(Comparator.comparing(UsageRecord::timestamp));
        return new Expansion(out, costs, rows.size(), reported, estimated);
    }

    /** Returns the requests a row stands for: those it reports, else its tokens over {@code tokensPerRequest}. */
    private static long requestsOf(UsageRecord row, long tokensPerRequest) {
        long tokens = row.tokens().totalTokens();
        if (tokens == 0) return 0;
        return row.requestCount() > 0 ? row.requestCount() : Math.max(1, Math.round((double) tokens / tokensPerRequest));
    }

    private static long requestsOf(List<UsageRecord> rows, long tokensPerRequest) {
        long total = 0;
        for (UsageRecord row : rows) total = Math.min(Long.MAX_VALUE / 2, total + requestsOf(row, tokensPerRequest));
        return total;
    }

    /**
     * Refuses, before any request is made, an expansion of more than {@link #MAX_REQUESTS}: every synthetic request is
     * kept in memory with its share of the cost, so a small {@link #tokensPerRequest} on large exports could fill any
     * heap.
     *
     * @throws CostplanException of bad usage, naming the smallest tokens per request that fits
     */
    private void checkRequestsFit(List<UsageRecord> rows) {
        long total = requestsOf(rows, tokensPerRequest);
        if (total <= MAX_REQUESTS) return;
        String message = String.format(Locale.ROOT, "the exports would stand for %,d requests at %,d tokens per request"
                + " (--request-tokens); at most %,d can be replayed", total, tokensPerRequest, MAX_REQUESTS);
        // Fewer tokens per request never make fewer requests, so the smallest that fits is found by bisection.
        long largest = Long.MAX_VALUE / 4, tooFew = tokensPerRequest, enough = tokensPerRequest * 2;
        while (enough < largest && requestsOf(rows, enough) > MAX_REQUESTS) enough *= 2;
        while (enough < largest && enough - tooFew > 1) {
            long middle = tooFew + (enough - tooFew) / 2;
            if (requestsOf(rows, middle) > MAX_REQUESTS) tooFew = middle;
            else enough = middle;
        }
        throw CostplanException.badUsage(message + (enough < largest
                ? String.format(Locale.ROOT, ": give --request-tokens %,d or more", enough)
                : ": the requests the exports report are already too many; plan a shorter period (--since, --until)"));
    }

    private Instant windowStart(UsageRecord row, ZoneId zone) {
        if (row.aggregation().width().compareTo(Duration.ofDays(1)) < 0) return row.timestamp();
        return row.timestamp().atZone(zone).toLocalDate().atTime(workStartHour, 0).atZone(zone).toInstant();
    }

    private double windowSeconds(UsageRecord row) {
        double width = row.aggregation().width().toNanos() / 1e9;
        return width < 86_400 ? width : Math.min(width, workingHours * 3600);
    }

    /** Returns {@code n} sorted uniform times in {@code [0, seconds)}: a Poisson process that brought {@code n} arrivals. */
    private static double[] arrivals(int n, double seconds, SplittableRandom random) {
        double[] at = new double[n];
        for (int i = 0; i < n; i++) at[i] = random.nextDouble() * seconds;
        Arrays.sort(at);
        return at;
    }

    /** Returns the {@code i}-th of {@code n} parts of {@code total}: the parts differ by at most one and sum to it. */
    static long part(long total, long n, long i) {
        return total / n + (i < total % n ? 1 : 0);
    }

    private static Usd share(Usd cost, long tokens, long ofTokens) {
        return new Usd(cost.amount().multiply(BigDecimal.valueOf(tokens))
                .divide(BigDecimal.valueOf(ofTokens), 12, RoundingMode.HALF_EVEN));
    }
}
