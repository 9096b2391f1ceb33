package costplan.report;

import costplan.importers.UsageRecord;
import costplan.ledger.CacheStats;
import costplan.ledger.SessionActivity;
import costplan.ledger.Grouping;
import costplan.ledger.UsageGroup;
import costplan.ledger.UsageLedger;
import costplan.pricing.SubscriptionPlan;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static costplan.report.ReportFormats.count;
import static costplan.report.ReportFormats.percent;
import static costplan.report.ReportFormats.tokens;
import static costplan.report.ReportFormats.usd;

/** Builds the {@link UsageSection} of a ledger: figures, tables and charts. */
final class UsageSections {
    static final int TOP_PROJECTS = 10;

    private UsageSections() {
    }

    static UsageSection of(UsageLedger ledger, ReportPeriod period, List<SubscriptionPlan> plans, ProjectAliases names) {
        UsageGroup total = ledger.total();
        List<UsageGroup> days = ledger.groupBy(Grouping.DAY);
        List<UsageGroup> models = byCost(ledger.groupBy(Grouping.MODEL));
        List<UsageGroup> projects = byCost(ledger.groupBy(Grouping.PROJECT));
        CacheStats cache = CacheStats.of(ledger);
        Sessions sessions = Sessions.of(ledger.records());

        List<UsageCharts.Bar> tokenShares = new ArrayList<>();
        List<UsageCharts.Bar> costShares = new ArrayList<>();
        for (UsageGroup m : models) {
            tokenShares.add(new UsageCharts.Bar(m.key(), share(m.tokens().totalTokens(), total.tokens().totalTokens())));
            costShares.add(new UsageCharts.Bar(m.key(), share(m.computedCost().amount(), total.computedCost().amount())));
        }
        List<UsageCharts.Bar> projectCosts = projects.stream().limit(TOP_PROJECTS)
                .map(p -> new UsageCharts.Bar(shortLabel(names.nameOf(p.key())), p.computedCost().toDouble())).toList();

        return new UsageSection(keyFigures(total, period), UsageCharts.dailyTokens(days),
                UsageCharts.dailyCost(days, plans), subscriptionRows(total, period, plans),
                UsageCharts.cacheHitRate(days), UsageCharts.modelMix(tokenShares, costShares), modelRows(models, total),
                UsageCharts.activity(activity(ledger), ledger.zone().getId()), UsageCharts.sessions(days),
                sessionFigures(sessions, cache, total, projects.size()), UsageCharts.topProjects(projectCosts),
                projectRows(projects, total, sessions, names));
    }

    private static List<KeyFigure> keyFigures(UsageGroup t, ReportPeriod period) {
        List<KeyFigure> figures = new ArrayList<>();
        figures.add(new KeyFigure("Period", period.label(),
                count(period.days()) + (period.days() == 1 ? " day" : " days") + ", cut in " + period.zone()));
        figures.add(new KeyFigure("Requests", count(t.requests()),
                count(t.subAgentRequests()) + " by sub-agents, " + count(t.fastRequests()) + " in fast mode"));
        figures.add(new KeyFigure("Tokens", tokens(t.tokens().totalTokens()), "input " + count(t.tokens().inputTokens())
                + ", cache writes " + count(t.tokens().cacheCreationTokens()) + ", cache reads "
                + count(t.tokens().cacheReadTokens()) + ", output " + count(t.tokens().outputTokens())));
        figures.add(new KeyFigure("Cache-hit rate", percent(t.cacheHitRate()),
                "cache reads / (input + cache writes + cache reads)"));
        figures.add(new KeyFigure("API-equivalent cost", usd(t.computedCost().amount()), t.unpricedRequests() == 0
                ? "tokens × the list price in force on each day"
                : "excludes " + count(t.unpricedRequests()) + " requests of models with no price (see Assumptions)"));
        if (t.reportedRequests() > 0)
            figures.add(new KeyFigure("Cost stated in the logs", usd(t.reportedCost().amount()),
                    "costUSD on " + count(t.reportedRequests()) + " requests (Claude Code before 1.0.9)"));
        return figures;
    }

    private static List<UsageSection.SubscriptionRow> subscriptionRows(UsageGroup t, ReportPeriod period,
                                                                     List<SubscriptionPlan> plans) {
        List<UsageSection.SubscriptionRow> rows = new ArrayList<>();
        for (SubscriptionPlan p : plans) {
            BigDecimal periodCost = p.usdFor(period.days());
            String ratio = periodCost.signum() == 0 ? "" : String.format(Locale.ROOT, "%.1f×",
                    t.computedCost().toDouble() / periodCost.doubleValue());
            rows.add(new UsageSection.SubscriptionRow(p.name(), usd(p.usdPerMonth()), usd(periodCost), ratio));
        }
        return rows;
    }

    private static List<UsageSection.ModelRow> modelRows(List<UsageGroup> models, UsageGroup total) {
        return models.stream().map(m -> new UsageSection.ModelRow(m.key(), count(m.requests()),
                count(m.tokens().totalTokens()), percent(share(m.tokens().totalTokens(), total.tokens().totalTokens())),
                cost(m), percent(share(m.computedCost().amount(), total.computedCost().amount())))).toList();
    }

    private static List<KeyFigure> sessionFigures(Sessions s, CacheStats c, UsageGroup t, int projects) {
        return List.of(
                new KeyFigure("Sessions", count(c.activity().sessions()), "in " + count(projects) + (projects == 1 ? " project" : " projects")),
                new KeyFigure("Requests per session", count(s.medianRequests()), "median; the busiest had "
                        + count(s.mostRequests())),
                new KeyFigure("Session length", s.medianMinutes() + " min", "median time from first to last request"),
                new KeyFigure("Sub-agent requests", percent(share(t.subAgentRequests(), t.requests())),
                        "of all requests; sub-agents ran in " + count(s.withSubAgents()) + " of "
                                + count(c.activity().sessions()) + " sessions"),
                new KeyFigure("Peak parallel sessions", count(c.activity().peakParallelSessions()),
                        "sessions active at one moment; " + count(c.activity().peakParallelAgentThreads())
                                + " main and sub-agent threads"),
                new KeyFigure("Hours with 2+ sessions", String.format(Locale.ROOT, "%.1f h", c.activity().hoursWithParallelSessions()),
                        String.format(Locale.ROOT, "of %.1f active hours (a session idle over %d min counts as stopped)",
                                c.activity().activeHours(), SessionActivity.IDLE_GAP.toMinutes())));
    }

    private static List<UsageSection.ProjectRow> projectRows(List<UsageGroup> projects, UsageGroup total, Sessions s,
                                                           ProjectAliases names) {
        List<UsageSection.ProjectRow> rows = new ArrayList<>();
        for (UsageGroup p : projects.subList(0, Math.min(TOP_PROJECTS, projects.size())))
            rows.add(new UsageSection.ProjectRow(names.nameOf(p.key()), count(s.perProject().get(p.key())),
                    count(p.requests()), count(p.tokens().totalTokens()), cost(p),
                    percent(share(p.computedCost().amount(), total.computedCost().amount()))));
        if (projects.size() > TOP_PROJECTS) {
            List<UsageGroup> rest = projects.subList(TOP_PROJECTS, projects.size());
            long requests = rest.stream().mapToLong(UsageGroup::requests).sum();
            long tokenCount = rest.stream().mapToLong(g -> g.tokens().totalTokens()).sum();
            BigDecimal cost = rest.stream().map(g -> g.computedCost().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            long sessions = rest.stream().mapToLong(g -> s.perProject().get(g.key())).sum();
            rows.add(new UsageSection.ProjectRow(count(rest.size()) + " other projects", count(sessions), count(requests),
                    count(tokenCount), usd(cost), percent(share(cost, total.computedCost().amount()))));
        }
        return rows;
    }

    /** Returns requests per weekday (Monday first) and hour of day, in the ledger's zone. */
    static long[][] activity(UsageLedger ledger) {
        long[][] counts = new long[7][24];
        for (UsageRecord r : ledger.records()) {
            ZonedDateTime at = r.timestamp().atZone(ledger.zone());
            counts[at.getDayOfWeek().ordinal()][at.getHour()]++;
        }
        return counts;
    }

    private static List<UsageGroup> byCost(List<UsageGroup> groups) {
        return groups.stream().sorted(Comparator.comparing((UsageGroup g) -> g.computedCost().amount()).reversed()
                .thenComparing(g -> -g.tokens().totalTokens()).thenComparing(UsageGroup::key)).toList();
    }

    private static String cost(UsageGroup g) {
        if (g.unpricedRequests() == 0) return usd(g.computedCost().amount());
        if (g.unpricedRequests() == g.requests()) return "unpriced";
        return usd(g.computedCost().amount()) + " + unpriced";
    }

    /** Keeps a chart's axis readable: the end of a long path, where the project's own name is. */
    private static String shortLabel(String name) {
        return name.length() <= 32 ? name : "…" + name.substring(name.length() - 31);
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static double share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? 0 : part.doubleValue() / whole.doubleValue();
    }

    /** Sessions: how many, how long, which used sub-agents, how many per project. */
    private record Sessions(long medianRequests, long mostRequests, long medianMinutes, long withSubAgents,
                            Map<String, Long> perProject) {
        static Sessions of(List<UsageRecord> records) {
            Map<String, long[]> byId = new HashMap<>();   // {requests, first epoch s, last epoch s, sub-agent requests}
            Map<String, Set<String>> idsByProject = new HashMap<>();
            for (UsageRecord r : records) {
                Instant at = r.timestamp();
                long[] s = byId.computeIfAbsent(r.sessionId(), id -> new long[]{0, at.getEpochSecond(), at.getEpochSecond(), 0});
                s[0]++;
                s[1] = Math.min(s[1], at.getEpochSecond());
                s[2] = Math.max(s[2], at.getEpochSecond());
                if (r.subAgent()) s[3]++;
                idsByProject.computeIfAbsent(r.project(), p -> new HashSet<>()).add(r.sessionId());
            }
            long[] requests = byId.values().stream().mapToLong(s -> s[0]).sorted().toArray();
            long[] seconds = byId.values().stream().mapToLong(s -> s[2] - s[1]).sorted().toArray();
            Map<String, Long> perProject = new HashMap<>();
            idsByProject.forEach((p, ids) -> perProject.put(p, (long) ids.size()));
            return new Sessions(median(requests), requests.length == 0 ? 0 : requests[requests.length - 1],
                    Duration.ofSeconds(median(seconds)).toMinutes(), byId.values().stream().filter(s -> s[3] > 0).count(),
                    Map.copyOf(perProject));
        }

        /** Returns the lower median (nearest rank), 0 when empty. */
        private static long median(long[] sorted) {
            return sorted.length == 0 ? 0 : sorted[(sorted.length - 1) / 2];
        }
    }
}
