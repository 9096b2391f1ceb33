package costplan;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The worked notebook and every {@code jshell} block of the README run clean in JShell. */
class NotebookTest {
    private static final Pattern JSHELL_BLOCK = Pattern.compile("```jshell\\n(.*?)```", Pattern.DOTALL);

    /**
     * Runs {@code script} snippet by snippet with costplan's packages imported, and returns what it printed. The
     * tests run in {@code analyzer/}, the scripts from the repository root, so sample paths get a {@code ../}.
     */
    static String run(String script) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        // The local engine runs snippets in this JVM, so what they print goes to this JVM's System.out.
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) shell.addToClasspath(entry);
            // The imports and println of the notebook's startup.
            StringBuilder imports = new StringBuilder("void println(Object o) { System.out.println(o); }\n");
            for (String p : Costplan.IMPORTS) imports.append("import ").append(p).append(".*;");
            String remaining = imports + "\n" + script.replace("\"samples/", "\"../samples/").replaceAll("(?m)^/exit$", "");
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
                String source = info.source() != null ? info.source() : remaining;
                for (SnippetEvent e : shell.eval(source)) {
                    if (e.status() == Snippet.Status.REJECTED)
                        fail("snippet rejected: " + source + "\n" + shell.diagnostics(e.snippet())
                                .map(d -> d.getMessage(java.util.Locale.ROOT)).toList());
                    if (e.exception() != null) fail("snippet threw: " + source, e.exception());
                }
                remaining = info.source() != null ? info.remaining() : "";
            }
        } finally {
            System.setOut(out);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theWorkedNotebookRunsAndPrintsItsTables() throws IOException {
        String printed = run(Files.readString(Path.of("../samples/what-if.jsh")));
        assertThat(printed).contains("36 requests in 3 files", "Sweep of overrides.electricityUsdPerKwh", "sweep of growthPerMonth",
                "payback P50 (P10-P90)", "mac-mini-m4-pro-64gb / qwen3-coder-30b-a3b:q4_k_m");
        // usage.byDay(): one day, its 36 requests, 1,407,868 cache reads and its cost at API prices.
        assertThat(printed).containsPattern("2026-01-06\\s*\\|\\s*36\\s*\\|\\s*164\\s*\\|\\s*13261\\s*\\|\\s*170154\\s*\\|\\s*1407868\\s*\\|");
        // usage.byModel(): 2 Haiku and 34 Sonnet requests.
        assertThat(printed).containsPattern("claude-haiku-4-5-20251001\\s*\\|\\s*2\\s*\\|")
                .containsPattern("claude-sonnet-4-5-20250929\\s*\\|\\s*34\\s*\\|");
        assertThat(printed).contains("1 session (2 agent threads, main and sub-agent), at most 1 session and 2 agent threads at once");
        // The growth sweep's table: 4 values x 3 options, the values as typed (0.1, not 0.09999999999999999).
        assertThat(printed).containsPattern("\\n\\s*0\\.1\\s*\\|\\s*mac-mini-m4-pro-64gb").doesNotContain("0.0999999");
    }

    /**
     * Every {@code jshell} block of the README runs, and what its {@code println(...)} inputs print is exactly the
     * output shown under them, blank lines aside (JShell's own {@code x ==> ...} echoes of other inputs are shortened by
     * JShell and not compared).
     */
    @Test
    void everyJshellBlockOfTheReadmeRunsAndPrintsWhatItShows() throws IOException {
        Matcher blocks = JSHELL_BLOCK.matcher(Files.readString(Path.of("../README.md")));
        List<String> snippets = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        while (blocks.find()) {
            // A block is a session: each line after "jshell> " is one input (JShell needs no semicolon there),
            // the other lines are its output.
            boolean printing = false;
            for (String line : blocks.group(1).split("\n")) {
                if (line.startsWith("jshell> ")) {
                    String input = line.substring(8).strip();
                    snippets.add(input.replaceAll(";?$", ";"));
                    printing = input.startsWith("println(");
                } else if (printing && !line.isBlank()) {
                    shown.add(line.stripTrailing());
                }
            }
        }
        assertThat(snippets).isNotEmpty();
        String printed = run(String.join("\n", snippets));
        // Blank lines are not compared: println adds one after a table that ends with a line break.
        assertThat(printed.lines().filter(l -> !l.isBlank()).map(String::stripTrailing).toList()).containsExactlyElementsOf(shown);
    }
}
