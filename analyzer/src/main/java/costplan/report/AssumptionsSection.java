package costplan.report;

import java.util.List;

/**
 * Every figure a report's numbers rest on, with its source, and the command that reproduces the report.
 *
 * @param facts the inputs that are not prices: time zone, files read, price files and their dates
 * @param prices each model price that was applied
 * @param unpricedModels models that had no price, and so no cost
 * @param plans the subscription plans compared with
 * @param command the command line that writes this report again
 */
public record AssumptionsSection(List<KeyFigure> facts, List<PriceRow> prices, List<String> unpricedModels,
                                 List<PlanRow> plans, String command) implements ReportSection {
    public AssumptionsSection {
        facts = List.copyOf(facts);
        prices = List.copyOf(prices);
        unpricedModels = List.copyOf(unpricedModels);
        plans = List.copyOf(plans);
    }

    @Override
    public String id() {
        return "assumptions";
    }

    @Override
    public String title() {
        return "Assumptions and how to reproduce";
    }

    @Override
    public String template() {
        return "assumptions";
    }

    /** One model price as applied, in US dollars per million tokens; {@code longContext} and {@code fast} may be empty. */
    public record PriceRow(String model, String effective, String input, String output, String cacheWrite5m,
                           String cacheWrite1h, String cacheRead, String longContext, String fast, String source,
                           boolean estimate) {
    }

    /** One subscription plan's price and its source. */
    public record PlanRow(String plan, String usdPerMonth, String effective, String source) {
    }
}
