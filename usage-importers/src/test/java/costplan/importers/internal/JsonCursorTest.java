package costplan.importers.internal;

import costplan.importers.ImportProblem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonCursorTest {
    private enum Field { WANTED, OTHER }

    private static final FieldNames<Field> FIELDS = new FieldNames<>(Field.class, f -> f.name().toLowerCase());

    private static JsonCursor cursor(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return new JsonCursor(bytes, 0, bytes.length);
    }

    /** Reads the string of field "wanted" of a top-level object, skipping every other field. */
    private static List<String> wanted(String json) throws LineProblem {
        JsonCursor c = cursor(json);
        List<String> found = new ArrayList<>();
        c.startObject();
        while (c.nextField()) {
            if (c.field(FIELDS) == Field.WANTED) found.add(c.string());
            else c.skipValue();
        }
        c.end();
        return found;
    }

    @Test
    void skipsEveryKindOfValueAndDecodesOnlyWhatIsAskedFor() throws LineProblem {
        assertThat(wanted("{\"a\":[1,-2.5e+3,true,false,null,{\"b\":[[]]},\"x\\\"y\"], \"wanted\" : \"sonnet\" ,\"c\":{}}"))
                .containsExactly("sonnet");
        // A long run of text with multi-byte characters and escapes on both sides of the eight-byte steps.
        String text = "code: \\\"é\\\" → 日本語 \\u00e9 \\ud83d\\ude00 ".repeat(50);
        assertThat(wanted("{\"content\":\"" + text + "\",\"wanted\":\"" + text + "\"}"))
                .containsExactly("code: \"é\" → 日本語 é \uD83D\uDE00 ".repeat(50));
    }

    @Test
    void matchesAFieldNameWrittenWithEscapes() throws LineProblem {
        assertThat(wanted("{\"w\\u0061nted\":\"yes\"}")).containsExactly("yes");
    }

    @Test
    void handsBackTheLastStringWhenTheTextRepeats() throws LineProblem {
        JsonCursor c = cursor("[\"claude-sonnet-4-5\",\"claude-sonnet-4-5\",\"claude-opus-4-6\",\"caf\u00e9\",\"caf\u00e9\"]");
        LastText last = new LastText();
        c.startArray();
        c.nextElement();
        String first = c.string(last);
        c.nextElement();
        assertThat(c.string(last)).isEqualTo("claude-sonnet-4-5").isSameAs(first);
        c.nextElement();
        assertThat(c.string(last)).isEqualTo("claude-opus-4-6");
        c.nextElement();
        String accented = c.string(last);
        c.nextElement();
        assertThat(c.string(last)).isEqualTo("café").isEqualTo(accented);
    }

    @Test
    void findsWantedFieldsAmongOthersOfEveryLength() throws LineProblem {
        JsonCursor c = cursor("{\"\":1,\"o\":2,\"wanted\":3,\"wantee\":4,\"other\":5,\"others\":6,\"w\\u0061nted\":7}");
        List<Field> found = new ArrayList<>();
        c.startObject();
        while (c.nextField()) {
            found.add(c.field(FIELDS));
            c.skipValue();
        }
        assertThat(found).containsExactly(null, null, Field.WANTED, null, Field.OTHER, null, Field.WANTED);
    }

    @Test
    void readsWholeNumbersAndDecimals() throws LineProblem {
        JsonCursor c = cursor("[0,-7,9223372036854775807,1.5,2e3,0.000001]");
        c.startArray();
        List<Object> read = new ArrayList<>();
        while (c.nextElement()) read.add(c.nextIsWholeNumber() ? (Object) c.wholeNumber() : c.decimal("n"));
        c.end();
        assertThat(read).containsExactly(0L, -7L, Long.MAX_VALUE, new BigDecimal("1.5"), new BigDecimal("2e3"),
                new BigDecimal("0.000001"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\":1,}                   | expected a field name at column 8",
            "{\"a\":1 \"b\":2}            | expected ',' or '}' at column 8",
            "{\"a\":01}                   | expected ',' or '}' at column 7",
            "{\"a\":1.}                   | a number without digits after its '.' at column 6",
            "{\"a\":tru}                  | unexpected character 't' at column 6",
            "{\"a\":\"x\\q\"}             | an unknown escape \\q at column 8",
            "{\"a\":\"x\\u12\"}           | a \\u escape without four hex digits at column 8",
            "{\"a\":\"cut off             | a string that is not closed at column 14",
            "{\"a\":[1,2}                 | expected ',' or ']' at column 10",
            "{\"a\":1}{}                  | unexpected text after the JSON object at column 8",
            "{\"a\":99999999999999999999} | a number too large for a count at column 6",
    })
    void rejectsWhatIsNotJson(String json, String problem) {
        assertThatThrownBy(() -> {
            JsonCursor c = cursor(json);
            c.startObject();
            while (c.nextField()) {
                if (c.nextIsWholeNumber()) c.wholeNumber();
                else c.skipValue();
            }
            c.end();
        }).isInstanceOfSatisfying(LineProblem.class, p -> {
            assertThat(p.kind()).isEqualTo(ImportProblem.Kind.MALFORMED_LINE);
            assertThat(p.getMessage()).isEqualTo("line is not valid JSON (" + problem + ")");
        });
    }

    @Test
    void rejectsAControlCharacterAndInvalidUtf8EvenInSkippedText() {
        assertThatThrownBy(() -> wanted("{\"content\":\"a\tb\"}")).isInstanceOfSatisfying(LineProblem.class, p ->
                assertThat(p.getMessage()).isEqualTo(
                        "line is not valid JSON (an unescaped control character 0x09 in a string at column 14)"));
        byte[][] invalid = {{(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
        for (byte[] sequence : invalid) {
            byte[] line = new byte[20 + sequence.length];
            byte[] before = "{\"content\":\"abcdef".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(before, 0, line, 0, before.length);
            System.arraycopy(sequence, 0, line, before.length, sequence.length);
            line[before.length + sequence.length] = '"';
            line[before.length + sequence.length + 1] = '}';
            assertThatThrownBy(() -> {
                JsonCursor c = new JsonCursor(line, 0, before.length + sequence.length + 2);
                c.skipValue();
                c.end();
            }).isInstanceOfSatisfying(LineProblem.class, p -> {
                assertThat(p.kind()).isEqualTo(ImportProblem.Kind.INVALID_UTF8);
                assertThat(p.getMessage()).endsWith(" at column 19)");
            });
        }
    }

    @Test
    void describesAValueForAnErrorMessage() throws LineProblem {
        JsonCursor c = cursor("[\"" + "x".repeat(50) + "\",{\"a\":1},-1.5e2,null]");
        c.startArray();
        List<String> described = new ArrayList<>();
        while (c.nextElement()) {
            described.add(c.describeValue());
            if (described.size() == 2) c.skipValue();
        }
        assertThat(described).containsExactly('"' + "x".repeat(40) + "…\"", "{", "-1.5e2", "null");
    }
}
