package costplan.importers.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Finds bytes and short ASCII needles in a byte array eight bytes at a time (SWAR: a byte equal to the one sought
 * becomes zero after an XOR, and subtract-and-mask flags the zero bytes). This is fast from the first call, before
 * the JIT has compiled the vectorised {@code String.indexOf}, which matters for a command that runs once.
 */
public final class ByteSearch {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = pattern((byte) '"');
    private static final long BACKSLASHES = pattern((byte) '\\');
    private static final long SPACES = pattern((byte) ' ');
    /** Letters from rarest to most common in JSON logs; a needle is searched by its rarest byte. */
    private static final String RARE_FIRST = "zqjxkvbwyfgpmhdculnrsoiate";

    private final byte[] needle;
    private final int anchor;
    private final long anchorPattern;

    /** Prepares a search for {@code needle} (ASCII). */
    ByteSearch(String needle) {
        this.needle = needle.getBytes(StandardCharsets.ISO_8859_1);
        int best = 0;
        for (int i = 1; i < needle.length(); i++) if (rarity(needle.charAt(i)) < rarity(needle.charAt(best))) best = i;
        this.anchor = best;
        this.anchorPattern = pattern(this.needle[best]);
    }

    private static int rarity(char c) {
        int rank = RARE_FIRST.indexOf(Character.toLowerCase(c));
        return rank < 0 ? RARE_FIRST.length() : rank;
    }

    int length() {
        return needle.length;
    }

    /** Returns where the first needle starts in {@code bytes[from, to)}, or -1. */
    int in(byte[] bytes, int from, int to) {
        int at = from + anchor;
        int lastAnchor = to - needle.length + anchor;
        while (at <= lastAnchor) {
            at = indexOf(bytes, at, lastAnchor + 1, anchorPattern);
            if (at < 0) return -1;
            if (matchesAt(bytes, at - anchor)) return at - anchor;
            at++;
        }
        return -1;
    }

    /** Returns where the last needle starts in {@code bytes[from, to)}, or -1. */
    int lastIn(byte[] bytes, int from, int to) {
        int at = to - needle.length + anchor;
        int firstAnchor = from + anchor;
        while (at >= firstAnchor) {
            at = lastIndexOf(bytes, firstAnchor, at + 1, anchorPattern);
            if (at < 0) return -1;
            if (matchesAt(bytes, at - anchor)) return at - anchor;
            at--;
        }
        return -1;
    }

    private boolean matchesAt(byte[] bytes, int start) {
        for (int j = 0; j < needle.length; j++) if (bytes[start + j] != needle[j]) return false;
        return true;
    }

    /** Eight copies of {@code b}, the pattern {@link #indexOf} takes. */
    static long pattern(byte b) {
        return (b & 0xFFL) * ONES;
    }

    /** Returns the index of the first byte of {@code pattern} in {@code bytes[from, to)}, or -1. */
    static int indexOf(byte[] bytes, int from, int to, long pattern) {
        int i = from;
        // Two words a turn: the compiled loop of a short run then reads about twice as many bytes a second.
        for (; i + 2 * Long.BYTES <= to; i += 2 * Long.BYTES) {
            long first = (long) LONGS.get(bytes, i) ^ pattern;
            long second = (long) LONGS.get(bytes, i + Long.BYTES) ^ pattern;
            long firstZeros = (first - ONES) & ~first & HIGH_BITS;
            long secondZeros = (second - ONES) & ~second & HIGH_BITS;
            if ((firstZeros | secondZeros) != 0) return firstZeros != 0 ? i + firstFlaggedByte(firstZeros)
                    : i + Long.BYTES + firstFlaggedByte(secondZeros);
        }
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i) ^ pattern;
            long zeroBytes = (word - ONES) & ~word & HIGH_BITS;
            if (zeroBytes != 0) return i + firstFlaggedByte(zeroBytes);
        }
        byte b = (byte) pattern;
        for (; i < to; i++) if (bytes[i] == b) return i;
        return -1;
    }

    /**
     * Returns the index of the first byte in {@code bytes[from, to)} that a JSON string reader must look at: a
     * quote, a backslash, a control character or a byte of a multi-byte UTF-8 sequence; {@code to} when none is.
     */
    static int jsonStringSpecial(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            // Flags the high bit of each byte that is a quote, a backslash, a control character or not ASCII. The
            // lowest flagged byte is exact: a borrow only ever flags bytes above a real match. Written out here
            // because the JIT of a short run does not inline a method this long.
            long word = (long) LONGS.get(bytes, i);
            long quote = word ^ QUOTES;
            long backslash = word ^ BACKSLASHES;
            long special = (((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash) | ((word - SPACES) & ~word) | word)
                    & HIGH_BITS;
            if (special != 0) return i + firstFlaggedByte(special);
        }
        for (; i < to; i++) {
            int c = bytes[i] & 0xFF;
            if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) return i;
        }
        return to;
    }

    /** Returns whether {@code a[aFrom, aFrom + length)} and {@code b[bFrom, bFrom + length)} hold the same bytes. */
    static boolean sameBytes(byte[] a, int aFrom, byte[] b, int bFrom, int length) {
        if (length < Long.BYTES) {
            for (int i = 0; i < length; i++) if (a[aFrom + i] != b[bFrom + i]) return false;
            return true;
        }
        for (int i = 0; i < length - Long.BYTES; i += Long.BYTES)
            if ((long) LONGS.get(a, aFrom + i) != (long) LONGS.get(b, bFrom + i)) return false;
        // The last eight bytes, overlapping the words before when the length is not a multiple of eight.
        return (long) LONGS.get(a, aFrom + length - Long.BYTES) == (long) LONGS.get(b, bFrom + length - Long.BYTES);
    }

    /**
     * Returns which byte (0 to 7) of {@code flags} is the lowest with its high bit set. The multiplication moves the
     * lowest flag's byte number to the top byte; unlike {@code Long.numberOfTrailingZeros}, it is inlined by the JIT
     * of a short run.
     */
    private static int firstFlaggedByte(long flags) {
        return (int) ((((flags & -flags) >>> 7) * 0x0001020304050607L) >>> 56);
    }

    /** Returns the index of the last byte of {@code pattern} in {@code bytes[from, to)}, or -1. */
    static int lastIndexOf(byte[] bytes, int from, int to, long pattern) {
        int i = to;
        for (; i - Long.BYTES >= from; i -= Long.BYTES) {
            long word = (long) LONGS.get(bytes, i - Long.BYTES) ^ pattern;
            // The exact per-byte zero test: the faster borrow trick can flag a byte above a real match.
            long zeroBytes = ~(((word & ~HIGH_BITS) + ~HIGH_BITS) | word | ~HIGH_BITS);
            if (zeroBytes != 0) return i - Long.BYTES + 7 - (Long.numberOfLeadingZeros(zeroBytes) >>> 3);
        }
        byte b = (byte) pattern;
        for (i = i - 1; i >= from; i--) if (bytes[i] == b) return i;
        return -1;
    }
}
