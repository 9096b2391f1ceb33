package costplan.report;

import costplan.importers.UsageRecord;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a report calls a project: its path, or under {@code --redact} an alias ({@code project-1},
 * {@code project-2}…) numbered in the order the projects first appear in time. The same logs give the same
 * aliases on every run, and an alias says nothing about the name it hides.
 */
public final class ProjectAliases {
    private final Map<String, String> aliases;

    private ProjectAliases(Map<String, String> aliases) {
        this.aliases = aliases;
    }

    /** Returns names that show each project's path as it is. */
    public static ProjectAliases none() {
        return new ProjectAliases(null);
    }

    /** Returns aliases for the projects of {@code recordsInTimeOrder}. */
    public static ProjectAliases redacting(List<UsageRecord> recordsInTimeOrder) {
        Map<String, String> aliases = new HashMap<>();
        for (UsageRecord r : recordsInTimeOrder)
            aliases.computeIfAbsent(r.project(), p -> "project-" + (aliases.size() + 1));
        return new ProjectAliases(aliases);
    }

    /** Returns whether project names are replaced. */
    public boolean redacting() {
        return aliases != null;
    }

    /** Returns the name to show for {@code project}. */
    public String nameOf(String project) {
        if (aliases == null) return project;
        String alias = aliases.get(project);
        if (alias == null) throw new IllegalArgumentException("no alias for a project that is not in the report");
        return alias;
    }
}
