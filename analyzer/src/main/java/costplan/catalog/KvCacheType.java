package costplan.catalog;

import costplan.importers.CostplanException;

import java.util.Arrays;
import java.util.Locale;

/** Element types an engine can store its KV cache in, with their bytes per cached value (block scales included). */
public enum KvCacheType {
    F32(4), F16(2), BF16(2), Q8_0(34.0 / 32), Q5_1(24.0 / 32), Q5_0(22.0 / 32), Q4_1(20.0 / 32), IQ4_NL(18.0 / 32),
    Q4_0(18.0 / 32), FP8(1);

    private final double bytesPerValue;

    KvCacheType(double bytesPerValue) {
        this.bytesPerValue = bytesPerValue;
    }

    /** Size relative to an f16 cache: 1.0625 / 2 for q8_0. */
    public double factorOfF16() {
        return bytesPerValue / 2;
    }

    /** The id used on the command line and in engine files: {@code q8_0}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an id such as {@code q8_0} or {@code f16}. */
    public static KvCacheType parse(String id) {
        for (KvCacheType type : values()) if (type.id().equalsIgnoreCase(id.trim())) return type;
        throw CostplanException.badUsage("unknown KV cache type '" + id + "'; expected one of "
                + String.join(", ", Arrays.stream(values()).map(KvCacheType::id).toList()));
    }
}
