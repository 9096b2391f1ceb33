package costplan.plan;

import costplan.importers.CostplanException;
import costplan.pricing.SubscriptionPlan;
import costplan.pricing.SubscriptionPlans;

/** What the person pays today, per month: API pay-as-you-go at the trace's prices, or a subscription. */
public record Baseline(String name, double monthlyUsd, String detail) {
    /** The id of the pay-as-you-go baseline. */
    public static final String API = "api";

    /**
     * The baseline {@code id}: {@code api} (the trace at {@code apiUsdPerMonth}) or the id of one of {@code plans}.
     *
     * @throws CostplanException for an unknown id, listing the known ones
     */
    public static Baseline of(String id, double apiUsdPerMonth, SubscriptionPlans plans) {
        if (id.equals(API))
            return new Baseline("API pay-as-you-go", apiUsdPerMonth, "your trace at API list prices on the day of each request");
        SubscriptionPlan plan = plans.plans().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> CostplanException.badUsage("unknown baseline '" + id + "'; expected api or one of "
                        + String.join(", ", plans.plans().stream().map(SubscriptionPlan::id).toList())));
        return new Baseline(plan.name(), plan.usdPerMonth().doubleValue(), plan.source());
    }
}
