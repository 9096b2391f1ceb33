package costplan.replay;

import java.util.Arrays;

/**
 * The replay's pending events, earliest first (ties in the order they were added), in a binary heap of primitive
 * arrays: a million-request replay adds two million events, and objects for them cost more than the simulation.
 */
final class EventQueue {
    private double[] time = new double[64];
    private long[] order = new long[64];
    private int[] kind = new int[64];
    private int[] request = new int[64];
    private double[] readyTime = new double[64];
    private int size;
    private long added;

    /** The fields of the event {@link #poll} took last. */
    double polledTime;
    int polledKind;
    int polledRequest;
    double polledReadyTime;

    boolean isEmpty() {
        return size == 0;
    }

    double peekTime() {
        return time[0];
    }

    void add(double at, int eventKind, int requestIndex, double ready) {
        if (size == time.length) grow();
        int i = size++;
        long o = added++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(at, o, parent)) break;
            move(parent, i);
            i = parent;
        }
        set(i, at, o, eventKind, requestIndex, ready);
    }

    void poll() {
        polledTime = time[0];
        polledKind = kind[0];
        polledRequest = request[0];
        polledReadyTime = readyTime[0];
        int last = --size;
        if (last == 0) return;
        double t = time[last];
        long o = order[last];
        int k = kind[last];
        int r = request[last];
        double ready = readyTime[last];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) break;
            if (child + 1 < size && before(time[child + 1], order[child + 1], child)) child++;
            if (!before(time[child], order[child], t, o)) break;
            move(child, i);
            i = child;
        }
        set(i, t, o, k, r, ready);
    }

    private boolean before(double t, long o, int slot) {
        return before(t, o, time[slot], order[slot]);
    }

    private static boolean before(double t, long o, double otherTime, long otherOrder) {
        return t < otherTime || (t == otherTime && o < otherOrder);
    }

    private void move(int from, int to) {
        set(to, time[from], order[from], kind[from], request[from], readyTime[from]);
    }

    private void set(int slot, double t, long o, int k, int r, double ready) {
        time[slot] = t;
        order[slot] = o;
        kind[slot] = k;
        request[slot] = r;
        readyTime[slot] = ready;
    }

    private void grow() {
        int capacity = time.length * 2;
        time = Arrays.copyOf(time, capacity);
        order = Arrays.copyOf(order, capacity);
        kind = Arrays.copyOf(kind, capacity);
        request = Arrays.copyOf(request, capacity);
        readyTime = Arrays.copyOf(readyTime, capacity);
    }
}
