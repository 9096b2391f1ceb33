package costplan.importers.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ByteSearchTest {

    @Test
    void findsTheFirstAndLastNeedleAtEveryAlignment() {
        for (int offset = 0; offset < 20; offset++) {
            String text = "x".repeat(offset) + "{\"type\":\"user\",\"usage\":{},\"usage\":1}" + "y".repeat(offset);
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            ByteSearch usage = new ByteSearch("\"usage\":");
            assertThat(usage.in(bytes, 0, bytes.length)).isEqualTo(text.indexOf("\"usage\":"));
            assertThat(usage.lastIn(bytes, 0, bytes.length)).isEqualTo(text.lastIndexOf("\"usage\":"));
            assertThat(new ByteSearch("\"type\":\"user\"").in(bytes, 0, bytes.length)).isEqualTo(offset + 1);
        }
    }

    @Test
    void respectsTheBoundsAndMissingNeedles() {
        byte[] bytes = "ab\"usage\":cd".getBytes(StandardCharsets.ISO_8859_1);
        ByteSearch usage = new ByteSearch("\"usage\":");
        assertThat(usage.in(bytes, 0, 9)).isEqualTo(-1);
        assertThat(usage.in(bytes, 3, bytes.length)).isEqualTo(-1);
        assertThat(usage.lastIn(bytes, 2, 10)).isEqualTo(2);
        assertThat(usage.lastIn(bytes, 0, 9)).isEqualTo(-1);
        assertThat(new ByteSearch("\"zzz\"").in(bytes, 0, bytes.length)).isEqualTo(-1);
    }

    @Test
    void agreesWithStringSearchOnRandomBytes() {
        Random random = new Random(7);
        long newline = ByteSearch.pattern((byte) '\n');
        for (int round = 0; round < 2000; round++) {
            byte[] bytes = new byte[random.nextInt(64)];
            for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) "\n\u0000\u0080\u00ffab\"".charAt(random.nextInt(7));
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int expectedFirst = text.indexOf('\n', from);
            int expectedLast = text.lastIndexOf('\n');
            assertThat(ByteSearch.indexOf(bytes, from, bytes.length, newline)).isEqualTo(expectedFirst);
            assertThat(ByteSearch.lastIndexOf(bytes, from, bytes.length, newline))
                    .isEqualTo(expectedLast >= from ? expectedLast : -1);
            ByteSearch ab = new ByteSearch("ab\"");
            assertThat(ab.in(bytes, 0, bytes.length)).isEqualTo(text.indexOf("ab\""));
            assertThat(ab.lastIn(bytes, 0, bytes.length)).isEqualTo(text.lastIndexOf("ab\""));
        }
    }

    @Test
    void findsJsonStringSpecialsAndComparesRangesLikeTheSlowWay() {
        Random random = new Random(11);
        String alphabet = "ab\"\\\u0001\u007f\u0080\u00e9 ";
        for (int round = 0; round < 2000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int expected = from;
            while (expected < bytes.length && !isStringSpecial(bytes[expected])) expected++;
            assertThat(ByteSearch.jsonStringSpecial(bytes, from, bytes.length)).isEqualTo(expected);

            int length = bytes.length - from;
            byte[] copy = java.util.Arrays.copyOfRange(bytes, from, bytes.length);
            assertThat(ByteSearch.sameBytes(copy, 0, bytes, from, length)).isTrue();
            if (length > 0) {
                copy[random.nextInt(length)] ^= 1;
                assertThat(ByteSearch.sameBytes(copy, 0, bytes, from, length)).isFalse();
            }
        }
    }

    private static boolean isStringSpecial(byte b) {
        int c = b & 0xFF;
        return c == '"' || c == '\\' || c < 0x20 || c >= 0x80;
    }
}
