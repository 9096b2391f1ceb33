package costplan.importers;

/**
 * A problem a person can fix, with the exit code the command line ends with: a bad option or id ({@link Kind#BAD_USAGE}),
 * input data that cannot be used ({@link Kind#BAD_INPUT}) or an output that cannot be written ({@link Kind#CANNOT_WRITE}). Any other exception reaching the command line is a bug.
 *
 * <pre>{@code
 * throw CostplanException.badOption("--max-slowdown", "must be at least 1", 0.5);
 * // costplan: error: --max-slowdown must be at least 1, was 0.5   (exit code 2)
 * }</pre>
 */
public class CostplanException extends RuntimeException {
    /** What kind of problem, and the exit code it ends a command with. */
    public enum Kind {
        /** An unknown option, id or value: exit code 2. */
        BAD_USAGE(2),
        /** Input that cannot be read or used, or nothing to work with: exit code 3. */
        BAD_INPUT(3),
        /** An output (a report, standard output) that could not be written: exit code 5. */
        CANNOT_WRITE(5);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Kind kind;

    public CostplanException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public CostplanException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** A bad value or id: exit code 2. */
    public static CostplanException badUsage(String message) {
        return new CostplanException(Kind.BAD_USAGE, message);
    }

    /** Input that cannot be used: exit code 3. */
    public static CostplanException badInput(String message) {
        return new CostplanException(Kind.BAD_INPUT, message);
    }

    /** {@code option} has a value that breaks {@code rule}: "--max-slowdown must be at least 1, was 0.5". */
    public static CostplanException badOption(String option, String rule, Object value) {
        return badUsage(option + " " + rule + ", was " + value);
    }

    public Kind kind() {
        return kind;
    }

    /** The exit code the command line ends with. */
    public int exitCode() {
        return kind.exitCode();
    }
}
