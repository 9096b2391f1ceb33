package costplan.importers.internal;

import costplan.importers.ImportProblem;

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
public final class JsonlScanner {

    /** What the scanner hands over and reports. */
    public interface Listener {
        /** A line holding the marker: bytes {@code [start, end)} of {@code buffer}, valid only during the call. */
        void markedLine(byte[] buffer, int start, int end, long lineNumber);

        /** A line that was skipped for a reason the scanner itself can see. */
        void skippedLine(long lineNumber, ImportProblem.Kind kind, String detail);

        /**
         * Returns whether the file is worth reading, judged by its first line; when that line does not show it (cut
         * off, or of a kind not known), asked again with the file's first 64 KiB.
         */
        boolean accepts(String head);
    }

    /** Returned by {@link #scan} for a file its listener did not accept. */
    public static final long REJECTED = -1;

    private static final int CHUNK_BYTES = 1 << 20;
    public static final int MAX_LINE_BYTES = 64 << 20;

    private static final int HEAD_BYTES = 2048;
    private static final int WIDE_HEAD_BYTES = 64 * 1024;

    private static final long NEWLINE = ByteSearch.pattern((byte) '\n');

    private final ByteSearch marker;
    private final ByteSearch skipSign;
    private final ByteSearch skipSignBefore;
    /** When not null, a line is handed over if one of these appears in its head; the marker is then not searched. */
    private final List<ByteSearch> headMarkers;
    private byte[] buffer = new byte[CHUNK_BYTES];

    /**
     * @param marker the text a line must contain to be handed over
     * @param skipSign text that, found in a line's head before {@code skipSignBefore}, lets it be skipped unsearched
     * @param skipSignBefore see {@code skipSign}
     */
    public JsonlScanner(String marker, String skipSign, String skipSignBefore) {
        this.marker = new ByteSearch(marker);
        this.skipSign = new ByteSearch(skipSign);
        this.skipSignBefore = new ByteSearch(skipSignBefore);
        this.headMarkers = null;
    }

    /**
     * A scanner for logs that name a line's kind at its start: it hands over the lines with one of
     * {@code headMarkers} in their head, and searches nothing else.
     */
    public JsonlScanner(List<String> headMarkers) {
        this.marker = new ByteSearch(headMarkers.get(0));
        this.skipSign = null;
        this.skipSignBefore = null;
        this.headMarkers = headMarkers.stream().map(ByteSearch::new).toList();
    }

    /** Scans {@code file} and returns the number of lines it has, or {@link #REJECTED}. */
    public long scan(Path file, Listener listener) throws IOException {
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
        boolean atStart = true;
        while (true) {
            int read = in.readNBytes(buffer, filled, buffer.length - filled);
            boolean eof = read < buffer.length - filled;
            filled += read;
            int pos = atStart ? byteOrderMarkLength(filled) : 0;
            atStart = false;
            if (lineNumber == 0 && !overlong && !accepted(pos, filled, listener)) return REJECTED;
            if (overlong) {
                int newline = ByteSearch.indexOf(buffer, 0, filled, NEWLINE);
                overlongHasMarker |= marker.in(buffer, 0, newline < 0 ? filled : newline) >= 0;
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
            while ((newline = ByteSearch.indexOf(buffer, pos, filled, NEWLINE)) >= 0) {
                lineNumber++;
                handleLine(pos, newline, lineNumber, false, listener);
                pos = newline + 1;
            }
            if (eof) {
                if (pos < filled) {
                    lineNumber++;
                    handleLine(pos, filled, lineNumber, true, listener);
                }
                return lineNumber;
            }
            if (pos == 0 && filled == buffer.length) {
                if (buffer.length < MAX_LINE_BYTES) {
                    buffer = java.util.Arrays.copyOf(buffer, Math.min(MAX_LINE_BYTES, buffer.length * 2));
                } else {
                    overlong = true;
                    overlongHasMarker = marker.in(buffer, 0, filled) >= 0;
                    filled = keepTail(filled, marker.length() - 1);
                }
                continue;
            }
            System.arraycopy(buffer, pos, buffer, 0, filled - pos);
            filled -= pos;
        }
    }

    private boolean accepted(int start, int filled, Listener listener) {
        while (start < filled && isBlank(buffer[start])) start++;
        int end = Math.min(filled, start + HEAD_BYTES);
        int newline = ByteSearch.indexOf(buffer, start, end, NEWLINE);
        if (listener.accepts(text(start, newline < 0 ? end : newline))) return true;
        return listener.accepts(text(start, Math.min(filled, start + WIDE_HEAD_BYTES)));
    }

    private String text(int start, int end) {
        return new String(buffer, start, end - start, StandardCharsets.ISO_8859_1).strip();
    }

    /** Returns 3 when the buffer starts with UTF-8's byte-order mark, which some editors write; else 0. */
    private int byteOrderMarkLength(int filled) {
        return filled >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF ? 3 : 0;
    }

    private int keepTail(int filled, int tail) {
        System.arraycopy(buffer, filled - tail, buffer, 0, tail);
        return tail;
    }

    private void handleLine(int start, int end, long lineNumber, boolean last, Listener listener) {
        int first = start;
        int lastByte = end - 1;
        while (first <= lastByte && isBlank(buffer[first])) first++;
        while (lastByte >= first && isBlank(buffer[lastByte])) lastByte--;
        if (first > lastByte) return;
        if (buffer[first] != '{' || buffer[lastByte] != '}') {
            listener.skippedLine(lineNumber, ImportProblem.Kind.TORN_LINE, last
                    ? "the last line is cut off (the file may still be being written); it was skipped"
                    : "line is not a whole JSON object (torn or cut off); it was skipped");
            return;
        }
        int head = Math.min(lastByte + 1, first + HEAD_BYTES);
        if (headMarkers != null) {
            for (ByteSearch m : headMarkers)
                if (m.in(buffer, first, head) >= 0) {
                    listener.markedLine(buffer, first, lastByte + 1, lineNumber);
                    return;
                }
            return;
        }
        // The sign counts only before the first skipSignBefore, so that is found first and the sign sought only up
        // to it: a few hundred bytes a line rather than the whole head.
        int beforeAt = skipSignBefore.in(buffer, first, head);
        if (beforeAt >= 0 && skipSign.in(buffer, first, beforeAt) >= 0) return;
        // Claude Code writes the usage object near the end of a line, so the search runs backwards.
        if (marker.lastIn(buffer, first, lastByte + 1) >= 0)
            listener.markedLine(buffer, first, lastByte + 1, lineNumber);
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
