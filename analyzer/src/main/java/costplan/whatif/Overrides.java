package costplan.whatif;

import costplan.plan.Assumptions;
import costplan.plan.Uncertain;

import java.util.Map;
import java.util.TreeMap;

/**
 * The plan inputs and catalog numbers a scenario sets; null (or absent from a map) keeps costplan's default or the
 * catalog's value. A value set here is taken as known: the plan samples no range around it.
 *
 * @param devices new numbers for devices, by device id
 * @param cloudPrices new prices for cloud models, by model id
 */
public record Overrides(Double electricityUsdPerKwh, Double localCapableShare, Double resaleScale, Integer lifeMonths,
                        Double maxSlowdown, Map<String, DeviceOverride> devices, Map<String, CloudPrice> cloudPrices) {
    public static final Overrides NONE = new Overrides(null, null, null, null, null, Map.of(), Map.of());

    public Overrides {
        devices = Map.copyOf(devices);
        cloudPrices = Map.copyOf(cloudPrices);
    }

    /** The plan's assumptions: the defaults with what this sets, and {@code growthPerMonth} when not null. */
    public Assumptions assumptions(Double growthPerMonth) {
        Assumptions a = Assumptions.DEFAULTS;
        if (electricityUsdPerKwh != null) a = a.withElectricity(Uncertain.fixed(electricityUsdPerKwh));
        if (localCapableShare != null) a = a.withLocalCapableShare(Uncertain.fixed(localCapableShare));
        if (resaleScale != null) a = a.withResaleScale(Uncertain.fixed(resaleScale));
        if (lifeMonths != null) a = a.withLifeMonths(lifeMonths);
        if (maxSlowdown != null) a = a.withMaxSlowdown(maxSlowdown);
        if (growthPerMonth != null) a = a.withGrowth(Uncertain.fixed(growthPerMonth));
        return a;
    }

    public Overrides withElectricity(double usdPerKwh) {
        return new Overrides(usdPerKwh, localCapableShare, resaleScale, lifeMonths, maxSlowdown, devices, cloudPrices);
    }

    public Overrides withLocalCapableShare(double share) {
        return new Overrides(electricityUsdPerKwh, share, resaleScale, lifeMonths, maxSlowdown, devices, cloudPrices);
    }

    public Overrides withResaleScale(double scale) {
        return new Overrides(electricityUsdPerKwh, localCapableShare, scale, lifeMonths, maxSlowdown, devices, cloudPrices);
    }

    public Overrides withLifeMonths(int months) {
        return new Overrides(electricityUsdPerKwh, localCapableShare, resaleScale, months, maxSlowdown, devices, cloudPrices);
    }

    public Overrides withMaxSlowdown(double limit) {
        return new Overrides(electricityUsdPerKwh, localCapableShare, resaleScale, lifeMonths, limit, devices, cloudPrices);
    }

    /** The override of device {@code id}, or {@link DeviceOverride#NONE}. */
    public DeviceOverride device(String id) {
        return devices.getOrDefault(id, DeviceOverride.NONE);
    }

    public Overrides withDevice(String id, DeviceOverride override) {
        Map<String, DeviceOverride> changed = new TreeMap<>(devices);
        changed.put(id, override);
        return new Overrides(electricityUsdPerKwh, localCapableShare, resaleScale, lifeMonths, maxSlowdown, changed, cloudPrices);
    }

    public Overrides withCloudPrice(String model, CloudPrice price) {
        Map<String, CloudPrice> changed = new TreeMap<>(cloudPrices);
        changed.put(model, price);
        return new Overrides(electricityUsdPerKwh, localCapableShare, resaleScale, lifeMonths, maxSlowdown, devices, changed);
    }
}
