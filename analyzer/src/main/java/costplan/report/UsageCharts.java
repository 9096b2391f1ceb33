package costplan.report;

import costplan.ledger.UsageGroup;
import costplan.pricing.SubscriptionPlan;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickMarkPosition;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimePeriodAnchor;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.time.TimeTableXYDataset;
import org.jfree.data.xy.DefaultXYZDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Line2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Draws the usage section's charts. Days are local dates already cut in the ledger's zone, so they are
 * placed on a UTC time axis: a day is never split or shifted by the axis.
 */
final class UsageCharts {
    private static final TimeZone AXIS_ZONE = TimeZone.getTimeZone("UTC");
    private static final Calendar UTC_CALENDAR = Calendar.getInstance(AXIS_ZONE, Locale.ROOT);
    private static final long DAY_MILLIS = 86_400_000L;
    // Okabe-Ito colours: told apart with every common colour-vision deficiency.
    static final Color BLUE = new Color(0x00, 0x72, 0xB2);
    static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
    static final Color SKY = new Color(0x56, 0xB4, 0xE9);
    static final Color GREEN = new Color(0x00, 0x9E, 0x73);
    static final Color VERMILION = new Color(0xD5, 0x5E, 0x00);
    static final Color PURPLE = new Color(0xCC, 0x79, 0xA7);
    private static final Color[] PLAN_COLORS = {GREEN, VERMILION, PURPLE, ORANGE};

    /** One bar of a bar chart. */
    record Bar(String label, double value) {
    }

    private UsageCharts() {
    }

    static Chart dailyTokens(List<UsageGroup> days) {
        TimeTableXYDataset data = new TimeTableXYDataset(AXIS_ZONE, Locale.ROOT);
        data.setXPosition(TimePeriodAnchor.MIDDLE);
        for (UsageGroup d : days) {
            Day day = day(d.key());
            data.add(day, d.tokens().inputTokens() / 1e6, "Input (uncached)", false);
            data.add(day, d.tokens().cacheCreationTokens() / 1e6, "Cache writes", false);
            data.add(day, d.tokens().cacheReadTokens() / 1e6, "Cache reads", false);
            data.add(day, d.tokens().outputTokens() / 1e6, "Output", false);
        }
        StackedXYBarRenderer renderer = stackedBars(BLUE, ORANGE, SKY, GREEN);
        XYPlot plot = new XYPlot(data, dateAxis(days), new NumberAxis("Tokens per day (millions)"), renderer);
        return chart("daily-tokens", "Tokens per day, by kind",
                "Millions of tokens per day. Cache reads are prompt tokens served from the prompt cache; "
                        + "cache writes put prompt tokens into it; input is the uncached rest of the prompt.", plot, true);
    }

    static Chart dailyCost(List<UsageGroup> days, List<SubscriptionPlan> plans) {
        TimeSeries cost = new TimeSeries("API-equivalent cost");
        double highest = 0;
        for (UsageGroup d : days) {
            cost.add(day(d.key()), d.computedCost().toDouble());
            highest = Math.max(highest, d.computedCost().toDouble());
        }
        XYBarRenderer renderer = new XYBarRenderer(0.15);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, BLUE);
        NumberAxis usd = new NumberAxis("USD per day");
        usd.setNumberFormatOverride(dollars());
        XYPlot plot = new XYPlot(middle(cost), dateAxis(days), usd, renderer);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem("API-equivalent cost", BLUE));
        for (int i = 0; i < plans.size(); i++) {
            SubscriptionPlan p = plans.get(i);
            Color color = PLAN_COLORS[i % PLAN_COLORS.length];
            BasicStroke dashed = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[]{6, 4}, 0);
            plot.addRangeMarker(new ValueMarker(p.usdFor(1).doubleValue(), color, dashed));
            legend.add(new LegendItem(p.name() + " (" + ReportFormats.usd(p.usdFor(1)) + "/day)", null, null, null,
                    new Line2D.Double(0, 0, 16, 0), dashed, color));
            highest = Math.max(highest, p.usdFor(1).doubleValue());
        }
        plot.setFixedLegendItems(legend);
        usd.setUpperBound(highest * 1.15 + 0.01);
        return chart("daily-cost", "API-equivalent cost per day",
                "US dollars per day at the API list prices in force on each day. Dashed lines: what each "
                        + "subscription costs per day (its monthly price over an average month of 30.44 days).", plot, true);
    }

    static Chart cacheHitRate(List<UsageGroup> days) {
        TimeSeries rate = new TimeSeries("Cache-hit rate");
        for (UsageGroup d : days) rate.add(day(d.key()), d.cacheHitRate() * 100);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, BLUE);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        NumberAxis percent = new NumberAxis("Prompt tokens read from cache (%)");
        percent.setRange(0, 100);
        XYPlot plot = new XYPlot(middle(rate), dateAxis(days), percent, renderer);
        return chart("cache-hit-rate", "Cache-hit rate per day",
                "Cache reads as a share of all prompt tokens (input + cache writes + cache reads), per day.", plot, false);
    }

    static Chart modelMix(List<Bar> tokenShares, List<Bar> costShares) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Bar b : tokenShares) data.addValue(b.value() * 100, "Share of tokens", b.label());
        for (Bar b : costShares) data.addValue(b.value() * 100, "Share of cost", b.label());
        NumberAxis percent = new NumberAxis("% of all tokens or of all cost");
        percent.setRange(0, 100);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("Model"), percent, bars(SKY, BLUE));
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        return chart("model-mix", "Model mix", "Each model's share of all tokens and of the API-equivalent cost.",
                plot, true, Math.max(SvgCharts.HEIGHT / 2, 90 + 50 * tokenShares.size()));
    }

    static Chart activity(long[][] requestsByWeekdayAndHour, String zone) {
        DefaultXYZDataset data = new DefaultXYZDataset();
        double[][] xyz = new double[3][7 * 24];
        long most = 1;
        for (int weekday = 0; weekday < 7; weekday++)
            for (int hour = 0; hour < 24; hour++) {
                int i = weekday * 24 + hour;
                xyz[0][i] = hour;
                xyz[1][i] = weekday;
                xyz[2][i] = requestsByWeekdayAndHour[weekday][hour];
                most = Math.max(most, requestsByWeekdayAndHour[weekday][hour]);
            }
        data.addSeries("Requests", xyz);
        NumberAxis hours = new NumberAxis("Hour of day (" + zone + ")");
        hours.setRange(-0.5, 23.5);
        hours.setTickUnit(new NumberTickUnit(2));
        String[] names = new String[7];
        for (DayOfWeek d : DayOfWeek.values()) names[d.ordinal()] = d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        SymbolAxis weekdays = new SymbolAxis("Weekday", names);
        weekdays.setRange(-0.5, 6.5);
        weekdays.setInverted(true);
        weekdays.setGridBandsVisible(false);
        XYBlockRenderer renderer = new XYBlockRenderer();
        Shades shades = new Shades(most);
        renderer.setPaintScale(shades);
        XYPlot plot = new XYPlot(data, hours, weekdays, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(null, SvgCharts.LABEL_FONT, plot, false);
        NumberAxis scaleAxis = new NumberAxis("Requests");
        scaleAxis.setRange(0, most);
        scaleAxis.setLabelFont(SvgCharts.LABEL_FONT);
        scaleAxis.setTickLabelFont(SvgCharts.TICK_FONT);
        PaintScaleLegend legend = new PaintScaleLegend(shades, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 12, 4, 4);
        legend.setStripWidth(12);
        legend.setFrame(BlockBorder.NONE);
        chart.addSubtitle(legend);
        return new Chart("activity", "When you work",
                "Requests by hour of day and weekday, over the whole period; darker is more.",
                SvgCharts.render(chart, "activity", SvgCharts.WIDTH, 280));
    }

    static Chart sessions(List<UsageGroup> days) {
        TimeTableXYDataset data = new TimeTableXYDataset(AXIS_ZONE, Locale.ROOT);
        data.setXPosition(TimePeriodAnchor.MIDDLE);
        for (UsageGroup d : days) {
            Day day = day(d.key());
            data.add(day, d.requests() - d.subAgentRequests(), "Main agent", false);
            data.add(day, d.subAgentRequests(), "Sub-agents", false);
        }
        NumberAxis requests = new NumberAxis("Requests per day");
        requests.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, dateAxis(days), requests, stackedBars(BLUE, ORANGE));
        return chart("sessions", "Requests by the main agent and by sub-agents",
                "API requests per day; sub-agents are the helper agents a session starts (Task tool).", plot, true);
    }

    static Chart topProjects(List<Bar> costs) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Bar b : costs) data.addValue(b.value(), "API-equivalent cost", b.label());
        NumberAxis usd = new NumberAxis("API-equivalent cost (USD)");
        usd.setNumberFormatOverride(dollars());
        CategoryAxis projects = new CategoryAxis("Project");
        projects.setMaximumCategoryLabelWidthRatio(0.35f);
        CategoryPlot plot = new CategoryPlot(data, projects, usd, bars(BLUE));
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        return chart("top-projects", "Projects by cost", "API-equivalent cost of each project over the period, "
                + "most expensive first.", plot, false, Math.max(SvgCharts.HEIGHT / 2, 80 + 32 * costs.size()));
    }

    static Chart chart(String id, String title, String caption, org.jfree.chart.plot.Plot plot, boolean legend) {
        return chart(id, title, caption, plot, legend, SvgCharts.HEIGHT);
    }

    static Chart chart(String id, String title, String caption, org.jfree.chart.plot.Plot plot, boolean legend,
                               int height) {
        JFreeChart chart = new JFreeChart(null, SvgCharts.LABEL_FONT, plot, legend);
        return new Chart(id, title, caption, SvgCharts.render(chart, id, SvgCharts.WIDTH, height));
    }

    /** Returns a collection of one series that places each day's value at noon, over the day's label. */
    private static TimeSeriesCollection middle(TimeSeries series) {
        TimeSeriesCollection collection = new TimeSeriesCollection(series, AXIS_ZONE);
        collection.setXPosition(TimePeriodAnchor.MIDDLE);
        return collection;
    }

    private static Day day(String isoDate) {
        LocalDate d = LocalDate.parse(isoDate);
        return new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    /** Returns a day axis from the first to the last day, whole days wide, one label per day or per few days. */
    private static DateAxis dateAxis(List<UsageGroup> days) {
        DateAxis axis = new DateAxis("Day", AXIS_ZONE, Locale.ENGLISH);
        SimpleDateFormat format = new SimpleDateFormat("d MMM", Locale.ENGLISH);
        format.setTimeZone(AXIS_ZONE);
        Day first = day(days.get(0).key());
        Day last = day(days.get(days.size() - 1).key());
        long dayCount = (last.getFirstMillisecond(UTC_CALENDAR) - first.getFirstMillisecond(UTC_CALENDAR)) / DAY_MILLIS + 1;
        int step = dayCount <= 14 ? 1 : dayCount <= 31 ? 2 : dayCount <= 70 ? 7 : 14;
        axis.setTickUnit(new DateTickUnit(DateTickUnitType.DAY, step, format));
        axis.setTickMarkPosition(DateTickMarkPosition.MIDDLE);
        axis.setRange(first.getFirstMillisecond(UTC_CALENDAR) - DAY_MILLIS / 4.0,
                last.getLastMillisecond(UTC_CALENDAR) + DAY_MILLIS / 4.0);
        return axis;
    }

    private static StackedXYBarRenderer stackedBars(Color... colors) {
        StackedXYBarRenderer renderer = new StackedXYBarRenderer(0.15);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        for (int i = 0; i < colors.length; i++) renderer.setSeriesPaint(i, colors[i]);
        return renderer;
    }

    static BarRenderer bars(Color... colors) {
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        renderer.setMaximumBarWidth(0.3);
        for (int i = 0; i < colors.length; i++) renderer.setSeriesPaint(i, colors[i]);
        return renderer;
    }

    static NumberFormat dollars() {
        return new DecimalFormat("$#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /** White for no requests to dark blue for the busiest hour. */
    private record Shades(double upper) implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            double t = Math.max(0, Math.min(1, value / upper));
            return new Color(mix(0xf4, 0x08, t), mix(0xf7, 0x30, t), mix(0xfb, 0x6b, t));
        }

        private static int mix(int from, int to, double t) {
            return (int) Math.round(from + (to - from) * t);
        }
    }
}
