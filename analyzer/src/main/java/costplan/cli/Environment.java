package costplan.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * What commands read from the machine: environment variables, the home folder, the clock and the zone.
 * Tests pass their own.
 */
record Environment(Map<String, String> variables, Path home, Clock clock, ZoneId zone, boolean interactive) {

    static Environment system() {
        return new Environment(System.getenv(), Path.of(System.getProperty("user.home")), Clock.systemUTC(),
                ZoneId.systemDefault(), System.console() != null);
    }
}
