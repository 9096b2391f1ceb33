package costplan.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** A terminal table: a header row, aligned columns (text left, figures right), a rule under the header. */
public final class TextTable {
    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    /** Creates a table; a header starting with {@code >} is right-aligned (the marker is not printed). */
    public TextTable(String... headers) {
        this.headers = new ArrayList<>();
        this.rightAligned = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            rightAligned[i] = headers[i].startsWith(">");
            this.headers.add(rightAligned[i] ? headers[i].substring(1) : headers[i]);
        }
    }

    public TextTable row(String... cells) {
        if (cells.length != headers.size())
            throw new IllegalArgumentException("expected " + headers.size() + " cells but got " + cells.length);
        rows.add(List.of(cells));
        return this;
    }

    public void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) widths[i] = Math.max(widths[i], row.get(i).length());
        }
        printRow(out, headers, widths);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) rule.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
        out.println(rule);
        for (List<String> row : rows) printRow(out, row, widths);
    }

    private void printRow(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) line.append("  ");
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            line.append(rightAligned[i] ? pad + cell : cell + (i == widths.length - 1 ? "" : pad));
        }
        out.println(line.toString().stripTrailing());
    }

    /** Returns the table as it prints, one line per row. */
    @Override
    public String toString() {
        StringWriter text = new StringWriter();
        print(new PrintWriter(text));
        return text.toString();
    }
}
