package costplan.whatif;

import costplan.catalog.Device;
import costplan.catalog.Resale;

/**
 * New values for some of a device's catalog numbers; null keeps the catalog's. A new purchase price replaces the
 * device and host prices and their range, so the plan samples no price spread for it.
 *
 * @param resale shares of the purchase price left after one, two and three years
 */
public record DeviceOverride(Double purchaseUsd, Double idleWatts, Double loadWatts, Double rentalUsdPerHour, Resale resale) {
    public static final DeviceOverride NONE = new DeviceOverride(null, null, null, null, null);

    public DeviceOverride {
        for (Double v : new Double[]{purchaseUsd, idleWatts, loadWatts, rentalUsdPerHour})
            if (v != null && !(v >= 0)) throw new IllegalArgumentException("device prices and watts must be >= 0 but one was " + v);
        if (resale != null && !(resale.afterYear1() >= 0 && resale.afterYear1() <= 1 && resale.afterYear2() >= 0
                && resale.afterYear2() <= 1 && resale.afterYear3() >= 0 && resale.afterYear3() <= 1))
            throw new IllegalArgumentException("resale shares must be between 0 and 1 but were " + resale);
    }

    public DeviceOverride withPurchaseUsd(double value) {
        return new DeviceOverride(value, idleWatts, loadWatts, rentalUsdPerHour, resale);
    }

    public DeviceOverride withIdleWatts(double value) {
        return new DeviceOverride(purchaseUsd, value, loadWatts, rentalUsdPerHour, resale);
    }

    public DeviceOverride withLoadWatts(double value) {
        return new DeviceOverride(purchaseUsd, idleWatts, value, rentalUsdPerHour, resale);
    }

    public DeviceOverride withRentalUsdPerHour(double value) {
        return new DeviceOverride(purchaseUsd, idleWatts, loadWatts, value, resale);
    }

    public DeviceOverride withResale(Resale value) {
        return new DeviceOverride(purchaseUsd, idleWatts, loadWatts, rentalUsdPerHour, value);
    }

    /** {@code d} with these numbers in place of its own. */
    public Device apply(Device d) {
        if (rentalUsdPerHour != null && !d.rented())
            throw new IllegalArgumentException(d.id() + " is bought, not rented: set purchaseUsd instead of rentalUsdPerHour");
        if (purchaseUsd != null && d.rented())
            throw new IllegalArgumentException(d.id() + " is rented, not bought: set rentalUsdPerHour instead of purchaseUsd");
        boolean priced = purchaseUsd != null;
        return new Device(d.id(), d.name(), d.kind(), d.platform(), d.chip(), d.formFactor(), d.chipClass(), d.memoryGb(),
                d.usableMemoryShare(), d.memoryBandwidthGBps(), d.fp16Tflops(), d.gpuCount(),
                idleWatts != null ? idleWatts : d.idleWatts(), loadWatts != null ? loadWatts : d.loadWatts(),
                priced ? purchaseUsd : d.priceNewUsd(), d.priceNewDate(), priced ? null : d.priceNewRangeUsd(),
                d.priceUsedUsd(), priced ? Double.valueOf(0) : d.hostSystemPriceUsd(), resale != null ? resale : d.resale(),
                rentalUsdPerHour != null ? rentalUsdPerHour : d.rentalUsdPerHour(),
                rentalUsdPerHour != null ? null : d.rentalUsdPerHourRange(), d.rentalProvider(), d.rentalDate(),
                d.rentalBilling(), d.diskReadGBps(), d.notes(), d.sources());
    }
}
