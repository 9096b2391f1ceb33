package costplan.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every example shown in README.md and in the Markdown files under samples/, and compares what it prints with
 * what the page shows, figures included, so that no example can drift from the tool.
 *
 * <p>An example is a fenced code block line {@code $ ./costplan ARGS} (a trailing {@code \} continues it on the next
 * line), followed by the exact standard output, up to the next {@code $} line or the end of the block. A line
 * {@code ...} ends the comparison there: the lines before it are compared, the rest of the output is not shown.
 * Commands run in this JVM on the fixed clock and UTC zone of {@link CliRun}, from the repository's root, and must
 * exit 0.
 *
 * <p>After an intended change of output, rewrite the examples in place, then review the diff:
 * {@code ./mvnw -q -pl analyzer -am test -Dtest=ReadmeExamplesTest -Dsurefire.failIfNoSpecifiedTests=false -Dexamples.update=true}.
 */
class ReadmeExamplesTest {
    private static final Path ROOT = Path.of("..");
    private static final String PROMPT = "$ ./costplan ";
    private static final String MORE = "...";
    private static final boolean UPDATE = Boolean.getBoolean("examples.update");

    /** One example: where its command starts, the command, and the output shown (up to a {@code ...} line). */
    private record Example(Path page, int line, List<String> args, List<String> shown, boolean truncated, int firstOutputLine,
                           int endLine) {
    }

    @TestFactory
    Stream<DynamicTest> everyExampleInTheReadmeAndTheSamplesPrintsWhatItShows() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : pages()) {
            List<Example> examples = examples(page);
            if (UPDATE && !examples.isEmpty()) {
                rewrite(page, examples);
                examples = examples(page);
            }
            for (Example e : examples)
                tests.add(DynamicTest.dynamicTest(ROOT.relativize(page) + ":" + e.line(), () -> check(e)));
        }
        assertThat(tests).as("examples found").hasSizeGreaterThanOrEqualTo(10);
        return tests.stream();
    }

    @Test
    void theQuickStartsFirstCommandRunsCleanOnTheBundledSample() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        String quickStart = readme.substring(readme.indexOf("## Quick start"));
        String first = quickStart.lines().filter(l -> l.startsWith("./costplan ")).findFirst().orElseThrow();
        List<String> args = words(first.substring("./costplan ".length()).replaceAll("\\s+#.*$", ""));
        CliRun r = run(args);
        assertThat(r.exitCode()).as(first + "\n" + r.err()).isZero();
        assertThat(r.err()).as("no warning on the bundled sample").doesNotContain("warning").doesNotContain("skipped");
    }

    @Test
    void everyFigureInTheScenarioTableIsOneTheScenarioPrints() throws IOException {
        Path page = ROOT.resolve("samples/scenarios/README.md");
        Pattern row = Pattern.compile("^\\| `([^`]+\\.yaml)` \\|.*\\| ([^|]+) \\|$");
        // Decimal figures with a unit: "62.9 months", "1.7 weeks", "2.09x".
        Pattern figure = Pattern.compile("\\d+\\.\\d+(?: months| weeks|x)");
        int checked = 0;
        for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
            Matcher r = row.matcher(line);
            if (!r.matches()) continue;
            String printed = run(List.of("whatif", "samples/scenarios/" + r.group(1))).out();
            Matcher f = figure.matcher(r.group(2));
            while (f.find()) {
                assertThat(printed).as(r.group(1) + ": " + f.group()).contains(f.group());
                checked++;
            }
        }
        assertThat(checked).as("figures checked").isGreaterThanOrEqualTo(8);
    }

    private static void check(Example e) {
        CliRun r = run(e.args());
        assertThat(r.exitCode()).as(String.join(" ", e.args()) + "\n" + r.err()).isZero();
        List<String> printed = lines(r.out());
        List<String> compared = e.truncated() ? printed.subList(0, Math.min(e.shown().size(), printed.size())) : printed;
        assertThat(String.join("\n", compared)).as(ROOT.relativize(e.page()) + ":" + e.line() + " " + String.join(" ", e.args())
                + " (rewrite with -Dexamples.update=true if the change is intended)").isEqualTo(String.join("\n", e.shown()));
    }

    /** Runs costplan with paths of the repository (samples/...) made relative to this module. */
    private static CliRun run(List<String> args) {
        List<String> fromModule = args.stream().map(a -> Files.exists(ROOT.resolve(a)) ? ROOT.resolve(a).toString() : a).toList();
        return CliRun.of(fromModule.toArray(String[]::new));
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> files = Files.walk(ROOT.resolve("samples"))) {
            files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static List<Example> examples(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
        List<Example> examples = new ArrayList<>();
        boolean inBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (!inBlock || !line.startsWith(PROMPT)) continue;
            int start = i;
            StringBuilder command = new StringBuilder(line.substring(PROMPT.length()));
            while (command.toString().endsWith("\\")) {
                command.setLength(command.length() - 1);
                command.append(' ').append(lines.get(++i).strip());
            }
            int firstOutput = i + 1;
            List<String> shown = new ArrayList<>();
            boolean truncated = false;
            int j = firstOutput;
            for (; j < lines.size() && !lines.get(j).startsWith("```") && !lines.get(j).startsWith("$ "); j++) {
                if (lines.get(j).equals(MORE)) truncated = true;
                else if (!truncated) shown.add(lines.get(j));
            }
            examples.add(new Example(page, start + 1, words(command.toString()), shown, truncated, firstOutput, j));
            i = j - 1;
        }
        return examples;
    }

    /** Writes each example's output, as printed now, in place of what the page shows (keeping a {@code ...} cut). */
    private static void rewrite(Path page, List<Example> examples) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(page, StandardCharsets.UTF_8));
        for (int k = examples.size() - 1; k >= 0; k--) {
            Example e = examples.get(k);
            List<String> printed = lines(run(e.args()).out());
            List<String> now = new ArrayList<>(e.truncated() ? printed.subList(0, Math.min(e.shown().size(), printed.size())) : printed);
            if (e.truncated()) now.add(MORE);
            for (int n = e.endLine() - 1; n >= e.firstOutputLine(); n--) lines.remove(n);
            lines.addAll(e.firstOutputLine(), now);
        }
        Files.write(page, lines, StandardCharsets.UTF_8);
    }

    /** The printed lines without trailing spaces and without the blank lines at the end. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(text.lines().map(String::stripTrailing).toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        return lines;
    }

    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        for (String w : command.strip().split("\\s+")) if (!w.isEmpty()) words.add(w);
        return words;
    }
}
