package costplan.whatif;

import costplan.importers.CostplanException;

import java.nio.file.Path;

/** A scenario file that cannot be used: the file, the line, the field, and what was expected. */
public final class WhatIfFileException extends CostplanException {
    private final transient Path file;
    private final int line;

    public WhatIfFileException(Path file, int line, String message) {
        super(Kind.BAD_INPUT, file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
