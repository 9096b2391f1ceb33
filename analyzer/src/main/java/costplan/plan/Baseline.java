package costplan.plan;

import costplan.importers.CostplanException;
import costplan.pricing.SubscriptionPlan;
import costplan.pricing.SubscriptionPlans;
import costplan.workload.WorkCalendar;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the person would pay per month for the logged work without a machine: API pay-as-you-go at the trace's
 * prices, or a subscription plus the extra usage its limits would have billed at API prices.
 *
 * @param id {@code api} or the subscription's id
 * @param monthlyUsd the monthly price plus the extra usage and the work the plan does not cover, per month
 * @param extraUsageUsd the part of {@code monthlyUsd} billed as extra usage at API prices for the work over the limits
 * @param fitsLimits whether every week of the logs fits the plan's limits (always true for pay-as-you-go)
 * @param weeksOverLimit weeks of the logs with work over a limit
 * @param weeks weeks (Monday to Sunday) the logs touch
 * @param detail how the figure was made, the estimate stated
 * @param overLimit trace indices of the requests over the limits (empty for pay-as-you-go)
 */
public record Baseline(String id, String name, double monthlyUsd, double extraUsageUsd, boolean fitsLimits, int weeksOverLimit, int weeks,
                       String detail, BitSet overLimit) {
    /** The id of the pay-as-you-go baseline. */
    public static final String API = "api";
    /** The baselines compared when none is named: pay-as-you-go and the personal Claude plans. */
    public static final List<String> CANDIDATES = List.of(API, "claude-pro", "max-5x", "max-20x");

    public Baseline {
        overLimit = (BitSet) overLimit.clone();
    }

    /** Returns the requests over the limits (a copy). */
    @Override
    public BitSet overLimit() {
        return (BitSet) overLimit.clone();
    }

    /** Pay-as-you-go at {@code apiUsdPerMonth}, over {@code weeks} weeks of logs. */
    public static Baseline api(double apiUsdPerMonth, int weeks) {
        return new Baseline(API, "API pay-as-you-go", apiUsdPerMonth, 0, true, 0, weeks,
                "your trace at API list prices on the day of each request", new BitSet());
    }

    /**
     * The baseline {@code id} for {@code trace}: {@code api}, or one of {@code plans} with the extra usage its
     * limits would have billed.
     *
     * @throws CostplanException for an unknown id, listing the known ones
     */
    public static Baseline of(String id, PlanTrace trace, WorkCalendar calendar, SubscriptionPlans plans) {
        double api = calendar.perMonth(trace.totalCostUsd());
        if (id.equals(API)) return api(api, calendar.weeks());
        SubscriptionPlan plan = plans.plans().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> CostplanException.badUsage("unknown baseline '" + id + "'; expected api or one of "
                        + String.join(", ", plans.plans().stream().map(SubscriptionPlan::id).toList())));
        double price = plan.usdPerMonth().doubleValue();
        if (plan.usageLimits() == null)
            return new Baseline(plan.id(), plan.name(), price, 0, true, 0, calendar.weeks(),
                    plan.source() + "; its limits are not estimated: the whole trace is taken to fit", new BitSet());
        LimitsEstimate.Fit fit = LimitsEstimate.of(plan.usageLimits(), trace.trace(), trace.costs(), trace.zone());
        double extra = calendar.perMonth(fit.extraUsageUsd());
        double notCovered = calendar.perMonth(fit.notCoveredUsd());
        String detail = String.format(Locale.ROOT, "%s a month; your usage fits its limits in %d of %d week%s%s%s. An estimate: "
                        + "Anthropic publishes no token figures; from %s", Money.usd(price), fit.weeks() - fit.weeksOverLimit(),
                fit.weeks(), fit.weeks() == 1 ? "" : "s",
                extra > 0 ? "; " + Money.usd(extra) + " a month of extra usage at API prices" : "",
                notCovered > 0 ? "; " + Money.usd(notCovered) + " a month of other providers' models at API prices" : "",
                plan.usageLimits().source());
        return new Baseline(plan.id(), plan.name(), price + extra + notCovered, extra, fit.weeksOverLimit() == 0,
                fit.weeksOverLimit(), fit.weeks(), detail, fit.overLimit());
    }

    /** Every candidate of {@link #CANDIDATES} that {@code plans} lists, pay-as-you-go first. */
    public static List<Baseline> candidates(PlanTrace trace, WorkCalendar calendar, SubscriptionPlans plans) {
        List<Baseline> all = new ArrayList<>();
        for (String id : CANDIDATES)
            if (id.equals(API) || plans.plans().stream().anyMatch(p -> p.id().equals(id))) all.add(of(id, trace, calendar, plans));
        return List.copyOf(all);
    }

    /** The cheapest of {@code candidates}, extra usage counted; the first of equals. */
    public static Baseline cheapest(List<Baseline> candidates) {
        return candidates.stream().min(Comparator.comparingDouble(Baseline::monthlyUsd)).orElseThrow();
    }

    /**
     * "You would pay $100/month on Claude Max 5x; your usage fits its limits in 47 of 52 weeks", with the extra
     * usage at API prices named when there is some.
     */
    public String describe() {
        if (id.equals(API)) return "You would pay " + Money.usd(monthlyUsd) + "/month on API pay-as-you-go";
        String extra = extraUsageUsd > 0 ? " (" + Money.usd(monthlyUsd - extraUsageUsd) + " and " + Money.usd(extraUsageUsd)
                + " of extra usage at API prices)" : "";
        return String.format(Locale.ROOT, "You would pay %s/month on %s%s; your usage fits its limits in %d of %d week%s "
                        + "(an estimate)", Money.usd(monthlyUsd), name, extra, weeks - weeksOverLimit, weeks, weeks == 1 ? "" : "s");
    }
}
