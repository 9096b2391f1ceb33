package costplan.catalog;

import java.util.HashMap;
import java.util.Map;

/**
 * One factor of the speed model for one engine: a default and its P10-P90 spread, estimates per platform and chip
 * from the engine file, the values fitted to the engine's calibration rows (per chip, per chip class of a platform,
 * per platform) and values from a person's own calibration. The most specific value applies, in the order of
 * {@link Source}.
 *
 * @param byPlatform   estimates per platform from the engine file (used where nothing was fitted)
 * @param byChip       estimates per chip from the engine file
 * @param fitted       values fitted to the calibration rows
 * @param byOwnChip    values from a person's own benchmark ({@code --calibration}), per chip
 */
public record EfficiencyFactor(double defaultValue, double p10, double p90, Map<String, Double> byPlatform,
                               Map<String, Double> byChip, Fitted fitted, Map<String, Double> byOwnChip) {

    /** Where a device's value comes from, most specific first, with the share of the P10-P90 spread that applies. */
    public enum Source {
        OWN_CALIBRATION("your calibration", 0.5), CHIP("measured on this chip", 1),
        CLASS("fitted on other chips of its class", 1), PLATFORM("fitted on other chips of its platform", 1),
        ESTIMATE("estimate for its platform", 1), DEFAULT("engine default", 1);

        private final String label;
        private final double spread;

        Source(String label, double spread) {
            this.label = label;
            this.spread = spread;
        }

        public String label() {
            return label;
        }
    }

    /** Values fitted to calibration rows: per chip, per {@code platform/chipClass} and per platform. */
    public record Fitted(Map<String, Double> byChip, Map<String, Double> byClass, Map<String, Double> byPlatform) {
        public static final Fitted NONE = new Fitted(Map.of(), Map.of(), Map.of());

        public Fitted {
            byChip = Map.copyOf(byChip);
            byClass = Map.copyOf(byClass);
            byPlatform = Map.copyOf(byPlatform);
        }
    }

    public EfficiencyFactor {
        byPlatform = Map.copyOf(byPlatform);
        byChip = Map.copyOf(byChip);
        byOwnChip = Map.copyOf(byOwnChip);
    }

    /** A factor read from an engine file, before any fit. */
    public static EfficiencyFactor estimated(double defaultValue, double p10, double p90, Map<String, Double> byPlatform,
                                             Map<String, Double> byChip) {
        return new EfficiencyFactor(defaultValue, p10, p90, byPlatform, byChip, Fitted.NONE, Map.of());
    }

    /** The key of a device's chip class in {@link Fitted#byClass}: {@code nvidia-cuda/datacentre}. */
    public static String classKey(Device device) {
        return device.platform() + "/" + device.chipClass();
    }

    /** The value for {@code device}. */
    public double of(Device device) {
        return switch (sourceOf(device)) {
            case OWN_CALIBRATION -> byOwnChip.get(device.chip());
            case CHIP -> fitted.byChip().getOrDefault(device.chip(), byChip.get(device.chip()));
            case CLASS -> fitted.byClass().get(classKey(device));
            case PLATFORM -> fitted.byPlatform().get(device.platform());
            case ESTIMATE -> byPlatform.get(device.platform());
            case DEFAULT -> defaultValue;
        };
    }

    /** Where {@link #of} takes {@code device}'s value from. */
    public Source sourceOf(Device device) {
        if (byOwnChip.containsKey(device.chip())) return Source.OWN_CALIBRATION;
        if (fitted.byChip().containsKey(device.chip()) || byChip.containsKey(device.chip())) return Source.CHIP;
        if (fitted.byClass().containsKey(classKey(device))) return Source.CLASS;
        if (fitted.byPlatform().containsKey(device.platform())) return Source.PLATFORM;
        if (byPlatform.containsKey(device.platform())) return Source.ESTIMATE;
        return Source.DEFAULT;
    }

    /**
     * The P10-P90 spread around {@link #of}: how far the general P10 and P90 lie from the default, half as far for a
     * person's own calibration (a run of their own machine, build and settings).
     */
    public Range rangeOf(Device device) {
        double value = of(device);
        double spread = sourceOf(device).spread;
        return new Range(value * (1 - spread * (1 - p10 / defaultValue)), value * (1 + spread * (p90 / defaultValue - 1)));
    }

    /** Whether {@code device}'s value was measured on its own chip rather than taken from its class or platform. */
    public boolean calibratedOn(Device device) {
        Source source = sourceOf(device);
        return source == Source.CHIP || source == Source.OWN_CALIBRATION;
    }

    /** A copy with these fitted values in place of the previous ones. */
    public EfficiencyFactor withFitted(Fitted values) {
        return new EfficiencyFactor(defaultValue, p10, p90, byPlatform, byChip, values, byOwnChip);
    }

    /** A copy with {@code chip}'s value from a person's own benchmark. */
    public EfficiencyFactor withOwnCalibration(String chip, double value) {
        Map<String, Double> own = new HashMap<>(byOwnChip);
        own.put(chip, value);
        return new EfficiencyFactor(defaultValue, p10, p90, byPlatform, byChip, fitted, own);
    }
}
