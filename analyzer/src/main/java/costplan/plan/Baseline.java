package costplan.plan;

/** What the person pays today, per month: API pay-as-you-go at the trace's prices, or a subscription. */
public record Baseline(String name, double monthlyUsd, String detail) {
}
