package costplan.importers.codex;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where Codex CLI keeps its sessions: {@code CODEX_HOME} (one folder or a comma-separated list) when set, else {@code ~/.codex}. */
public final class CodexLocations {
    /** The environment variable that overrides the default folder. */
    public static final String HOME_VARIABLE = "CODEX_HOME";

    private CodexLocations() {
    }

    /** Returns the Codex homes that hold a {@code sessions/} or {@code archived_sessions/} folder; empty when none does. */
    public static List<Path> find(Map<String, String> environment, Path home) {
        String configured = environment.get(HOME_VARIABLE);
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            for (String entry : configured.split(","))
                if (!entry.isBlank()) candidates.add(entry.strip().startsWith("~/") ? home.resolve(entry.strip().substring(2))
                        : Path.of(entry.strip()));
        } else {
            candidates.add(home.resolve(".codex"));
        }
        return candidates.stream().filter(dir -> Files.isDirectory(dir.resolve("sessions"))
                || Files.isDirectory(dir.resolve("archived_sessions"))).distinct().toList();
    }
}
