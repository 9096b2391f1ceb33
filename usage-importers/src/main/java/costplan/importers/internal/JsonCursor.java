package costplan.importers.internal;

import costplan.importers.ImportProblem;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A strict JSON reader over the UTF-8 bytes of one line that decodes only the values asked for: everything else is
 * checked (structure, numbers, escapes, UTF-8) and skipped without making objects. Claude Code lines are mostly
 * prompt, code and tool text that costplan never reads, and skipping a string here looks at eight bytes at a time
 * ({@link ByteSearch#jsonStringSpecial}); a general parser costs several times more on a cold JVM.
 *
 * <pre>{@code
 * JsonCursor json = new JsonCursor(bytes, 0, bytes.length);
 * json.startObject();
 * while (json.nextField()) {
 *     if (json.field(FIELDS) == Field.MODEL) model = json.string();
 *     else json.skipValue();
 * }
 * json.end();
 * }</pre>
 */
public final class JsonCursor {
    /** Kinds of value, as {@link #peek} tells them. */
    public enum Kind { STRING, NUMBER, OBJECT, ARRAY, TRUE, FALSE, NULL }

    private static final int MAX_DEPTH = 1000;
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int start;
    private int end;
    private int pos;
    /** Per open object or array: whether its next member is its first (no comma before it). */
    private boolean[] first = new boolean[16];
    private int depth;
    private int fieldStart;
    private int fieldEnd;
    private boolean fieldEscaped;
    /** Set by {@link #stringEnd}: whether the string just scanned is plain ASCII, with no escape. */
    private boolean plainAscii;

    public JsonCursor(byte[] bytes, int start, int end) {
        reset(bytes, start, end);
    }

    /** A cursor to {@link #reset} before use. */
    public JsonCursor() {
    }

    /** Starts reading {@code bytes[start, end)} from its beginning. */
    public void reset(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.start = start;
        this.end = end;
        this.pos = start;
        this.depth = 0;
    }

    /** Returns the kind of the next value, without reading it. */
    public Kind peek() throws LineProblem {
        skipWhitespace();
        if (pos >= end) throw malformed("the line ends where a value should be");
        return switch (bytes[pos]) {
            case '"' -> Kind.STRING;
            case '{' -> Kind.OBJECT;
            case '[' -> Kind.ARRAY;
            case 't' -> Kind.TRUE;
            case 'f' -> Kind.FALSE;
            case 'n' -> Kind.NULL;
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> Kind.NUMBER;
            default -> throw malformed("unexpected character " + describe(bytes[pos]));
        };
    }

    /** Reads the {@code {} that opens an object. */
    public void startObject() throws LineProblem {
        open('{');
    }

    /** Reads the {@code [} that opens an array. */
    public void startArray() throws LineProblem {
        open('[');
    }

    private void open(char bracket) throws LineProblem {
        skipWhitespace();
        if (pos >= end || bytes[pos] != bracket) throw malformed("expected '" + bracket + "'");
        if (depth == MAX_DEPTH) throw malformed("values nested more than " + MAX_DEPTH + " deep");
        if (depth + 1 == first.length) first = Arrays.copyOf(first, first.length * 2);
        pos++;
        first[++depth] = true;
    }

    /**
     * Moves to the next field of the open object and reads its name and colon; false (after reading the {@code }})
     * when the object has no more fields.
     */
    public boolean nextField() throws LineProblem {
        if (!nextMember('}')) return false;
        if (pos >= end || bytes[pos] != '"') throw malformed("expected a field name");
        fieldStart = pos + 1;
        fieldEnd = stringEnd(fieldStart);
        fieldEscaped = !plainAscii;
        pos = fieldEnd + 1;
        skipWhitespace();
        if (pos >= end || bytes[pos] != ':') throw malformed("expected ':' after a field name");
        pos++;
        return true;
    }

    /** Moves to the next element of the open array; false (after reading the {@code ]}) when there is none. */
    public boolean nextElement() throws LineProblem {
        return nextMember(']');
    }

    private boolean nextMember(char close) throws LineProblem {
        skipWhitespace();
        if (pos < end && bytes[pos] == close) {
            pos++;
            depth--;
            return false;
        }
        if (!first[depth]) {
            if (pos >= end || bytes[pos] != ',') throw malformed("expected ',' or '" + close + "'");
            pos++;
            skipWhitespace();
        }
        first[depth] = false;
        return true;
    }

    /** Returns which of {@code names} the current field is, or null when it is none of them. */
    public <F extends Enum<F>> F field(FieldNames<F> names) throws LineProblem {
        return fieldEscaped ? names.find(fieldName()) : names.find(bytes, fieldStart, fieldEnd);
    }

    /** Returns the current field's name. */
    String fieldName() throws LineProblem {
        return decode(fieldStart, fieldEnd, fieldEscaped);
    }

    /** Reads a string value. */
    public String string() throws LineProblem {
        if (peek() != Kind.STRING) throw malformed("expected a string");
        int from = pos + 1;
        int close = stringEnd(from);
        pos = close + 1;
        return decode(from, close, !plainAscii);
    }

    /** Reads a string value, handing back {@code last}'s text itself when the value repeats it. */
    public String string(LastText last) throws LineProblem {
        if (peek() != Kind.STRING) throw malformed("expected a string");
        int from = pos + 1;
        int close = stringEnd(from);
        pos = close + 1;
        return plainAscii ? last.of(bytes, from, close) : decode(from, close, true);
    }

    /** Returns whether the next value is a number without fraction or exponent, without reading it. */
    public boolean nextIsWholeNumber() throws LineProblem {
        if (peek() != Kind.NUMBER) return false;
        int numberEnd = numberEnd();
        for (int i = pos; i < numberEnd; i++) if (bytes[i] == '.' || bytes[i] == 'e' || bytes[i] == 'E') return false;
        return true;
    }

    /** Reads a whole number that fits in a {@code long}; the caller has checked {@link #nextIsWholeNumber}. */
    public long wholeNumber() throws LineProblem {
        skipWhitespace();
        int numberEnd = numberEnd();
        boolean negative = bytes[pos] == '-';
        long value = 0;
        for (int i = negative ? pos + 1 : pos; i < numberEnd; i++) {
            long next = value * 10 - (bytes[i] - '0');
            if (value < Long.MIN_VALUE / 10 || next > value) throw malformed("a number too large for a count");
            value = next;
        }
        pos = numberEnd;
        if (!negative && value == Long.MIN_VALUE) throw malformed("a number too large for a count");
        return negative ? value : -value;
    }

    /**
     * Reads a number as an exact decimal, within {@link InputBounds#decimal}'s limits (a problem naming {@code field}
     * otherwise); the caller has checked it is a {@link Kind#NUMBER}.
     */
    public BigDecimal decimal(String field) throws LineProblem {
        skipWhitespace();
        int from = pos;
        pos = numberEnd();
        if (pos - from > InputBounds.NUMBER_CHARS) throw InputBounds.tooLong(field, pos - from);
        return InputBounds.decimal(new String(bytes, from, pos - from, StandardCharsets.US_ASCII), field);
    }

    /** Returns the text of the next value for an error message: a scalar as written (strings shortened), else its bracket. */
    public String describeValue() throws LineProblem {
        Kind kind = peek();
        if (kind == Kind.OBJECT) return "{";
        if (kind == Kind.ARRAY) return "[";
        if (kind == Kind.STRING) {
            String s = string();
            return '"' + (s.length() <= 40 ? s : s.substring(0, 40) + "…") + '"';
        }
        int from = pos;
        skipValue();
        return new String(bytes, from, pos - from, StandardCharsets.UTF_8);
    }

    /** Checks and skips the next value, however deep. */
    public void skipValue() throws LineProblem {
        switch (peek()) {
            case STRING -> pos = stringEnd(pos + 1) + 1;
            case NUMBER -> pos = numberEnd();
            case OBJECT -> {
                startObject();
                while (nextField()) skipValue();
            }
            case ARRAY -> {
                startArray();
                while (nextElement()) skipValue();
            }
            case TRUE -> literal(TRUE);
            case FALSE -> literal(FALSE);
            case NULL -> literal(NULL);
        }
    }

    private void literal(byte[] word) throws LineProblem {
        if (end - pos < word.length || !Arrays.equals(bytes, pos, pos + word.length, word, 0, word.length))
            throw malformed("unexpected character " + describe(bytes[pos]));
        pos += word.length;
    }

    /** Checks that nothing but whitespace follows the value read. */
    public void end() throws LineProblem {
        skipWhitespace();
        if (pos < end) throw malformed("unexpected text after the JSON object");
    }

    // Split in two so that the common case, no whitespace at all, is small enough for the JIT to inline everywhere.
    private void skipWhitespace() {
        if (pos >= end || bytes[pos] <= ' ') skipBlanks();
    }

    private void skipBlanks() {
        while (pos < end) {
            byte c = bytes[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
            pos++;
        }
    }

    /** Returns the end of the number at {@code pos}, checking JSON's number grammar. */
    private int numberEnd() throws LineProblem {
        int i = pos;
        if (i < end && bytes[i] == '-') i++;
        if (i < end && bytes[i] == '0') i++;
        else if (i < end && isDigit(bytes[i])) while (i < end && isDigit(bytes[i])) i++;
        else throw malformed("a number without digits");
        if (i < end && bytes[i] == '.') {
            i++;
            if (i >= end || !isDigit(bytes[i])) throw malformed("a number without digits after its '.'");
            while (i < end && isDigit(bytes[i])) i++;
        }
        if (i < end && (bytes[i] == 'e' || bytes[i] == 'E')) {
            i++;
            if (i < end && (bytes[i] == '+' || bytes[i] == '-')) i++;
            if (i >= end || !isDigit(bytes[i])) throw malformed("a number without digits in its exponent");
            while (i < end && isDigit(bytes[i])) i++;
        }
        return i;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Returns the index of the quote that closes the string whose text starts at {@code from}, checking its escapes
     * and UTF-8; sets {@link #plainAscii}.
     */
    private int stringEnd(int from) throws LineProblem {
        boolean ascii = true;
        int i = from;
        while (true) {
            i = ByteSearch.jsonStringSpecial(bytes, i, end);
            if (i >= end) {
                pos = end;
                throw malformed("a string that is not closed");
            }
            int c = bytes[i] & 0xFF;
            if (c == '"') {
                plainAscii = ascii;
                return i;
            }
            ascii = false;
            if (c == '\\') i = escapeEnd(i);
            else if (c < 0x20) {
                pos = i;
                throw malformed("an unescaped control character " + describe((byte) c) + " in a string");
            } else i += utf8Length(i);
        }
    }

    private int escapeEnd(int backslash) throws LineProblem {
        if (backslash + 1 >= end) {
            pos = backslash;
            throw malformed("a string that is not closed");
        }
        switch (bytes[backslash + 1]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return backslash + 2;
            }
            case 'u' -> {
                for (int k = backslash + 2; k < backslash + 6; k++)
                    if (k >= end || Character.digit(bytes[k], 16) < 0) {
                        pos = backslash;
                        throw malformed("a \\u escape without four hex digits");
                    }
                return backslash + 6;
            }
            default -> {
                pos = backslash;
                throw malformed("an unknown escape \\" + (char) (bytes[backslash + 1] & 0xFF));
            }
        }
    }

    /** Returns the length of the valid UTF-8 sequence at {@code i}; a line with an invalid one is rejected. */
    private int utf8Length(int i) throws LineProblem {
        int c = bytes[i] & 0xFF;
        int length;
        int min = 0x80, max = 0xBF;   // the allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) length = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0) min = 0xA0;
            else if (c == 0xED) max = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0) min = 0x90;
            else if (c == 0xF4) max = 0x8F;
        } else throw invalidUtf8(i);
        if (i + length > end) throw invalidUtf8(i);
        int second = bytes[i + 1] & 0xFF;
        if (second < min || second > max) throw invalidUtf8(i);
        for (int k = i + 2; k < i + length; k++) if ((bytes[k] & 0xC0) != 0x80) throw invalidUtf8(i);
        return length;
    }

    private String decode(int from, int to, boolean escapedOrWide) {
        if (!escapedOrWide) return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        StringBuilder text = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            int backslash = i;
            while (backslash < to && bytes[backslash] != '\\') backslash++;
            text.append(new String(bytes, i, backslash - i, StandardCharsets.UTF_8));
            if (backslash == to) break;
            byte kind = bytes[backslash + 1];
            switch (kind) {
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> text.append((char) Integer.parseInt(new String(bytes, backslash + 2, 4, StandardCharsets.US_ASCII), 16));
                default -> text.append((char) kind);
            }
            i = backslash + (kind == 'u' ? 6 : 2);
        }
        return text.toString();
    }

    private LineProblem malformed(String what) {
        return new LineProblem(ImportProblem.Kind.MALFORMED_LINE,
                "line is not valid JSON (" + what + " at column " + (pos - start + 1) + ")");
    }

    private LineProblem invalidUtf8(int at) {
        return new LineProblem(ImportProblem.Kind.INVALID_UTF8, "line is not valid UTF-8 (byte "
                + String.format("0x%02x", bytes[at] & 0xFF) + " at column " + (at - start + 1) + ")");
    }

    private static String describe(byte c) {
        return c >= 0x20 && c < 0x7F ? "'" + (char) c + "'" : String.format("0x%02x", c & 0xFF);
    }
}
