package costplan.importers.claude;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where Claude Code writes its session logs: {@code CLAUDE_CONFIG_DIR} (one folder or a comma-separated
 * list, each the config folder or its {@code projects/}) when set, else {@code ~/.config/claude/projects}
 * and {@code ~/.claude/projects} combined.
 */
public final class ClaudeLogLocations {
    /** The environment variable that overrides the default folders. */
    public static final String CONFIG_DIR_VARIABLE = "CLAUDE_CONFIG_DIR";

    private ClaudeLogLocations() {
    }

    /**
     * Returns the existing {@code projects} folders to read.
     *
     * @throws IllegalArgumentException when {@code CLAUDE_CONFIG_DIR} is set but names no folder with logs
     */
    public static List<Path> find(Map<String, String> environment, Path home) {
        String configured = environment.get(CONFIG_DIR_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            List<Path> found = new ArrayList<>();
            for (String entry : configured.split(",")) {
                if (entry.isBlank()) continue;
                Path dir = expandHome(entry.trim(), home);
                Path projects = dir.getFileName() != null && dir.getFileName().toString().equals("projects")
                        ? dir : dir.resolve("projects");
                if (Files.isDirectory(projects) && !found.contains(projects)) found.add(projects);
            }
            if (found.isEmpty())
                throw new IllegalArgumentException(CONFIG_DIR_VARIABLE + "=" + configured
                        + " names no folder with a projects/ subfolder; set it to your Claude config folder"
                        + " (e.g. ~/.claude) or unset it");
            return List.copyOf(found);
        }
        List<Path> found = new ArrayList<>();
        for (Path candidate : List.of(home.resolve(".config/claude/projects"), home.resolve(".claude/projects")))
            if (Files.isDirectory(candidate)) found.add(candidate);
        return List.copyOf(found);
    }

    private static Path expandHome(String entry, Path home) {
        if (entry.equals("~")) return home;
        if (entry.startsWith("~/")) return home.resolve(entry.substring(2));
        return Path.of(entry);
    }
}
