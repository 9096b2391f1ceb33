package costplan.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** One run of the command line in this JVM, on a fixed clock in UTC with no environment variables, and what it printed. */
record CliRun(int exitCode, String out, String err) {
    /** The time every run takes as now. */
    static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

    /** Runs {@code args} with a home folder that does not exist, so that no real logs are read. */
    static CliRun of(String... args) {
        return in(Path.of("/nonexistent"), args);
    }

    /** Runs {@code args} with {@code home} as the home folder. */
    static CliRun in(Path home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment env = new Environment(Map.of(), home, Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC, false);
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), env, args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
