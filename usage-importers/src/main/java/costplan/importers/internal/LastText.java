package costplan.importers.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The last plain-ASCII text one field had, handed back when the next value repeats it: the lines of a log repeat
 * their session, folder, version and model, and not decoding them again spares most of the garbage. One per field
 * per thread.
 */
public final class LastText {
    private String text;
    private byte[] bytes = new byte[0];

    /** Returns the text of the ASCII bytes {@code [from, to)}: the last one when they repeat it. */
    String of(byte[] source, int from, int to) {
        if (text == null || bytes.length != to - from || !ByteSearch.sameBytes(bytes, 0, source, from, bytes.length)) {
            bytes = Arrays.copyOfRange(source, from, to);
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return text;
    }
}
