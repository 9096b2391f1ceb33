package costplan.ledger;

import costplan.importers.TokenCounts;
import costplan.importers.Usd;
import costplan.importers.UsageRecord;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The requests of an import with their computed costs, seen in one time zone: totals, groupings by day, week,
 * month, session, project, model, 5-hour block and source, and a Tablesaw table for further slicing.
 *
 * <pre>{@code
 * UsageLedger ledger = UsageLedger.of(records, PriceBook.bundled(), ZoneId.of("Europe/Paris"));
 * ledger.total().computedCost();
 * ledger.groupBy(Grouping.DAY).forEach(System.out::println);
 * }</pre>
 */
public final class UsageLedger {
    /** A 5-hour block, as Claude's usage windows last. */
    public static final java.time.Duration BLOCK_LENGTH = java.time.Duration.ofHours(5);
    private static final DateTimeFormatter BLOCK_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");
    private static final String[] NUMBERS = {"inputTokens", "outputTokens", "cacheCreationTokens", "cacheReadTokens",
            "cacheCreation5mTokens", "cacheCreation1hTokens", "webSearchRequests", "subAgent", "fast"};

    private final List<UsageRecord> records;
    private final List<Optional<Usd>> costs;
    private final ZoneId zone;
    private Table table;
    // A ledger never changes, so what is computed from it is kept: analyze asks for the totals and the days
    // several times, and each pass over a million requests costs a noticeable part of a run.
    private volatile long[] epochDays;
    private volatile UsageGroup total;
    private final Map<Grouping, List<UsageGroup>> groups = new ConcurrentHashMap<>();

    private UsageLedger(List<UsageRecord> records, List<Optional<Usd>> costs, ZoneId zone) {
        this.records = records;
        this.costs = costs;
        this.zone = zone;
    }

    /** Returns a ledger of {@code records}, each priced once by {@code pricer}, grouped by day in {@code zone}. */
    public static UsageLedger of(Collection<UsageRecord> records, RequestPricer pricer, ZoneId zone) {
        UsageRecord[] priced = records.toArray(UsageRecord[]::new);
        @SuppressWarnings("unchecked")
        Optional<Usd>[] costs = new Optional[priced.length];
        // One pass prices the requests and checks their order: an import hands them over in time order, records
        // of several sources put together are not, and each pass over every request costs a noticeable time.
        boolean inTimeOrder = true;
        for (int i = 0; i < priced.length; i++) {
            costs[i] = pricer.costOf(priced[i]);
            if (i > 0 && priced[i].timestamp().isBefore(priced[i - 1].timestamp())) inTimeOrder = false;
        }
        if (!inTimeOrder) {
            Integer[] order = new Integer[priced.length];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.comparing(i -> priced[i].timestamp()));
            UsageRecord[] unsorted = priced.clone();
            Optional<Usd>[] unsortedCosts = costs.clone();
            for (int i = 0; i < order.length; i++) {
                priced[i] = unsorted[order[i]];
                costs[i] = unsortedCosts[order[i]];
            }
        }
        return new UsageLedger(List.of(priced), List.of(costs), zone);
    }

    /** Returns the requests, in time order. */
    public List<UsageRecord> records() {
        return records;
    }

    /** Returns the time zone days, weeks and months are cut in. */
    public ZoneId zone() {
        return zone;
    }

    /** Returns the computed cost of the request at {@code index} of {@link #records()}, empty when unpriced. */
    public Optional<Usd> costOf(int index) {
        return costs.get(index);
    }

    /** Returns a ledger with only the requests {@code filter} keeps. */
    public UsageLedger filter(LedgerFilter filter) {
        if (filter.equals(LedgerFilter.ALL)) return this;
        long[] days = epochDays();
        List<UsageRecord> kept = new ArrayList<>();
        List<Optional<Usd>> keptCosts = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            UsageRecord r = records.get(i);
            if (filter.keepsDay(LocalDate.ofEpochDay(days[i])) && filter.keepsProject(r.project()) && filter.keepsModel(r.model())) {
                kept.add(r);
                keptCosts.add(costs.get(i));
            }
        }
        return new UsageLedger(List.copyOf(kept), List.copyOf(keptCosts), zone);
    }

    /** Returns the same requests with each project named by {@code rename} (an alias under --redact), costs kept. */
    public UsageLedger withProjects(UnaryOperator<String> rename) {
        return new UsageLedger(records.stream().map(r -> r.withProject(rename.apply(r.project()))).toList(), costs, zone);
    }

    /** Returns the same requests seen in another time zone. */
    public UsageLedger inZone(ZoneId other) {
        return new UsageLedger(records, costs, other);
    }

    /** Returns the totals of the whole ledger, with a per-model breakdown. */
    public UsageGroup total() {
        UsageGroup result = total;
        if (result == null) {
            // The sum of the days: they are needed anyway, and adding up a few hundred days beats another pass over
            // every request.
            GroupTotals totals = new GroupTotals("total", true);
            for (UsageGroup day : groupBy(Grouping.DAY)) totals.add(day);
            total = result = totals.toGroup();
        }
        return result;
    }

    /** Returns the groups of {@code grouping}, in key order, each with its per-model breakdown (but models). */
    public List<UsageGroup> groupBy(Grouping grouping) {
        return groups.computeIfAbsent(grouping, this::computeGroups);
    }

    private List<UsageGroup> computeGroups(Grouping grouping) {
        List<String> keys = keys(grouping);
        Map<String, GroupTotals> groups = new TreeMap<>();
        String lastKey = null;
        GroupTotals last = null;
        for (int i = 0; i < records.size(); i++) {
            String key = keys.get(i);
            // Records are in time order, so a calendar key repeats for long runs: look it up once per run.
            if (!key.equals(lastKey)) {
                last = groups.computeIfAbsent(key, k -> new GroupTotals(k, grouping != Grouping.MODEL));
                lastKey = key;
            }
            last.add(records.get(i), costs.get(i));
        }
        return groups.values().stream().map(GroupTotals::toGroup).toList();
    }

    /** Returns each request's key under {@code grouping}, in record order. */
    private List<String> keys(Grouping grouping) {
        List<String> keys = new ArrayList<>(records.size());
        switch (grouping) {
            case DAY, WEEK, MONTH -> {
                // Records are in time order, so a day repeats for long runs: its label is looked up once per run.
                Map<Long, String> labels = new HashMap<>();
                long lastDay = Long.MIN_VALUE;
                String label = null;
                for (long day : epochDays()) {
                    if (day != lastDay) {
                        label = labels.computeIfAbsent(day, d -> calendarKey(grouping, LocalDate.ofEpochDay(d)));
                        lastDay = day;
                    }
                    keys.add(label);
                }
            }
            case BLOCK -> {
                Map<Instant, String> labels = new HashMap<>();
                for (Instant start : blockStarts())
                    keys.add(labels.computeIfAbsent(start, s -> BLOCK_FORMAT.format(s.atZone(zone))));
            }
            case SESSION -> records.forEach(r -> keys.add(r.sessionId()));
            case PROJECT -> records.forEach(r -> keys.add(r.project()));
            case MODEL -> records.forEach(r -> keys.add(r.model()));
            case SOURCE -> records.forEach(r -> keys.add(r.source()));
        }
        return keys;
    }

    private static String calendarKey(Grouping grouping, LocalDate day) {
        return switch (grouping) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
            case MONTH -> day.toString().substring(0, 7);
            default -> day.toString();
        };
    }

    /**
     * Returns a Tablesaw table with one row per request, for slicing beyond the built-in groupings: its time,
     * its key under every {@link Grouping} (day, week starting Monday, month, block, session, project, model, source),
     * its token counts, and its computed and stated cost in dollars (doubles; NaN when there is none).
     */
    public Table table() {
        if (table == null) table = buildTable();
        return table.copy();
    }

    /**
     * Returns the groups of {@code grouping} as a Tablesaw table, one row per group in key order: the key, requests,
     * tokens of each kind and in all, the cache-hit rate, the computed cost in dollars (a double), the requests
     * without a price, and the models used.
     */
    public Table tableBy(Grouping grouping) {
        List<UsageGroup> rows = groupBy(grouping);
        Table t = Table.create(grouping.jsonArrayName(), StringColumn.create(grouping.jsonKeyName(),
                rows.stream().map(UsageGroup::key).toList()));
        t.addColumns(LongColumn.create("requests", rows.stream().mapToLong(UsageGroup::requests).toArray()),
                LongColumn.create("inputTokens", rows.stream().mapToLong(g -> g.tokens().inputTokens()).toArray()),
                LongColumn.create("outputTokens", rows.stream().mapToLong(g -> g.tokens().outputTokens()).toArray()),
                LongColumn.create("cacheCreationTokens", rows.stream().mapToLong(g -> g.tokens().cacheCreationTokens()).toArray()),
                LongColumn.create("cacheReadTokens", rows.stream().mapToLong(g -> g.tokens().cacheReadTokens()).toArray()),
                LongColumn.create("totalTokens", rows.stream().mapToLong(g -> g.tokens().totalTokens()).toArray()),
                DoubleColumn.create("cacheHitRate", rows.stream().mapToDouble(UsageGroup::cacheHitRate).toArray()),
                DoubleColumn.create("cost", rows.stream().mapToDouble(g -> g.computedCost().toDouble()).toArray()),
                LongColumn.create("unpricedRequests", rows.stream().mapToLong(UsageGroup::unpricedRequests).toArray()),
                StringColumn.create("models", rows.stream().map(g -> String.join(", ", g.models())).toList()));
        return t;
    }

    private Table buildTable() {
        int n = records.size();
        long[][] numbers = new long[NUMBERS.length][n];
        double[] cost = new double[n];
        double[] reportedCost = new double[n];
        for (int i = 0; i < n; i++) {
            UsageRecord r = records.get(i);
            TokenCounts t = r.tokens();
            long[] values = {t.inputTokens(), t.outputTokens(), t.cacheCreationTokens(), t.cacheReadTokens(),
                    r.cacheCreation5mTokens(), r.cacheCreation1hTokens(), r.webSearchRequests(),
                    r.subAgent() ? 1 : 0, r.fast() ? 1 : 0};
            for (int c = 0; c < values.length; c++) numbers[c][i] = values[c];
            cost[i] = costs.get(i).map(Usd::toDouble).orElse(Double.NaN);
            reportedCost[i] = r.reportedCostUsd() == null ? Double.NaN : r.reportedCostUsd().toDouble();
        }
        Table t = Table.create("usage", InstantColumn.create("timestamp",
                records.stream().map(UsageRecord::timestamp).toList()));
        for (Grouping g : Grouping.values()) t.addColumns(StringColumn.create(g.cliName(), keys(g)));
        for (int c = 0; c < NUMBERS.length; c++) t.addColumns(LongColumn.create(NUMBERS[c], numbers[c]));
        t.addColumns(DoubleColumn.create("cost", cost), DoubleColumn.create("reportedCost", reportedCost));
        return t;
    }

    /**
     * Returns each request's 5-hour block start: a block starts at a request's time floored to the hour (UTC)
     * and takes every later request until one comes more than 5 hours after the block start or after the
     * previous request.
     */
    public List<Instant> blockStarts() {
        List<Instant> starts = new ArrayList<>(records.size());
        Instant start = null;
        Instant previous = null;
        for (UsageRecord r : records) {
            Instant at = r.timestamp();
            if (start == null || at.isAfter(start.plus(BLOCK_LENGTH)) || at.isAfter(previous.plus(BLOCK_LENGTH)))
                start = at.truncatedTo(ChronoUnit.HOURS);
            starts.add(start);
            previous = at;
        }
        return starts;
    }

    /** Returns each request's day in this ledger's zone, as days since 1970-01-01, in record order. */
    private long[] epochDays() {
        long[] days = epochDays;
        if (days == null) {
            ZoneRules rules = zone.getRules();
            days = new long[records.size()];
            for (int i = 0; i < days.length; i++) days[i] = epochDay(records.get(i).timestamp(), rules);
            epochDays = days;
        }
        return days;
    }

    /** Returns the local date of {@code instant} in this ledger's zone. */
    public LocalDate day(Instant instant) {
        return LocalDate.ofEpochDay(epochDay(instant, zone.getRules()));
    }

    private static long epochDay(Instant at, ZoneRules rules) {
        return Math.floorDiv(at.getEpochSecond() + rules.getOffset(at).getTotalSeconds(), 86_400);
    }
}
