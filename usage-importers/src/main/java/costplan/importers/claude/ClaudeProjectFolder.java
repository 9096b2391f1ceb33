package costplan.importers.claude;

/**
 * The project a Claude Code log line belongs to: the folder Claude Code logs it under ({@code projects/<name>/}),
 * named after the directory the session started in, whatever sub-folder the line's {@code cwd} is in. ccusage groups
 * projects the same way, so the two count the same projects.
 *
 * <pre>{@code
 * ClaudeProjectFolder.project("-home-kim-src-app", "/home/kim/src/app/web");   // "/home/kim/src/app"
 * ClaudeProjectFolder.project("-home-kim-src-app", null);                      // "-home-kim-src-app"
 * }</pre>
 */
final class ClaudeProjectFolder {
    private ClaudeProjectFolder() {
    }

    /**
     * Returns the directory, {@code cwd} or one of its parents, that Claude Code names {@code folder} (every character
     * other than a letter or digit written as {@code -}); {@code cwd} itself when none is (a folder named otherwise,
     * such as a name Claude Code shortened), and the folder's own name when there is no cwd.
     */
    static String project(String folder, String cwd) {
        if (cwd == null) return folder;
        // The name keeps the path's length, so only the ancestor of that length can match.
        if (cwd.length() < folder.length()) return cwd;
        String candidate = cwd.substring(0, folder.length());
        boolean endsThere = cwd.length() == folder.length() || isSeparator(cwd.charAt(folder.length()));
        return endsThere && encoded(candidate).equals(folder) ? candidate : cwd;
    }

    private static boolean isSeparator(char c) {
        return c == '/' || c == '\\';
    }

    private static String encoded(String path) {
        StringBuilder name = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            name.append(c < 128 && Character.isLetterOrDigit(c) ? c : '-');
        }
        return name.toString();
    }
}
