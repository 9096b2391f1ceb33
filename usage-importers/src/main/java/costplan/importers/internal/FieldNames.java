package costplan.importers.internal;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The field names a reader wants from one kind of JSON object, each standing for a constant of {@code F}. A field
 * name is found with one table probe and one comparison, not one comparison per wanted name: most fields of a log
 * line are not wanted, and the parser runs cold, before the JIT could make a chain of comparisons cheap.
 */
public final class FieldNames<F extends Enum<F>> {
    private static final int SLOTS = 64;
    private static final int MASK = SLOTS - 1;

    private final byte[][] names = new byte[SLOTS][];
    private final Object[] fields = new Object[SLOTS];

    /** Wants every constant of {@code type}, under the (ASCII) field name {@code jsonName} gives it. */
    public FieldNames(Class<F> type, Function<F, String> jsonName) {
        F[] constants = type.getEnumConstants();
        if (constants.length > SLOTS / 2) throw new IllegalArgumentException("at most " + SLOTS / 2 + " names");
        for (F field : constants) {
            byte[] name = jsonName.apply(field).getBytes(StandardCharsets.US_ASCII);
            int slot = slot(name, 0, name.length);
            while (names[slot] != null) slot = (slot + 1) & MASK;
            names[slot] = name;
            fields[slot] = field;
        }
    }

    /** Returns the field named by the ASCII bytes {@code [from, to)}, or null when it is not wanted. */
    @SuppressWarnings("unchecked")
    F find(byte[] bytes, int from, int to) {
        if (from == to) return null;
        for (int slot = slot(bytes, from, to); names[slot] != null; slot = (slot + 1) & MASK)
            if (sameName(names[slot], bytes, from, to)) return (F) fields[slot];
        return null;
    }

    /** Returns the field named {@code name}, or null when it is not wanted. */
    F find(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        return find(bytes, 0, bytes.length);
    }

    private static boolean sameName(byte[] name, byte[] bytes, int from, int to) {
        return name.length == to - from && ByteSearch.sameBytes(name, 0, bytes, from, name.length);
    }

    /** The length, first and last byte pick the slot: enough to tell apart the names of one object. */
    private static int slot(byte[] bytes, int from, int to) {
        return (31 * (31 * (to - from) + bytes[from]) + bytes[to - 1]) & MASK;
    }
}
