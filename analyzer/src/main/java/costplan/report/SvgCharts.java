package costplan.report;

import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGIDGenerator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;

/** Draws a JFreeChart as an inline SVG element in the report's look, at a fixed size that scales with the page. */
final class SvgCharts {
    static final Color TEXT = new Color(0x33, 0x33, 0x33);
    static final Color GRID = new Color(0xd9, 0xd9, 0xd9);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final int WIDTH = 760;
    static final int HEIGHT = 320;
    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    private SvgCharts() {
    }

    /** Returns {@code chart} as an {@code <svg>} element whose ids all start with {@code id}, so several fit one page. */
    static String render(JFreeChart chart, String id, int width, int height) {
        style(chart);
        Document document = newDocument();
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        context.setComment(null);
        context.setIDGenerator(new PrefixedIds(id + "-"));
        context.setEmbeddedFontsOn(false);
        SVGGraphics2D g = new SVGGraphics2D(context, false);
        drawWithRotatedText(chart, g, width, height);
        Element root = g.getRoot();
        root.setAttribute("id", id + "-svg");
        root.setAttribute("viewBox", "0 0 " + width + " " + height);
        root.setAttribute("preserveAspectRatio", "xMidYMid meet");
        // Batik's default is Java's logical font 'Dialog', which browsers do not know.
        root.setAttribute("font-family", "sans-serif");
        tidy(root, id + "-");
        StringBuilder svg = new StringBuilder();
        write(root, svg);
        return svg.toString();
    }

    /**
     * Draws {@code chart} with its rotated labels (the vertical axis titles) as text. By default JFreeChart draws
     * rotated text through a {@code TextLayout}, a workaround for JDK 1.3-era bugs that reaches an SVG as glyph
     * outlines: a third of the page's bytes, not selectable, and in the JDK's font rather than the page's. The
     * setting is global to JFreeChart, so it is restored at once; reports are drawn one chart at a time.
     */
    private static synchronized void drawWithRotatedText(JFreeChart chart, SVGGraphics2D g, int width, int height) {
        boolean workaround = TextUtils.isUseDrawRotatedStringWorkaround();
        TextUtils.setUseDrawRotatedStringWorkaround(false);
        try {
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            TextUtils.setUseDrawRotatedStringWorkaround(workaround);
        }
    }

    private static Document newDocument() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                    .createDocument(SVG_NAMESPACE, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot make an empty document", e);
        }
    }

    /**
     * Drops the empty {@code <defs>} Batik always adds, and prefixes the ids Batik gives without its id generator
     * (the {@code genericDefs} group), so no id repeats when several charts share a page.
     */
    private static void tidy(Element element, String prefix) {
        for (Node c = element.getFirstChild(); c != null; ) {
            Node next = c.getNextSibling();
            if (c instanceof Element child) {
                if (child.getTagName().equals("defs") && !child.hasChildNodes()) element.removeChild(child);
                else tidy(child, prefix);
            }
            c = next;
        }
        String id = element.getAttribute("id");
        if (!id.isEmpty() && !id.startsWith(prefix)) element.setAttribute("id", prefix + id);
    }

    /** Writes {@code node} as XML: attributes in double quotes, all text and values escaped, no whitespace added. */
    private static void write(Node node, StringBuilder out) {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                out.append('<').append(node.getNodeName());
                NamedNodeMap attributes = node.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Node a = attributes.item(i);
                    out.append(' ').append(a.getNodeName()).append("=\"");
                    escape(a.getNodeValue(), out);
                    out.append('"');
                }
                if (!node.hasChildNodes()) {
                    out.append("/>");
                    return;
                }
                out.append('>');
                for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) write(c, out);
                out.append("</").append(node.getNodeName()).append('>');
            }
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> escape(node.getNodeValue(), out);
            default -> { } // comments and processing instructions are left out
        }
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }

    /** Ids such as {@code daily-cost-clipPath1}: numbered per chart, so the same chart always gets the same ids. */
    private static final class PrefixedIds extends SVGIDGenerator {
        private final String prefix;
        private final Map<String, Integer> counts = new HashMap<>();

        PrefixedIds(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public String generateID(String kind) {
            return prefix + kind + counts.merge(kind, 1, Integer::sum);
        }
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
            // Room after each label, so the next item's line does not run into it.
            legend.setItemLabelPadding(new org.jfree.chart.ui.RectangleInsets(2, 2, 2, 16));
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
