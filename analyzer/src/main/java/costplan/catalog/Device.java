package costplan.catalog;

import java.time.LocalDate;

/**
 * A machine to buy or a GPU to rent: memory, speed, power and money, as in {@code hardware-catalog/devices/}.
 * Memory is binary GB; bandwidth and compute are per GPU; watts at the wall; money in US dollars.
 * Fields that do not apply (prices of a rental, watts of a cloud GPU) are null. {@code chipClass} is one of
 * {@link #CHIP_CLASSES}: the speed model's efficiencies differ between them (a GeForce card reaches more of its
 * FP16 peak in llama.cpp than a workstation or data-centre card).
 *
 * @param rentalBilling a rental's billing unit and storage price; null for a machine that is bought
 */
public record Device(String id, String name, Kind kind, String platform, String chip, String formFactor, String chipClass,
                     double memoryGb, double usableMemoryShare, double memoryBandwidthGBps, double fp16Tflops,
                     int gpuCount, Double idleWatts, Double loadWatts,
                     Double priceNewUsd, LocalDate priceNewDate, Range priceNewRangeUsd, Double priceUsedUsd,
                     Double hostSystemPriceUsd, Resale resale,
                     Double rentalUsdPerHour, Range rentalUsdPerHourRange, String rentalProvider, LocalDate rentalDate,
                     RentalBilling rentalBilling, double diskReadGBps, String notes, Sources sources) {

    /** Bought and owned, or rented by the hour. */
    public enum Kind { OWNED, RENTED }

    /** Consumer (GeForce, Apple, Ryzen AI), workstation (RTX A/Ada/PRO) and data-centre (A100, H100, L40S) chips. */
    public static final java.util.List<String> CHIP_CLASSES = java.util.List.of("consumer", "workstation", "datacentre");

    private static final double BYTES_PER_GIB = 1024.0 * 1024 * 1024;

    public boolean rented() {
        return kind == Kind.RENTED;
    }

    /** Bytes of memory that can hold models: all of it. */
    public long memoryBytes() {
        return Math.round(memoryGb * BYTES_PER_GIB);
    }

    /** Bytes a model, its KV cache and buffers may use. */
    public long usableBytes() {
        return Math.round(memoryGb * usableMemoryShare * BYTES_PER_GIB);
    }

    /** Whether it is bought used because it is no longer sold new (no new price in the catalog). */
    public boolean boughtUsed() {
        return !rented() && priceNewUsd == null && priceUsedUsd != null;
    }

    /**
     * What it costs to own one: the device (new, or used when no longer sold new) plus the rest of the PC it needs
     * (0 for complete computers); 0 for rentals.
     */
    public double purchaseUsd() {
        if (rented()) return 0;
        double device = priceNewUsd != null ? priceNewUsd : priceUsedUsd == null ? 0 : priceUsedUsd;
        return device + (hostSystemPriceUsd == null ? 0 : hostSystemPriceUsd);
    }
}
