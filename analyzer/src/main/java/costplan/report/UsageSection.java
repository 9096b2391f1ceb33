package costplan.report;

import java.util.List;

/**
 * The evidence of what a person used and what it cost: key figures, seven charts and their tables.
 *
 * @param keyFigures requests, tokens, cache-hit rate, cost, period
 * @param dailyTokens daily tokens by kind, stacked
 * @param dailyCost daily API-equivalent cost with the subscriptions' daily prices as reference lines
 * @param subscriptions what each subscription would have cost over the same days
 * @param cacheHitRate the daily cache-hit rate
 * @param modelMix each model's share of tokens and of cost
 * @param models the same as a table
 * @param activity requests by hour of day and weekday
 * @param sessions daily requests by the main agent and by sub-agents
 * @param sessionFigures sessions, their length, sub-agents and parallel work
 * @param topProjects the projects that cost most
 * @param projects the same as a table
 */
public record UsageSection(
        List<KeyFigure> keyFigures,
        Chart dailyTokens,
        Chart dailyCost,
        List<SubscriptionRow> subscriptions,
        Chart cacheHitRate,
        Chart modelMix,
        List<ModelRow> models,
        Chart activity,
        Chart sessions,
        List<KeyFigure> sessionFigures,
        Chart topProjects,
        List<ProjectRow> projects) implements ReportSection {

    public UsageSection {
        keyFigures = List.copyOf(keyFigures);
        subscriptions = List.copyOf(subscriptions);
        models = List.copyOf(models);
        sessionFigures = List.copyOf(sessionFigures);
        projects = List.copyOf(projects);
    }

    @Override
    public String id() {
        return "usage";
    }

    @Override
    public String title() {
        return "What you used";
    }

    @Override
    public String template() {
        return "usage";
    }

    /** Returns the charts in the order the page shows them. */
    public List<Chart> charts() {
        return List.of(dailyTokens, dailyCost, cacheHitRate, modelMix, activity, sessions, topProjects);
    }

    /** What a subscription would have cost over the report's days, next to the API-equivalent cost. */
    public record SubscriptionRow(String plan, String usdPerMonth, String periodCost, String apiCostRatio) {
    }

    /** One model's usage; shares are of the whole report's tokens and cost. */
    public record ModelRow(String model, String requests, String tokens, String tokenShare, String cost, String costShare) {
    }

    /** One project's usage; the name is an alias under {@code --redact}. */
    public record ProjectRow(String project, String sessions, String requests, String tokens, String cost, String costShare) {
    }
}
