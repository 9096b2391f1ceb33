package costplan.importers;

/**
 * Text from the data (folder names, working directories, model names, cells) made safe to print: control characters
 * and the characters that reorder text on screen are replaced by visible escapes, so that a name cannot move the
 * cursor, retitle the terminal or disguise itself, in a table, a CSV file, JSON or a warning alike.
 *
 * <pre>{@code
 * VisibleText.of("shop\u001b]0;pwned\u0007");   // "shop\x1b]0;pwned\x07"
 * VisibleText.of("invoice\u202Egpj.exe");        // "invoice\u202egpj.exe"
 * }</pre>
 */
public final class VisibleText {
    private VisibleText() {
    }

    /** Returns {@code text} with every hidden character escaped; the same instance when it has none (or null). */
    public static String of(String text) {
        if (text == null) return null;
        int i = 0;
        while (i < text.length() && !hidden(text.charAt(i))) i++;
        if (i == text.length()) return text;
        StringBuilder visible = new StringBuilder(text.length() + 8).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!hidden(c)) visible.append(c);
            else if (c <= 0xff) visible.append(String.format("\\x%02x", (int) c));
            else visible.append(String.format("\\u%04x", (int) c));
        }
        return visible.toString();
    }

    /**
     * C0 controls (tab and newline included: a name holds neither), DEL, C1 controls (0x9b starts an escape sequence
     * on some terminals), and the bidirectional embeddings, overrides and isolates.
     */
    private static boolean hidden(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
