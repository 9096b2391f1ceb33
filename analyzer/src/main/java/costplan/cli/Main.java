package costplan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code costplan} command line. */
@Command(name = "costplan", mixinStandardHelpOptions = true, version = "costplan 0.1.0",
        header = "Decide whether running coding models on your own hardware pays off, from your own usage.",
        subcommands = {AnalyzeCommand.class, ReportCommand.class, PlanCommand.class, WhatifCommand.class, CatalogCommand.class,
                NotebookCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    private Main() {
    }

    /** Runs costplan with {@code args}, exits with its exit code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, false, java.nio.charset.StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        int code = run(out, err, Environment.system(), args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs costplan with {@code args} against this machine and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, Environment.system(), args);
    }

    static int run(PrintWriter out, PrintWriter err, Environment environment, String... args) {
        CommandLine cli = new CommandLine(new Main(), new EnvironmentFactory(environment));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean verbose = parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose");
            if (e instanceof costplan.catalog.CatalogException || e instanceof costplan.whatif.WhatIfFileException) {
                err.println("costplan: error: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            if (e instanceof IllegalArgumentException) {
                err.println("costplan: error: " + e.getMessage());
                return ExitCodes.BAD_USAGE;
            }
            if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
                err.println("costplan: error: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            err.println("costplan: internal error: " + e);
            if (verbose) e.printStackTrace(err);
            else err.println("costplan: run with --verbose for the stack trace");
            return ExitCodes.INTERNAL_ERROR;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("costplan: error: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("costplan: see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
            return ExitCodes.BAD_USAGE;
        });
        return cli.execute(args);
    }

    /** Hands the environment to the commands that need it. */
    private record EnvironmentFactory(Environment environment) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == AnalyzeCommand.class) return type.cast(new AnalyzeCommand(environment));
            if (type == ReportCommand.class) return type.cast(new ReportCommand(environment));
            if (type == PlanCommand.class) return type.cast(new PlanCommand(environment));
            return CommandLine.defaultFactory().create(type);
        }
    }
}
