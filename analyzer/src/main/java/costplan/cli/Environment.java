package costplan.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What commands read from the machine: environment variables, the home folder, the clock and the zone.
 * Tests pass their own.
 *
 * @param zoneSource the zone days are cut in when none is given; asked only then, since finding the system's zone
 *                   reads the time-zone database, a measurable part of a short run
 */
record Environment(Map<String, String> variables, Path home, Clock clock, Supplier<ZoneId> zoneSource, boolean interactive) {

    Environment(Map<String, String> variables, Path home, Clock clock, ZoneId zone, boolean interactive) {
        this(variables, home, clock, () -> zone, interactive);
    }

    static Environment system() {
        return new Environment(System.getenv(), Path.of(System.getProperty("user.home")), Clock.systemUTC(),
                ZoneId::systemDefault, System.console() != null);
    }

    /** Returns the zone days are cut in when no --timezone is given. */
    ZoneId zone() {
        return zoneSource.get();
    }
}
