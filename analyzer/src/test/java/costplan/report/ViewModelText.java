package costplan.report;

import java.lang.reflect.RecordComponent;
import java.util.List;

/** Writes a report's view model as indented text for golden files: every field, charts without their SVG. */
final class ViewModelText {
    private ViewModelText() {
    }

    static String of(ReportPage page) {
        StringBuilder out = new StringBuilder();
        write(out, "page", page, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, String name, Object value, int depth) {
        String indent = "  ".repeat(depth);
        if (value instanceof Chart c) {
            out.append(indent).append(name).append(": chart ").append(c.id()).append(" | ").append(c.title())
                    .append(" | ").append(c.caption()).append('\n');
        } else if (value instanceof List<?> list) {
            out.append(indent).append(name).append(": ").append(list.size()).append(" items\n");
            for (int i = 0; i < list.size(); i++) write(out, "[" + i + "]", list.get(i), depth + 1);
        } else if (value != null && value.getClass().isRecord()) {
            out.append(indent).append(name).append(": ").append(value.getClass().getSimpleName()).append('\n');
            for (RecordComponent rc : value.getClass().getRecordComponents()) {
                try {
                    write(out, rc.getName(), rc.getAccessor().invoke(value), depth + 1);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else {
            out.append(indent).append(name).append(": ").append(value).append('\n');
        }
    }
}
