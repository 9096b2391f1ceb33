package costplan.importers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Splits a JSONL file into lines in large chunks and hands over only the lines that contain a marker,
 * without decoding the others. A line whose head shows it cannot hold the marker where it matters (a sign
 * seen before a field name, such as {@code "type":"user"} before {@code "message":}) is not even searched.
 * Lines that cannot be JSON objects (torn by a crash or cut off while being written) are reported; every
 * other line is only counted. One scanner per thread: it reuses its buffer.
 */
final class JsonlScanner {

    /** What the scanner hands over and reports. */
    interface Listener {
        /** A line holding the marker: bytes {@code [start, end)} of {@code buffer}, valid only during the call. */
        void markedLine(byte[] buffer, int start, int end, long lineNumber);

        /** A line that was skipped for a reason the scanner itself can see. */
        void skippedLine(long lineNumber, ImportProblem.Kind kind, String detail);

        /** Returns whether the file, judged by its first line (at most its head), is worth reading. */
        boolean accepts(String firstLine);
    }

    /** Returned by {@link #scan} for a file its listener did not accept. */
    static final long REJECTED = -1;

    private static final int CHUNK_BYTES = 4 << 20;
    static final int MAX_LINE_BYTES = 64 << 20;

    private static final int HEAD_BYTES = 2048;

    private final String marker;
    private final byte[] markerBytes;
    private final byte[] skipSign;
    private final byte[] skipSignBefore;
    /** When not null, a line is handed over if one of these appears in its head; the marker is then not searched. */
    private final byte[][] headMarkers;
    private byte[] buffer = new byte[CHUNK_BYTES];

    /**
     * @param marker the text a line must contain to be handed over
     * @param skipSign text that, found in a line's head before {@code skipSignBefore}, lets it be skipped unsearched
     * @param skipSignBefore see {@code skipSign}
     */
    JsonlScanner(String marker, String skipSign, String skipSignBefore) {
        this.marker = marker;
        this.markerBytes = marker.getBytes(StandardCharsets.ISO_8859_1);
        this.skipSign = skipSign.getBytes(StandardCharsets.ISO_8859_1);
        this.skipSignBefore = skipSignBefore.getBytes(StandardCharsets.ISO_8859_1);
        this.headMarkers = null;
    }

    /**
     * A scanner for logs that name a line's kind at its start: it hands over the lines with one of
     * {@code headMarkers} in their head, and searches nothing else.
     */
    JsonlScanner(List<String> headMarkers) {
        this.marker = headMarkers.get(0);
        this.markerBytes = marker.getBytes(StandardCharsets.ISO_8859_1);
        this.skipSign = null;
        this.skipSignBefore = null;
        this.headMarkers = headMarkers.stream().map(m -> m.getBytes(StandardCharsets.ISO_8859_1)).toArray(byte[][]::new);
    }

    /** Scans {@code file} and returns the number of lines it has, or {@link #REJECTED}. */
    long scan(Path file, Listener listener) throws IOException {
        if (buffer.length > CHUNK_BYTES) buffer = new byte[CHUNK_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            return scan(in, listener);
        }
    }

    private long scan(InputStream in, Listener listener) throws IOException {
        int filled = 0;
        long lineNumber = 0;
        boolean overlong = false;
        boolean overlongHasMarker = false;
        while (true) {
            int read = in.readNBytes(buffer, filled, buffer.length - filled);
            boolean eof = read < buffer.length - filled;
            filled += read;
            // ISO-8859-1 maps bytes one to one, so String's vectorised indexOf searches the raw bytes.
            String text = new String(buffer, 0, filled, StandardCharsets.ISO_8859_1);
            if (lineNumber == 0 && !overlong && !listener.accepts(firstLine(text))) return REJECTED;
            int pos = 0;
            if (overlong) {
                int newline = text.indexOf('\n');
                int markerAt = text.indexOf(marker);
                overlongHasMarker |= markerAt >= 0 && (newline < 0 || markerAt < newline);
                if (newline < 0 && !eof) {
                    filled = keepTail(filled, marker.length() - 1);
                    continue;
                }
                lineNumber++;
                if (overlongHasMarker)
                    listener.skippedLine(lineNumber, ImportProblem.Kind.LINE_TOO_LONG,
                            "line is longer than " + (MAX_LINE_BYTES >> 20) + " MiB; its usage was not read");
                overlong = false;
                overlongHasMarker = false;
                pos = newline < 0 ? filled : newline + 1;
            }
            int newline;
            while ((newline = text.indexOf('\n', pos)) >= 0) {
                lineNumber++;
                handleLine(text, pos, newline, lineNumber, false, listener);
                pos = newline + 1;
            }
            if (eof) {
                if (pos < filled) {
                    lineNumber++;
                    handleLine(text, pos, filled, lineNumber, true, listener);
                }
                return lineNumber;
            }
            if (pos == 0 && filled == buffer.length) {
                if (buffer.length < MAX_LINE_BYTES) {
                    buffer = java.util.Arrays.copyOf(buffer, Math.min(MAX_LINE_BYTES, buffer.length * 2));
                } else {
                    overlong = true;
                    overlongHasMarker = text.contains(marker);
                    filled = keepTail(filled, marker.length() - 1);
                }
                continue;
            }
            System.arraycopy(buffer, pos, buffer, 0, filled - pos);
            filled -= pos;
        }
    }

    private static String firstLine(String text) {
        String stripped = text.stripLeading();
        int end = stripped.indexOf('\n');
        return (end < 0 ? stripped.substring(0, Math.min(stripped.length(), HEAD_BYTES))
                : stripped.substring(0, Math.min(end, HEAD_BYTES))).strip();
    }

    private int keepTail(int filled, int tail) {
        System.arraycopy(buffer, filled - tail, buffer, 0, tail);
        return tail;
    }

    private void handleLine(String text, int start, int end, long lineNumber, boolean last, Listener listener) {
        int first = start;
        int lastByte = end - 1;
        while (first <= lastByte && isBlank(text.charAt(first))) first++;
        while (lastByte >= first && isBlank(text.charAt(lastByte))) lastByte--;
        if (first > lastByte) return;
        if (text.charAt(first) != '{' || text.charAt(lastByte) != '}') {
            listener.skippedLine(lineNumber, ImportProblem.Kind.TORN_LINE, last
                    ? "the last line is cut off (the file may still be being written); it was skipped"
                    : "line is not a whole JSON object (torn or cut off); it was skipped");
            return;
        }
        int head = Math.min(lastByte + 1, first + HEAD_BYTES);
        if (headMarkers != null) {
            for (byte[] m : headMarkers)
                if (indexOf(buffer, first, head, m) >= 0) {
                    listener.markedLine(buffer, first, lastByte + 1, lineNumber);
                    return;
                }
            return;
        }
        int signAt = indexOf(buffer, first, head, skipSign);
        if (signAt >= 0 && indexOf(buffer, first, signAt, skipSignBefore) < 0
                && indexOf(buffer, signAt, head, skipSignBefore) >= 0) return;
        if (indexOf(buffer, first, lastByte + 1, markerBytes) >= 0)
            listener.markedLine(buffer, first, lastByte + 1, lineNumber);
    }

    /** Returns where {@code needle} starts in {@code bytes[from, to)}, or -1. */
    static int indexOf(byte[] bytes, int from, int to, byte[] needle) {
        byte firstByte = needle[0];
        int lastStart = to - needle.length;
        outer:
        for (int i = from; i <= lastStart; i++) {
            if (bytes[i] != firstByte) continue;
            for (int j = 1; j < needle.length; j++) if (bytes[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
