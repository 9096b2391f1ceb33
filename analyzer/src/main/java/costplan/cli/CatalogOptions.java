package costplan.cli;

import costplan.catalog.Catalog;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --catalog DIR}: read a person's own copy of {@code hardware-catalog/} instead of the bundled one. */
final class CatalogOptions {
    @Option(names = "--catalog", paramLabel = "DIR",
            description = "Read devices, models and engines from DIR (a copy of hardware-catalog/) instead of the bundled catalog.")
    Path folder;

    Catalog catalog() {
        return folder == null ? Catalog.bundled() : Catalog.load(folder);
    }
}
