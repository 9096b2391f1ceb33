package costplan.report;

import costplan.ledger.UsageGroup;
import costplan.plan.PlanResult;
import costplan.pricing.SubscriptionPlan;
import costplan.speed.SpeedModel;

import java.util.List;

import static costplan.report.ReportFormats.count;
import static costplan.report.ReportFormats.percent;
import static costplan.report.ReportFormats.tokens;
import static costplan.report.ReportFormats.usd;

/**
 * Builds report pages.
 *
 * <pre>{@code
 * ReportPage page = ReportPages.usage(inputs);
 * String html = new ReportRenderer().render(page);
 * }</pre>
 */
public final class ReportPages {
    /** The subscriptions a Claude Code user compares with: Anthropic's plans for one person. */
    static final String SUBSCRIPTION_PROVIDER = "anthropic";

    private ReportPages() {
    }

    /** Returns the usage report: what was used and what it cost at API prices, then the assumptions. */
    public static ReportPage usage(ReportInputs in) {
        ReportPeriod period = ReportPeriod.of(in.ledger());
        List<SubscriptionPlan> plans = in.subscriptions().personalPlansOf(SUBSCRIPTION_PROVIDER, period.last());
        ProjectAliases names = in.redact() ? ProjectAliases.redacting(in.ledger().records()) : ProjectAliases.none();
        UsageSection usage = UsageSections.of(in.ledger(), period, plans, names);
        AssumptionsSection assumptions = AssumptionsSections.of(in, plans);
        return new ReportPage("Your AI coding usage, " + period.label(),
                summary(in.ledger().total(), period, plans),
                "From Claude Code logs, days cut in " + period.zone() + "; prices " + in.prices().name()
                        + " checked " + in.prices().asOf() + ".",
                List.of(usage, assumptions));
    }

    /**
     * Returns the purchase report: the plan's verdict first, then the plan's evidence, then the usage it came from
     * and the prices and plans assumed.
     */
    public static ReportPage usageAndPlan(ReportInputs in, PlanResult plan, SpeedModel speeds) {
        ReportPage usage = usage(in);
        List<ReportSection> sections = new java.util.ArrayList<>();
        sections.add(PlanSections.of(plan, speeds, in.command()));
        sections.addAll(usage.sections());
        String origin = plan.trace().origin().estimated() ? " The plan's trace is " + plan.trace().origin().description() + "." : "";
        return new ReportPage("Should you run your AI coding on your own machine?", plan.verdict(),
                usage.summary() + " " + usage.subtitle() + origin, sections);
    }

    /** Returns the usage in one sentence: period, requests, tokens, cache share, cost, and the plans beside it. */
    static String summary(UsageGroup t, ReportPeriod period, List<SubscriptionPlan> plans) {
        StringBuilder s = new StringBuilder();
        if (period.days() == 1) s.append("On ").append(period.first()).append(" you made ");
        else s.append("From ").append(period.first()).append(" to ").append(period.last()).append(" (")
                .append(count(period.days())).append(" days) you made ");
        s.append(count(t.requests())).append(" requests using ").append(tokens(t.tokens().totalTokens()))
                .append(" tokens, ").append(percent(t.cacheHitRate())).append(" of the prompt tokens read from cache; at API list prices ")
                .append(t.unpricedRequests() == 0 ? "this" : "the priced requests").append(" would have cost ")
                .append(usd(t.computedCost().amount()));
        if (!plans.isEmpty()) {
            s.append(", against ");
            for (int i = 0; i < plans.size(); i++) {
                if (i > 0) s.append(i == plans.size() - 1 ? " or " : ", ");
                s.append(usd(plans.get(i).usdFor(period.days()))).append(" for ").append(plans.get(i).name());
            }
            s.append(" over the same days");
        }
        return s.append('.').toString();
    }

}
