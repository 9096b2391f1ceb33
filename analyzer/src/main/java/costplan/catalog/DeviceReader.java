package costplan.catalog;

import java.time.LocalDate;

/** Reads and checks one file of {@code devices/}. */
final class DeviceReader {
    private DeviceReader() {
    }

    static Device read(FieldReader f, LocalDate today) {
        Device.Kind kind = switch (f.text("kind")) {
            case "owned" -> Device.Kind.OWNED;
            case "rented" -> Device.Kind.RENTED;
            default -> {
                f.problem("kind", "expected 'owned' or 'rented' but was '" + f.optionalText("kind") + "'");
                yield Device.Kind.OWNED;
            }
        };
        String platform = f.text("platform");
        if (!Platforms.KNOWN.contains(platform) && !platform.isEmpty())
            f.problem("platform", "expected one of " + Platforms.KNOWN + " but was '" + platform + "'");
        Resale resale = null;
        if (f.node("resale") != null) {
            resale = new Resale(f.number("resale.afterYear1", 0, 1, "share of the purchase price"),
                    f.number("resale.afterYear2", 0, 1, "share of the purchase price"),
                    f.number("resale.afterYear3", 0, 1, "share of the purchase price"));
            if (resale.afterYear2() > resale.afterYear1() || resale.afterYear3() > resale.afterYear2())
                f.problem("resale", "expected resale values that do not rise with age");
        }
        Device device = new Device(f.text("id"), f.text("name"), kind, platform, f.text("chip"),
                f.optionalText("formFactor"), chipClass(f),
                f.number("memoryGb", 1, 16384, "GB"), f.number("usableMemoryShare", 0.3, 1, "share of memory"),
                f.number("memoryBandwidthGBps", 10, 20000, "GB/s per GPU"), f.number("fp16Tflops", 0.1, 10000, "TFLOPS per GPU"),
                f.integer("gpuCount", 1, 64, "GPUs"),
                f.optionalNumber("idleWatts", 0, 5000, "W"), f.optionalNumber("loadWatts", 1, 20000, "W"),
                f.optionalNumber("priceNewUsd", 50, 2_000_000, "USD"), f.optionalDate("priceNewDate", today),
                f.optionalRange("priceNewRangeUsd", 50, 2_000_000, "USD"),
                f.optionalNumber("priceUsedUsd", 10, 2_000_000, "USD"),
                f.optionalNumber("hostSystemPriceUsd", 0, 100_000, "USD"), resale,
                f.optionalNumber("rentalUsdPerHour", 0.01, 500, "USD per hour"),
                f.optionalRange("rentalUsdPerHourRange", 0.01, 500, "USD per hour"),
                f.optionalText("rentalProvider"), f.optionalDate("rentalDate", today), rentalBilling(f, kind),
                f.number("diskReadGBps", 0.05, 100, "GB/s"), f.optionalText("notes"), f.sources());
        f.optionalNumber("tdpWatts", 1, 5000, "W");
        f.optionalDate("priceUsedDate", today);
        checkKind(f, device);
        return device;
    }

    private static String chipClass(FieldReader f) {
        String chipClass = f.text("chipClass");
        if (!chipClass.isEmpty() && !Device.CHIP_CLASSES.contains(chipClass))
            f.problem("chipClass", "expected one of " + Device.CHIP_CLASSES + " but was '" + chipClass + "'");
        return chipClass;
    }

    /** A rental's billing unit and storage price; null for a machine that is bought. */
    private static RentalBilling rentalBilling(FieldReader f, Device.Kind kind) {
        Integer seconds = f.optionalInteger("rentalBillingSeconds", 1, 3600, "seconds");
        Double storage = f.optionalNumber("storageUsdPerGbMonth", 0, 10, "USD per GB-month");
        if (kind != Device.Kind.RENTED) return null;
        if (seconds == null || storage == null) {
            f.problem(seconds == null ? "rentalBillingSeconds" : "storageUsdPerGbMonth",
                    "a rented device needs its billing unit in seconds (1, 60 or 3600) and its storage price per GB-month");
            return null;
        }
        if (seconds != 1 && seconds != 60 && seconds != 3600) {
            f.problem("rentalBillingSeconds", "expected 1 (per second), 60 (per minute) or 3600 (per hour) but was " + seconds);
            return null;
        }
        return new RentalBilling(seconds, storage);
    }

    private static void checkKind(FieldReader f, Device d) {
        if (d.rented()) {
            if (d.rentalUsdPerHour() == null) f.problem("rentalUsdPerHour", "a rented device needs an hourly price");
            if (d.rentalDate() == null) f.problem("rentalDate", "a rented device needs the date of its hourly price");
        } else {
            if (d.priceNewUsd() == null && d.priceUsedUsd() == null)
                f.problem("priceNewUsd", "an owned device needs a new price, or a used price when it is no longer sold new");
            if (d.priceNewUsd() != null && d.priceNewDate() == null) f.problem("priceNewDate", "a price needs its date");
            if (d.idleWatts() == null || d.loadWatts() == null)
                f.problem("loadWatts", "an owned device needs idleWatts and loadWatts for its electricity");
            else if (d.idleWatts() > d.loadWatts()) f.problem("idleWatts", "idle power is above load power");
            if (d.resale() == null) f.problem("resale", "an owned device needs expected resale values");
            if (d.hostSystemPriceUsd() == null) f.problem("hostSystemPriceUsd", "0 for a complete computer, else the rest of the PC");
        }
    }
}
