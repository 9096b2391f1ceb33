package costplan.breakeven;

import costplan.catalog.Device;
import costplan.catalog.Engine;
import costplan.catalog.KvCacheType;
import costplan.catalog.ModelChoice;
import costplan.speed.SpeedModel;
import costplan.speed.Throughput;

/**
 * Turns a device, a model and the speed model into the local cost of a token mix: the time a million tokens take
 * (prefill of the prompt tokens that are not reused from a kept KV cache, decode of the output), and what that
 * time costs in electricity or rental, plus the machine's price spread over the months less its resale.
 */
public final class LocalCostModel {
    /** Days in an average month (365.25 / 12). */
    public static final double DAYS_PER_MONTH = 365.25 / 12;

    private LocalCostModel() {
    }

    /**
     * Seconds to process a million tokens with {@code inputShare} prompt tokens, of which {@code reusedShare} come
     * from a KV cache kept locally, at {@code contextTokens} of depth.
     */
    public static double secondsPerMillionTokens(SpeedModel speeds, Device device, ModelChoice model, Engine engine,
                                                 long contextTokens, double inputShare, double reusedShare) {
        Throughput t = speeds.at(device, model, engine, contextTokens, 1, KvCacheType.F16);
        double prefill = 1e6 * inputShare * (1 - reusedShare) / t.prefillTokensPerSecond();
        double decode = 1e6 * (1 - inputShare) / t.decodeTokensPerSecond();
        return prefill + decode;
    }

    /** Dollars of electricity for {@code watts} drawn for {@code hours}. */
    public static double electricityUsd(double watts, double hours, double usdPerKwh) {
        return watts * hours / 1000 * usdPerKwh;
    }

    /** The purchase less what it sells for after {@code months}, spread over them. */
    public static double depreciationPerMonth(double purchaseUsd, double resaleShare, int months) {
        return purchaseUsd * (1 - resaleShare) / months;
    }

    /**
     * A bought machine: its price less resale after {@code months}, spread over them, plus electricity for the
     * busy time at load power and the rest of the day at idle power (always on).
     */
    public static LocalCost owned(Device device, double secondsPerMillion, double usdPerKwh, int months) {
        double resaleShare = device.resale() == null ? 0 : device.resale().shareAfter(months / 12.0);
        double idlePerMonth = electricityUsd(device.idleWatts(), 24 * DAYS_PER_MONTH, usdPerKwh);
        return new LocalCost(depreciationPerMonth(device.purchaseUsd(), resaleShare, months) + idlePerMonth,
                extraPowerPerMillion(device, secondsPerMillion, usdPerKwh), capacity(secondsPerMillion));
    }

    /** Hardware already owned and on anyway: only the extra power of the busy time costs anything. */
    public static LocalCost alreadyOwned(Device device, double secondsPerMillion, double usdPerKwh) {
        return new LocalCost(0, extraPowerPerMillion(device, secondsPerMillion, usdPerKwh), capacity(secondsPerMillion));
    }

    private static double extraPowerPerMillion(Device device, double secondsPerMillion, double usdPerKwh) {
        return electricityUsd(device.loadWatts() - device.idleWatts(), secondsPerMillion / 3600, usdPerKwh);
    }

    /** A GPU rented by the hour for the time the tokens take. */
    public static LocalCost rentedHourly(Device device, double secondsPerMillion) {
        return new LocalCost(0, secondsPerMillion / 3600 * device.rentalUsdPerHour(), capacity(secondsPerMillion));
    }

    /** A GPU rented around the clock for a flat monthly price. */
    public static LocalCost rentedMonthly(double usdPerMonth, double secondsPerMillion) {
        return new LocalCost(usdPerMonth, 0, capacity(secondsPerMillion));
    }

    private static double capacity(double secondsPerMillion) {
        return DAYS_PER_MONTH * 86_400 / secondsPerMillion * 1e6;
    }
}
