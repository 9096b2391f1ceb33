package costplan.ledger;

import costplan.importers.TokenCounts;
import costplan.importers.Usd;

import java.util.List;
import java.util.Objects;

/**
 * The usage of one group (a day, a project, a model…): tokens, requests and cost, and per model.
 *
 * @param key the group's key: a date, a project path, a model id, a block start
 * @param requests distinct API requests (an aggregated export's rows count the requests they report, 0 if none)
 * @param tokens tokens by kind
 * @param cacheCreation5mTokens cache writes with a 5-minute lifetime
 * @param cacheCreation1hTokens cache writes with a 1-hour lifetime
 * @param webSearchRequests server-side web searches
 * @param computedCost API-equivalent cost of the priced requests (tokens × price book)
 * @param unpricedRequests requests that have no price, not included in {@code computedCost}
 * @param unpricedTokens tokens of those requests
 * @param reportedCost the cost the logs themselves state, summed over the requests that state one
 * @param reportedRequests requests whose log line states a cost
 * @param subAgentRequests requests made by sub-agents
 * @param fastRequests requests in fast mode
 * @param records usage records added up: requests, and the rows of aggregated exports
 * @param unpricedRecords those of them without a price
 * @param aggregatedRecords those of them that sum a bucket of an aggregated export
 * @param byModel the same figures per model, sorted by model id; empty inside a per-model group
 */
public record UsageGroup(
        String key,
        long requests,
        TokenCounts tokens,
        long cacheCreation5mTokens,
        long cacheCreation1hTokens,
        long webSearchRequests,
        Usd computedCost,
        long unpricedRequests,
        long unpricedTokens,
        Usd reportedCost,
        long reportedRequests,
        long subAgentRequests,
        long fastRequests,
        long records,
        long unpricedRecords,
        long aggregatedRecords,
        List<UsageGroup> byModel) {

    public UsageGroup {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(computedCost, "computedCost");
        Objects.requireNonNull(reportedCost, "reportedCost");
        byModel = List.copyOf(byModel);
    }

    /** Returns cache reads as a share of the whole prompt (input + cache writes + cache reads), 0 when empty. */
    public double cacheHitRate() {
        long prompt = tokens.promptTokens();
        return prompt == 0 ? 0 : (double) tokens.cacheReadTokens() / prompt;
    }

    /** Returns whether no record of this group has a price, so its computed cost is unknown (never $0). */
    public boolean unpriced() {
        return records > 0 && unpricedRecords == records;
    }

    /** Returns the model ids used in this group. */
    public List<String> models() {
        return byModel.stream().map(UsageGroup::key).toList();
    }
}
