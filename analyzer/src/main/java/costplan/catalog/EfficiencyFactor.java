package costplan.catalog;

import java.util.Map;

/**
 * One factor of the speed model for one engine: a default, its P10-P90 spread, and values measured per platform
 * and per chip. The most specific value applies: chip, else platform, else default.
 */
public record EfficiencyFactor(double defaultValue, double p10, double p90, Map<String, Double> byPlatform,
                               Map<String, Double> byChip) {
    public EfficiencyFactor {
        byPlatform = Map.copyOf(byPlatform);
        byChip = Map.copyOf(byChip);
    }

    /** The value for {@code device}. */
    public double of(Device device) {
        Double chip = byChip.get(device.chip());
        if (chip != null) return chip;
        return byPlatform.getOrDefault(device.platform(), defaultValue);
    }

    /** The P10-P90 spread around {@link #of}, scaled by how far the general P10 and P90 lie from the default. */
    public Range rangeOf(Device device) {
        double value = of(device);
        return new Range(value * p10 / defaultValue, value * p90 / defaultValue);
    }

    /** Whether {@code device}'s value was measured on its own chip rather than taken from its platform or the default. */
    public boolean calibratedOn(Device device) {
        return byChip.containsKey(device.chip());
    }

    /** A copy without a value for {@code chip}, as if it had never been measured. */
    public EfficiencyFactor withoutChip(String chip) {
        var chips = new java.util.HashMap<>(byChip);
        chips.remove(chip);
        return new EfficiencyFactor(defaultValue, p10, p90, byPlatform, chips);
    }

    /** A copy with {@code chip}'s value set, as a calibration from a person's own benchmark gives. */
    public EfficiencyFactor withChip(String chip, double value) {
        var chips = new java.util.HashMap<>(byChip);
        chips.put(chip, value);
        return new EfficiencyFactor(defaultValue, p10, p90, byPlatform, chips);
    }
}
