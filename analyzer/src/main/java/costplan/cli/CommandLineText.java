package costplan.cli;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Writes a costplan command line back as text a shell runs unchanged, with chosen arguments replaced. */
final class CommandLineText {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,+@%^-]+");

    private CommandLineText() {
    }

    /**
     * Returns {@code costplan} and {@code args}, each argument (or the value of an {@code --option=value})
     * that is a key of {@code replacements} replaced by its value, quoted for a POSIX shell where needed.
     */
    static String of(List<String> args, Map<String, String> replacements) {
        StringBuilder line = new StringBuilder("costplan");
        for (String arg : args) line.append(' ').append(quote(replace(arg, replacements)));
        return line.toString();
    }

    private static String replace(String arg, Map<String, String> replacements) {
        if (replacements.containsKey(arg)) return replacements.get(arg);
        int equals = arg.indexOf('=');
        if (arg.startsWith("--") && equals > 0 && replacements.containsKey(arg.substring(equals + 1)))
            return arg.substring(0, equals + 1) + replacements.get(arg.substring(equals + 1));
        return arg;
    }

    private static String quote(String arg) {
        if (!arg.isEmpty() && PLAIN.matcher(arg).matches()) return arg;
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
