package costplan.importers.internal;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file one row at a time (RFC 4180 quoting, line breaks inside quotes), in UTF-8 with or without a
 * byte-order mark. The delimiter (comma, semicolon or tab) is the one the header line uses most outside quotes.
 */
public final class CsvReader implements Closeable {
    private static final char[] DELIMITERS = {',', ';', '\t'};

    private final BufferedReader in;
    private final char delimiter;
    private final List<String> header;
    private final StringBuilder cell = new StringBuilder(32);
    private long line;
    private long rowLine;
    private String[] row = new String[0];

    private CsvReader(BufferedReader in, String headerLine) throws IOException {
        this.in = in;
        this.delimiter = delimiterOf(headerLine);
        this.line = 1;
        this.header = List.of(split(headerLine, delimiter, cell)).stream().map(String::strip).toList();
    }

    /** Opens {@code file} and reads its header line; throws for a file that has none. */
    public static CsvReader open(Path file) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        InputStream stream = Files.newInputStream(file);
        BufferedReader in = new BufferedReader(new InputStreamReader(stream, utf8), 1 << 16);
        try {
            String first = in.readLine();
            if (first == null) throw new IOException("is empty; expected a CSV header line");
            if (!first.isEmpty() && first.charAt(0) == '\uFEFF') first = first.substring(1);
            return new CsvReader(in, first);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    /** Returns the column names of the first line of {@code head} (a file's first bytes), for sniffing its format. */
    public static List<String> headerOf(String head) {
        String text = head.startsWith("\uFEFF") ? head.substring(1) : head;
        int end = text.indexOf('\n');
        String first = (end < 0 ? text : text.substring(0, end)).strip();
        return List.of(split(first, delimiterOf(first), new StringBuilder())).stream().map(String::strip).toList();
    }

    /** Returns the column names, trimmed, in file order. */
    public List<String> header() {
        return header;
    }

    /** Moves to the next non-blank row; returns false at the end of the file. */
    public boolean next() throws IOException {
        while (true) {
            String text = in.readLine();
            if (text == null) return false;
            line++;
            rowLine = line;
            if (text.isBlank()) continue;
            while (text.indexOf('"') >= 0 && unbalancedQuotes(text)) {
                String more = in.readLine();
                if (more == null) break;
                line++;
                text = text + "\n" + more;
            }
            row = split(text, delimiter, cell);
            return true;
        }
    }

    /** Returns the current row's cells; quotes removed, surrounding blanks kept. */
    public String[] row() {
        return row;
    }

    /** Returns the line on which the current row starts (the header is line 1). */
    public long line() {
        return rowLine;
    }

    private static boolean unbalancedQuotes(String text) {
        int quotes = 0;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '"') quotes++;
        return (quotes & 1) == 1;
    }

    private static String[] split(String text, char delimiter, StringBuilder cell) {
        if (text.indexOf('"') < 0) return splitUnquoted(text, delimiter);
        List<String> cells = new ArrayList<>(24);
        cell.setLength(0);
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c != '"') cell.append(c);
                else if (i + 1 < text.length() && text.charAt(i + 1) == '"') cell.append(text.charAt(++i));
                else quoted = false;
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }

    /** Splits a row without quotes: most rows of an export, and several times faster cut at each delimiter. */
    private static String[] splitUnquoted(String text, char delimiter) {
        int count = 1;
        for (int i = text.indexOf(delimiter); i >= 0; i = text.indexOf(delimiter, i + 1)) count++;
        String[] cells = new String[count];
        int start = 0;
        for (int k = 0; k < count - 1; k++) {
            int cut = text.indexOf(delimiter, start);
            cells[k] = text.substring(start, cut);
            start = cut + 1;
        }
        cells[count - 1] = text.substring(start);
        return cells;
    }

    private static char delimiterOf(String headerLine) {
        char best = ',';
        int bestCount = 0;
        for (char d : DELIMITERS) {
            int count = 0;
            boolean quoted = false;
            for (int i = 0; i < headerLine.length(); i++) {
                char c = headerLine.charAt(i);
                if (c == '"') quoted = !quoted;
                else if (c == d && !quoted) count++;
            }
            if (count > bestCount) {
                best = d;
                bestCount = count;
            }
        }
        return best;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
