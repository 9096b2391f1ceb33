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

    Catalog catalog() throws IOException {
        Catalog catalog = folder == null ? Catalog.bundled() : Catalog.load(folder);
        if (calibration == null) return catalog;
        ChipCalibration own = ChipCalibration.read(calibration);
        return catalog.withEngine(own.applyTo(catalog.engine(own.engine())));
    }
}
