package costplan.cli;

/** The exit codes every command uses; each command's help lists them. */
final class ExitCodes {
    static final int OK = 0;
    static final int INTERNAL_ERROR = 1;
    static final int BAD_USAGE = 2;
    static final int BAD_INPUT = 3;
    static final int SKIPPED_INPUT = 4;
    static final int CANNOT_WRITE = 5;
    /** Java ran out of memory; the message says which COSTPLAN_JAVA_OPTS to run with. */
    static final int OUT_OF_MEMORY = 6;

    private ExitCodes() {
    }
}
