package costplan.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;

/** Draws a JFreeChart as an inline SVG element in the report's look, at a fixed size that scales with the page. */
final class SvgCharts {
    static final Color TEXT = new Color(0x33, 0x33, 0x33);
    static final Color GRID = new Color(0xd9, 0xd9, 0xd9);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final int WIDTH = 760;
    static final int HEIGHT = 320;

    private SvgCharts() {
    }

    /** Returns {@code chart} as an {@code <svg>} element whose ids all start with {@code id}, so several fit one page. */
    static String render(JFreeChart chart, String id, int width, int height) {
        style(chart);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(id + "-");
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g.getSVGElement(id + "-svg", false, new ViewBox(0, 0, width, height),
                PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LABEL_FONT);
            legend.setItemPaint(TEXT);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setBackgroundPaint(Color.WHITE);
        }
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setBackgroundPaint(Color.WHITE);
            xy.setOutlineVisible(false);
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) styleAxis(xy.getDomainAxis(i));
            for (int i = 0; i < xy.getRangeAxisCount(); i++) styleAxis(xy.getRangeAxis(i));
        } else if (chart.getPlot() instanceof CategoryPlot cat) {
            cat.setBackgroundPaint(Color.WHITE);
            cat.setOutlineVisible(false);
            cat.setRangeGridlinePaint(GRID);
            styleAxis(cat.getDomainAxis());
            styleAxis(cat.getRangeAxis());
        }
    }

    private static void styleAxis(org.jfree.chart.axis.Axis axis) {
        if (axis == null) return;
        axis.setLabelFont(LABEL_FONT);
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(GRID);
        axis.setTickMarkPaint(GRID);
    }
}
