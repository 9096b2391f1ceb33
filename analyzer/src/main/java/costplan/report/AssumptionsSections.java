package costplan.report;

import costplan.importers.UsageRecord;
import costplan.pricing.LongContextPrice;
import costplan.pricing.ModelPrice;
import costplan.pricing.SubscriptionPlan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static costplan.report.ReportFormats.count;
import static costplan.report.ReportFormats.usdPerMillion;

/** Builds the {@link AssumptionsSection}: the prices that were applied, the plans, the settings, the command. */
final class AssumptionsSections {
    private AssumptionsSections() {
    }

    private record ModelDay(String model, LocalDate utcDay) {
    }

    static AssumptionsSection of(ReportInputs in, List<SubscriptionPlan> plans) {
        Map<String, Map<LocalDate, ModelPrice>> applied = new TreeMap<>();
        TreeSet<String> unpriced = new TreeSet<>();
        Set<ModelDay> seen = new HashSet<>();
        for (UsageRecord r : in.ledger().records()) {
            LocalDate utcDay = r.timestamp().atOffset(ZoneOffset.UTC).toLocalDate();
            if (!seen.add(new ModelDay(r.model(), utcDay))) continue;
            Optional<ModelPrice> price = in.prices().priceOn(r.model(), utcDay);
            if (price.isPresent()) applied.computeIfAbsent(r.model(), m -> new TreeMap<>()).put(price.get().effective(), price.get());
            else unpriced.add(r.model());
        }
        List<AssumptionsSection.PriceRow> prices = new ArrayList<>();
        applied.forEach((model, byDate) -> byDate.values().forEach(p -> prices.add(priceRow(model, p))));
        List<AssumptionsSection.PlanRow> planRows = plans.stream().map(p -> new AssumptionsSection.PlanRow(p.name(),
                ReportFormats.usd(p.usdPerMonth()), p.effective().toString(), p.source())).toList();
        return new AssumptionsSection(facts(in), prices, List.copyOf(unpriced), planRows, in.command());
    }

    private static List<KeyFigure> facts(ReportInputs in) {
        var imported = in.imported();
        String skipped = !imported.skippedAnything() ? "nothing skipped" : count(imported.skippedLineCount()) + " lines"
                + (imported.skippedFiles() == 0 ? "" : " and " + count(imported.skippedFiles()) + " files")
                + " skipped as unreadable (each listed on stderr)";
        return List.of(
                new KeyFigure("Logs read", count(imported.filesRead()) + " files, " + count(imported.linesRead()) + " lines",
                        String.format(java.util.Locale.ROOT, "%,.1f MB; ", imported.bytesRead() / 1e6) + skipped),
                new KeyFigure("Requests", count(imported.requests()), "each counted once by message id and request id; "
                        + count(imported.duplicateCopies()) + " repeated copies dropped"),
                new KeyFigure("Time zone", in.ledger().zone().getId(), "days, weekdays and hours are cut in it"),
                new KeyFigure("API prices", in.prices().name(), "checked against their sources on " + in.prices().asOf()
                        + "; each request is priced on its UTC date"),
                new KeyFigure("Subscription prices", in.subscriptions().name(), "checked on " + in.subscriptions().asOf()
                        + "; spread over an average month of " + SubscriptionPlan.DAYS_PER_MONTH + " days"),
                new KeyFigure("Project names", in.redact() ? "aliases" : "as logged", in.redact()
                        ? "--redact: project-1, project-2… in the order the projects first appear; no paths are shown"
                        : "the folder each session started in (work in its sub-folders counts for it)"),
                new KeyFigure("Report made", in.madeAt().toString(), "no prompt, code or tool content is ever read into it"));
    }

    private static AssumptionsSection.PriceRow priceRow(String model, ModelPrice p) {
        LongContextPrice lc = p.longContext();
        String longContext = lc == null ? "" : "above " + count(lc.aboveInputTokens()) + " prompt tokens: "
                + String.join(" / ", usdPerMillion(lc.usdPerMillionInputTokens()), usdPerMillion(lc.usdPerMillionOutputTokens()),
                usdPerMillion(lc.usdPerMillionCacheWrite5mTokens()), usdPerMillion(lc.usdPerMillionCacheWrite1hTokens()),
                usdPerMillion(lc.usdPerMillionCacheReadTokens()));
        BigDecimal fast = p.fastMultiplier();
        return new AssumptionsSection.PriceRow(model, p.effective().toString(), usdPerMillion(p.usdPerMillionInputTokens()),
                usdPerMillion(p.usdPerMillionOutputTokens()), usdPerMillion(p.usdPerMillionCacheWrite5mTokens()),
                usdPerMillion(p.usdPerMillionCacheWrite1hTokens()), usdPerMillion(p.usdPerMillionCacheReadTokens()),
                longContext, fast == null ? "" : "×" + fast.stripTrailingZeros().toPlainString(), p.source(), p.estimate());
    }
}
