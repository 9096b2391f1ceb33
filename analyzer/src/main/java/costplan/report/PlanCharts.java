package costplan.report;

import costplan.catalog.KvCacheType;
import costplan.fit.EngineOverhead;
import costplan.plan.OptionLabels;
import costplan.plan.Money;
import costplan.plan.OptionPlan;
import costplan.plan.PlanResult;
import costplan.replay.LocalOption;
import costplan.speed.SpeedModel;
import costplan.speed.Throughput;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import static costplan.report.UsageCharts.BLUE;
import static costplan.report.UsageCharts.GREEN;
import static costplan.report.UsageCharts.ORANGE;
import static costplan.report.UsageCharts.PURPLE;
import static costplan.report.UsageCharts.SKY;
import static costplan.report.UsageCharts.VERMILION;

/** Draws the plan section's charts. */
final class PlanCharts {
    private static final Color[] OPTION_COLORS = {BLUE, GREEN, ORANGE, PURPLE, SKY};
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[]{6, 4}, 0);
    /** The baseline: wider than an option's line and drawn over them, so an option that costs the same cannot hide it. */
    private static final BasicStroke BASELINE = new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[]{8, 5}, 0);

    private PlanCharts() {
    }

    private static String label(OptionPlan o) {
        return OptionLabels.shortLabel(o.option()) + (o.fallback() ? " (fallback)" : "");
    }

    /** Cumulative cost month by month of the baseline and each option (purchase first, then running costs). */
    static Chart cumulativeCost(PlanResult plan, List<OptionPlan> shown) {
        int life = plan.assumptions().lifeMonths();
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries baseline = new XYSeries(plan.baseline().name());
        for (int m = 0; m <= life; m++) baseline.add(m, plan.baseline().monthlyUsd() * m);
        data.addSeries(baseline);
        List<String> labels = OptionLabels.ofPlans(shown);
        for (int i = 0; i < shown.size(); i++) {
            OptionPlan o = shown.get(i);
            XYSeries s = new XYSeries(labels.get(i));
            double running = o.expected().firstMonthElectricityUsd() + o.expected().firstMonthCloudUsd() + o.expected().firstMonthRentalUsd();
            double purchase = o.option().device().purchaseUsd();
            for (int m = 0; m <= life; m++) s.add(m, purchase + running * m);
            data.addSeries(s);
        }
        XYLineAndShapeRenderer renderer = lines(data.getSeriesCount());
        renderer.setSeriesPaint(0, VERMILION);
        renderer.setSeriesStroke(0, BASELINE);
        NumberAxis usd = new NumberAxis("Cumulative cost (USD)");
        usd.setNumberFormatOverride(UsageCharts.dollars());
        XYPlot xy = new XYPlot(data, new NumberAxis("Months from purchase"), usd, renderer);
        xy.setSeriesRenderingOrder(SeriesRenderingOrder.REVERSE);
        shown.stream().filter(o -> !o.option().device().rented()).findFirst()
                .filter(o -> Double.isFinite(o.paybackMonths().p50()) && o.paybackMonths().p50() <= life)
                .ifPresent(o -> xy.addDomainMarker(new ValueMarker(o.paybackMonths().p50(), GREEN, DASHED)));
        return UsageCharts.chart("plan-cumulative", "Cumulative cost over the machine's life",
                "US dollars spent from the day of purchase, at the most likely inputs, by the best option of each of the best "
                        + "devices: the purchase, then electricity or "
                        + "rental and the requests still sent to the cloud, against the baseline (dashed red, drawn over the options). A green line, "
                        + "when there is one, marks the best bought machine's median payback.", xy, true);
    }

    /**
     * Each option's median monthly savings against its local model's coding score (one point per option that has a
     * score), with the scores of the person's own cloud models as reference lines: where the quality is given up.
     */
    static Chart savingsAgainstQuality(PlanResult plan) {
        XYSeries keepsUp = new XYSeries("keeps up");
        XYSeries tooSlow = new XYSeries("does not keep up");
        for (OptionPlan o : plan.options()) {
            Double score = o.quality().localScore();
            if (score != null) (o.feasible() ? keepsUp : tooSlow).add(score.doubleValue(), o.monthlySavingsUsd().p50());
        }
        if (keepsUp.isEmpty() && tooSlow.isEmpty()) return null;
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(keepsUp);
        data.addSeries(tooSlow);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, GREEN);
        renderer.setSeriesPaint(1, VERMILION);
        NumberAxis usd = new NumberAxis("Median monthly savings (USD)");
        usd.setNumberFormatOverride(UsageCharts.dollars());
        NumberAxis scores = new NumberAxis("Local model's SWE-bench Verified score (% resolved)");
        scores.setAutoRangeIncludesZero(false);
        XYPlot xy = new XYPlot(data, scores, usd, renderer);
        xy.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
        java.util.Set<String> drawn = new java.util.HashSet<>();
        double low = Math.min(keepsUp.isEmpty() ? 100 : keepsUp.getMinX(), tooSlow.isEmpty() ? 100 : tooSlow.getMinX());
        double high = Math.max(keepsUp.isEmpty() ? 0 : keepsUp.getMaxX(), tooSlow.isEmpty() ? 0 : tooSlow.getMaxX());
        for (OptionPlan o : plan.options())
            for (var c : o.quality().byCloudModel())
                if (c.cloudScore() != null && c.harness() != null && drawn.add(c.model() + "@" + c.harness())) {
                    ValueMarker line = new ValueMarker(c.cloudScore(), BLUE, DASHED);
                    line.setLabel(c.model() + " (" + c.harness() + ")");
                    line.setLabelFont(SvgCharts.LABEL_FONT);
                    line.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.BOTTOM_LEFT);
                    line.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
                    line.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(2, 2, 2 + 16 * (drawn.size() - 1), 2));
                    xy.addDomainMarker(line);
                    low = Math.min(low, c.cloudScore());
                    high = Math.max(high, c.cloudScore());
                }
        scores.setRange(Math.max(0, Math.floor(low - 2)), Math.min(100, Math.ceil(high + 2)));
        return UsageCharts.chart("plan-quality", "Savings against quality",
                "One point per option: its median monthly savings against its local model's coding score on the harness "
                        + "it is compared on (estimates included). Dashed blue lines: the scores of the cloud models that "
                        + "served your requests. Points left of a line give up quality on that model's work.", xy, true);
    }

    /** Monthly cost against monthly volume: the baseline grows with volume, an owned machine mostly does not. */
    static Chart crossover(PlanResult plan, List<OptionPlan> shown) {
        double tokens = plan.trace().requests().stream().mapToDouble(r -> r.promptTokens() + r.outputTokens()).sum()
                / plan.trace().days() * 365.25 / 12 / 1e6;
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries baseline = new XYSeries(plan.baseline().name());
        for (int i = 0; i <= 30; i++) baseline.add(tokens * i / 10, plan.baseline().monthlyUsd() * i / 10);
        data.addSeries(baseline);
        List<String> labels = OptionLabels.ofPlans(shown);
        for (int k = 0; k < shown.size(); k++) {
            OptionPlan o = shown.get(k);
            XYSeries s = new XYSeries(labels.get(k));
            for (int i = 0; i <= 30; i++) s.add(tokens * i / 10, o.costLine().at(i / 10.0));
            data.addSeries(s);
        }
        XYLineAndShapeRenderer renderer = lines(data.getSeriesCount());
        renderer.setSeriesPaint(0, VERMILION);
        renderer.setSeriesStroke(0, BASELINE);
        NumberAxis usd = new NumberAxis("Monthly cost (USD)");
        usd.setNumberFormatOverride(UsageCharts.dollars());
        XYPlot xy = new XYPlot(data, new NumberAxis("Monthly volume of your mix (millions of tokens)"), usd, renderer);
        xy.setSeriesRenderingOrder(SeriesRenderingOrder.REVERSE);
        xy.addDomainMarker(new ValueMarker(tokens, Color.GRAY, DASHED));
        return UsageCharts.chart("plan-crossover", "Monthly cost against monthly volume",
                "Your token mix scaled from 0 to 3 times today's volume (grey line: today). Where an option's line "
                        + "crosses the baseline (dashed red) is its crossover volume.", xy, true);
    }

    /** What each option holds in memory at its busiest: weights, engine buffers, KV caches, and what is left. */
    static Chart memory(List<OptionPlan> shown) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> labels = OptionLabels.ofPlans(shown);
        for (int i = 0; i < shown.size(); i++) {
            OptionPlan o = shown.get(i);
            LocalOption option = o.option();
            double weights = option.model().weightBytes() / 1e9;
            double buffers = EngineOverhead.bytes(option.model()) / 1e9;
            double kv = Math.max(0, o.replay().memoryHighWaterBytes() - option.fixedBytes()) / 1e9;
            double free = Math.max(0, option.device().usableBytes() / 1e9 - weights - buffers - kv);
            String key = labels.get(i);
            data.addValue(weights, "Weights", key);
            data.addValue(buffers, "Engine buffers (estimate)", key);
            data.addValue(kv, "KV caches at the busiest moment", key);
            data.addValue(free, "Free (of the usable memory)", key);
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        Color[] colors = {BLUE, ORANGE, SKY, new Color(0xcc, 0xcc, 0xcc)};
        for (int i = 0; i < colors.length; i++) renderer.setSeriesPaint(i, colors[i]);
        CategoryAxis options = new CategoryAxis("Option");
        options.setMaximumCategoryLabelWidthRatio(0.45f);
        CategoryPlot plot = new CategoryPlot(data, options, new NumberAxis("GB (10^9 bytes)"), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        return UsageCharts.chart("plan-memory", "Memory fit", "Usable memory of each device (memory less what the OS "
                + "and driver keep) split into weights, engine buffers, the KV caches the replay held at its busiest, and "
                + "what was left.", plot, true, Math.max(SvgCharts.HEIGHT / 2, 90 + 45 * shown.size()));
    }

    /** Prefill and decode speed of the best option against context depth, with the engine's range. */
    static Chart speed(OptionPlan best, SpeedModel speeds) {
        LocalOption o = best.option();
        XYSeriesCollection decode = new XYSeriesCollection();
        XYSeriesCollection prefill = new XYSeriesCollection();
        XYSeries d = new XYSeries("Decode (tokens/s, left)");
        XYSeries p = new XYSeries("Prefill (tokens/s, right)");
        for (long depth = 0; depth <= o.contextTokens(); depth += Math.max(1024, o.contextTokens() / 16)) {
            Throughput t = speeds.at(o.device(), o.model(), o.engine(), depth, 1, KvCacheType.F16);
            d.add(depth / 1000.0, t.decodeTokensPerSecond());
            p.add(depth / 1000.0, t.prefillTokensPerSecond());
        }
        decode.addSeries(d);
        prefill.addSeries(p);
        XYLineAndShapeRenderer left = lines(1);
        left.setSeriesPaint(0, BLUE);
        XYLineAndShapeRenderer right = lines(1);
        right.setSeriesPaint(0, ORANGE);
        XYPlot xy = new XYPlot(decode, new NumberAxis("Context already in the cache (thousands of tokens)"),
                new NumberAxis("Decode tokens per second"), left);
        xy.setRangeAxis(1, new NumberAxis("Prefill tokens per second"));
        xy.setDataset(1, prefill);
        xy.mapDatasetToRangeAxis(1, 1);
        xy.setRenderer(1, right);
        return UsageCharts.chart("plan-speed", "Speed against context depth: " + label(best),
                "One request at a time. Decode slows as the KV cache it reads grows; prefill slows as attention grows with depth.",
                xy, true);
    }

    /**
     * The sampled paybacks of a bought option, with its P10, P50 and P90 drawn and labelled where they are finite. When
     * the best option is rented ({@code rentedBest} not null) it has nothing to pay back, and the caption says which
     * bought option is shown instead.
     */
    static Chart paybackHistogram(OptionPlan bought, OptionPlan rentedBest) {
        HistogramDataset data = new HistogramDataset();
        double[] samples = bought.paybackSamples().length == 0 ? new double[]{0} : bought.paybackSamples();
        data.addSeries("Samples that pay back", samples, 30);
        XYBarRenderer renderer = new XYBarRenderer(0.05);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, SKY);
        XYPlot xy = new XYPlot(data, new NumberAxis("Payback (months)"), new NumberAxis("Samples"), renderer);
        OptionPlan.Percentiles p = bought.paybackMonths();
        List<String> drawn = new ArrayList<>();
        List<String> notDrawn = new ArrayList<>();
        String[] names = {"P10", "P50", "P90"};
        double[] values = {p.p10(), p.p50(), p.p90()};
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                notDrawn.add(names[i] + " never pays back");
                continue;
            }
            ValueMarker marker = new ValueMarker(values[i], VERMILION, DASHED);
            marker.setLabel(names[i]);
            marker.setLabelFont(SvgCharts.TICK_FONT);
            marker.setLabelPaint(SvgCharts.TEXT);
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            xy.addDomainMarker(marker);
            drawn.add(names[i] + " " + Money.months(values[i]));
        }
        String instead = rentedBest == null ? "" : "The best option, " + label(rentedBest)
                + ", is rented and has no purchase to pay back; shown here is the bought machine that keeps up best. ";
        String lines = drawn.isEmpty() ? "no percentile is finite, so no line is drawn"
                : "dashed lines at " + String.join(", ", drawn) + (notDrawn.isEmpty() ? "" : "; " + String.join(", ", notDrawn) + " (no line)");
        return UsageCharts.chart("plan-payback", "Payback distribution: " + label(bought),
                instead + String.format(java.util.Locale.ROOT, "Monte Carlo samples of the uncertain inputs that pay back; %s. "
                        + "%.0f %% of the samples pay back within the machine's life.", lines,
                        bought.paybackWithinLifeProbability() * 100), xy, true);
    }

    /** How far each input, at its low and its high value, moves the best option's payback (months). */
    static Chart tornado(OptionPlan best) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double base = best.paybackMonths().p50();
        for (OptionPlan.Sensitivity s : best.sensitivity()) {
            data.addValue(capped(s.paybackAtLow()) - capped(base), "At its low value", s.input() + " (" + s.lowValue() + " to " + s.highValue() + ")");
            data.addValue(capped(s.paybackAtHigh()) - capped(base), "At its high value", s.input() + " (" + s.lowValue() + " to " + s.highValue() + ")");
        }
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("Input"), new NumberAxis("Change in payback (months)"),
                UsageCharts.bars(BLUE, ORANGE));
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        return UsageCharts.chart("plan-tornado", "What moves the payback most",
                "Each input at its low and its high value, the others at their most likely; bars show the change from the "
                        + "median payback (never paying back counts as 120 months).", plot, true,
                Math.max(SvgCharts.HEIGHT / 2, 90 + 45 * best.sensitivity().size()));
    }

    private static double capped(double months) {
        return Double.isFinite(months) ? Math.min(months, 120) : 120;
    }

    private static XYLineAndShapeRenderer lines(int series) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < series; i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            renderer.setSeriesPaint(i, OPTION_COLORS[(i + OPTION_COLORS.length - 1) % OPTION_COLORS.length]);
        }
        return renderer;
    }
}
