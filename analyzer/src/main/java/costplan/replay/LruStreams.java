package costplan.replay;

import java.util.Arrays;

/** A least-recently-used order of stream numbers with O(1) add, remove and take-oldest, without boxing. */
final class LruStreams {
    private static final int NONE = -1;
    private final int[] previous;
    private final int[] next;
    private final boolean[] present;
    private int oldest = NONE;
    private int newest = NONE;

    LruStreams(int streams) {
        previous = new int[streams];
        next = new int[streams];
        present = new boolean[streams];
        Arrays.fill(previous, NONE);
        Arrays.fill(next, NONE);
    }

    /** Adds {@code stream} as the most recently used (it must not be present). */
    void add(int stream) {
        present[stream] = true;
        previous[stream] = newest;
        next[stream] = NONE;
        if (newest != NONE) next[newest] = stream;
        else oldest = stream;
        newest = stream;
    }

    /** Removes {@code stream} if present. */
    void remove(int stream) {
        if (!present[stream]) return;
        present[stream] = false;
        if (previous[stream] != NONE) next[previous[stream]] = next[stream];
        else oldest = next[stream];
        if (next[stream] != NONE) previous[next[stream]] = previous[stream];
        else newest = previous[stream];
    }

    /** Removes and returns the least recently used stream, or -1 when there is none. */
    int takeOldest() {
        int stream = oldest;
        if (stream != NONE) remove(stream);
        return stream;
    }
}
