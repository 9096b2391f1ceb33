package costplan.cli;

import costplan.Costplan;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code costplan notebook}: JShell with costplan on the class path and its packages imported. */
@Command(name = "notebook", mixinStandardHelpOptions = true,
        header = "Start JShell with costplan on the class path and its packages imported.",
        description = {"Start with Costplan.analyze(\"samples/claude\"), Costplan.catalog() or Costplan.scenario(); "
                + "JShell shortens long values, println(x) prints a whole table. SCRIPT (e.g. samples/what-if.jsh) is run first. /exit leaves."})
final class NotebookCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SCRIPT", arity = "0..1", description = "A .jsh script to run first.")
    private Path script;

    @Override
    public Integer call() throws Exception {
        Path startup = Files.createTempFile("costplan-notebook", ".jsh");
        try {
            StringBuilder lines = new StringBuilder();
            for (String p : Costplan.IMPORTS) lines.append("import ").append(p).append(".*;\n");
            Files.writeString(startup, lines);
            List<String> args = new ArrayList<>(List.of("--class-path", System.getProperty("java.class.path"),
                    "--startup", "DEFAULT", "--startup", "PRINTING",
                    "--startup", startup.toString()));
            if (script != null) args.add(script.toString());
            return JavaShellToolBuilder.builder().start(args.toArray(String[]::new));
        } finally {
            Files.deleteIfExists(startup);
        }
    }
}
