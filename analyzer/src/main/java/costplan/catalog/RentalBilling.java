package costplan.catalog;

/**
 * How a provider bills a rented GPU beyond its hourly price, as in a rented device's file.
 *
 * @param billingSeconds the unit the running time is rounded up to: 1 (per second), 60 (per minute) or 3600
 * @param storageUsdPerGbMonth what a GB of kept storage (a volume holding the model files and any persisted KV
 *                             caches) costs a month while the pod or volume is kept, running or not
 */
public record RentalBilling(int billingSeconds, double storageUsdPerGbMonth) {
    public RentalBilling {
        if (billingSeconds != 1 && billingSeconds != 60 && billingSeconds != 3600)
            throw new IllegalArgumentException("billing is per second (1), minute (60) or hour (3600) but was " + billingSeconds);
        if (!(storageUsdPerGbMonth >= 0)) throw new IllegalArgumentException("storage price must be >= 0 but was " + storageUsdPerGbMonth);
    }

    /** Returns {@code seconds} of running time as billed: rounded up to the billing unit. */
    public double billedSeconds(double seconds) {
        return Math.ceil(seconds / billingSeconds - 1e-9) * billingSeconds;
    }
}
