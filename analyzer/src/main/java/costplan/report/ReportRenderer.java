package costplan.report;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Renders a {@link ReportPage} into one self-contained HTML document with the templates and CSS of
 * {@code report-templates/} (on the class path under {@code costplan/report/}). Thymeleaf escapes every text.
 */
public final class ReportRenderer {
    static final String TEMPLATES = "costplan/report/templates/";
    static final String STYLESHEET = "costplan/report/report.css";

    private final TemplateEngine engine = new TemplateEngine();
    private final String css;

    /** Returns a renderer with the bundled templates. */
    public ReportRenderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ReportRenderer.class.getClassLoader());
        resolver.setPrefix(TEMPLATES);
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        engine.setTemplateResolver(resolver);
        css = resource(STYLESHEET);
    }

    /** Returns {@code page} as an HTML document. */
    public String render(ReportPage page) {
        Context context = new Context(Locale.ROOT);
        context.setVariable("page", page);
        context.setVariable("css", css);
        context.setVariable("marker", ReportPage.MARKER);
        return engine.process("report", context);
    }

    private static String resource(String name) {
        try (InputStream in = ReportRenderer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("the bundled report resource " + name + " is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
