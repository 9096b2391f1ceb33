package costplan.cli;

import costplan.calibration.ChipCalibration;
import costplan.catalog.Catalog;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code --catalog DIR}: read a person's own copy of {@code hardware-catalog/} instead of the bundled one;
 * {@code --calibration FILE}: use efficiency factors fitted by {@code costplan calibrate} for that engine and chip.
 */
final class CatalogOptions {
    @Option(names = "--catalog", paramLabel = "DIR",
            description = "Read devices, models and engines from DIR (a copy of hardware-catalog/) instead of the bundled catalog.")
    Path folder;

    @Option(names = "--calibration", paramLabel = "FILE",
            description = "Efficiency factors from 'costplan calibrate' (your own llama-bench run) for that engine and chip.")
    Path calibration;

    /** Returns the catalog with the calibration applied. */
    Catalog catalog() throws IOException {
        Catalog catalog = uncalibrated();
        ChipCalibration own = ownCalibration();
        return own == null ? catalog : catalog.withEngine(own.applyTo(catalog.engine(own.engine())));
    }

    /** Returns the catalog as its files hold it, without {@code --calibration}. */
    Catalog uncalibrated() {
        return folder == null ? Catalog.bundled() : Catalog.load(folder);
    }

    /** Returns the calibration of {@code --calibration}, or null. */
    ChipCalibration ownCalibration() throws IOException {
        return calibration == null ? null : ChipCalibration.read(calibration);
    }
}
