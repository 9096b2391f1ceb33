package costplan.ledger;

import costplan.importers.TokenCounts;
import costplan.importers.Usd;
import costplan.importers.UsageRecord;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Adds requests up into a {@link UsageGroup}, per model too when asked; costs are summed exactly. */
final class GroupTotals {
    private final String key;
    private final Map<String, GroupTotals> byModel;
    private long requests, input, output, cacheCreation, cacheRead, cache5m, cache1h, webSearch;
    private long unpriced, unpricedTokens, reported, subAgent, fast, records, unpricedRecords, aggregated;
    private BigDecimal cost = BigDecimal.ZERO;
    private BigDecimal reportedCost = BigDecimal.ZERO;

    GroupTotals(String key, boolean perModel) {
        this.key = key;
        this.byModel = perModel ? new HashMap<>() : null;
    }

    // Sums are checked: each count is bounded where it is read, so an overflow here would be a fault, not bad input.
    void add(UsageRecord r, Optional<Usd> computed) {
        requests = Math.addExact(requests, r.requestCount());
        records++;
        if (r.aggregated()) aggregated++;
        TokenCounts t = r.tokens();
        input = Math.addExact(input, t.inputTokens());
        output = Math.addExact(output, t.outputTokens());
        cacheCreation = Math.addExact(cacheCreation, t.cacheCreationTokens());
        cacheRead = Math.addExact(cacheRead, t.cacheReadTokens());
        cache5m = Math.addExact(cache5m, r.cacheCreation5mTokens());
        cache1h = Math.addExact(cache1h, r.cacheCreation1hTokens());
        webSearch = Math.addExact(webSearch, r.webSearchRequests());
        if (computed.isPresent()) {
            cost = cost.add(computed.get().amount());
        } else {
            unpriced = Math.addExact(unpriced, r.requestCount());
            unpricedRecords++;
            unpricedTokens = Math.addExact(unpricedTokens, t.totalTokens());
        }
        if (r.reportedCostUsd() != null) {
            reported++;
            reportedCost = reportedCost.add(r.reportedCostUsd().amount());
        }
        if (r.subAgent()) subAgent++;
        if (r.fast()) fast++;
        if (byModel != null) byModel.computeIfAbsent(r.model(), m -> new GroupTotals(m, false)).add(r, computed);
    }

    /** Adds a whole group, and its models to this group's models. */
    void add(UsageGroup g) {
        requests += g.requests();
        records += g.records();
        aggregated += g.aggregatedRecords();
        TokenCounts t = g.tokens();
        input += t.inputTokens();
        output += t.outputTokens();
        cacheCreation += t.cacheCreationTokens();
        cacheRead += t.cacheReadTokens();
        cache5m += g.cacheCreation5mTokens();
        cache1h += g.cacheCreation1hTokens();
        webSearch += g.webSearchRequests();
        cost = cost.add(g.computedCost().amount());
        unpriced += g.unpricedRequests();
        unpricedRecords += g.unpricedRecords();
        unpricedTokens += g.unpricedTokens();
        reported += g.reportedRequests();
        reportedCost = reportedCost.add(g.reportedCost().amount());
        subAgent += g.subAgentRequests();
        fast += g.fastRequests();
        if (byModel != null) for (UsageGroup m : g.byModel()) byModel.computeIfAbsent(m.key(), k -> new GroupTotals(k, false)).add(m);
    }

    UsageGroup toGroup() {
        List<UsageGroup> models = byModel == null ? List.of()
                : byModel.values().stream().map(GroupTotals::toGroup).sorted(Comparator.comparing(UsageGroup::key)).toList();
        return new UsageGroup(key, requests, new TokenCounts(input, output, cacheCreation, cacheRead), cache5m, cache1h,
                webSearch, new Usd(cost), unpriced, unpricedTokens, new Usd(reportedCost), reported, subAgent, fast, records,
                unpricedRecords, aggregated, models);
    }
}
