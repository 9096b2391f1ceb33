package costplan.cli;

import costplan.importers.CostplanException;
import costplan.pricing.PriceBook;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code costplan} command line. */
@Command(name = "costplan", mixinStandardHelpOptions = true, version = "costplan 0.1.0",
        header = "Decide whether running coding models on your own hardware pays off, from your own usage.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:ok",
                "1:unexpected internal error",
                "2:bad usage (unknown option, bad value)",
                "3:bad input data (nothing readable, or anything skipped under --strict)",
                "4:ran fine, but some lines or files were skipped (listed on stderr)",
                "5:an output could not be written (full disk, no permission)",
                "6:costplan needs more memory (the message says which COSTPLAN_JAVA_OPTS=-Xmx... to use)"})
public final class Main {
    /**
     * The subcommands by the name their {@code @Command} gives them, in the order help lists them. The names are
     * written out rather than read from the annotations: reading eleven classes' annotations is a measurable part of
     * a short run's start-up (a test checks they agree).
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands(
            "analyze", AnalyzeCommand.class, "report", ReportCommand.class, "plan", PlanCommand.class,
            "whatif", WhatifCommand.class, "fit", FitCommand.class, "speed", SpeedCommand.class,
            "breakeven", BreakevenCommand.class, "calibrate", CalibrateCommand.class, "catalog", CatalogCommand.class,
            "notebook", NotebookCommand.class, "help", CommandLine.HelpCommand.class);

    private Main() {
    }

    /** Runs costplan with {@code args}, exits with its exit code. */
    public static void main(String[] args) {
        // The bundled prices are read on another thread while picocli reads the command line, which leaves a core idle.
        PriceBook.bundledAsync();
        CheckedOutput stdout = new CheckedOutput(new java.io.FileOutputStream(java.io.FileDescriptor.out));
        PrintWriter out = new PrintWriter(new java.io.BufferedOutputStream(stdout, 1 << 16), false,
                java.nio.charset.StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        int code = run(out, err, Environment.system(), args);
        out.flush();
        if (stdout.failure() != null && !stdout.readerWentAway()) {
            err.println("costplan: error: could not write the output (" + stdout.failure().getMessage()
                    + "); what was written is incomplete");
            code = ExitCodes.CANNOT_WRITE;
        }
        err.flush();
        System.exit(code);
    }

    /** Runs costplan with {@code args} against this machine and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, Environment.system(), args);
    }

    static int run(PrintWriter out, PrintWriter err, Environment environment, String... args) {
        EnvironmentFactory factory = new EnvironmentFactory(environment);
        CommandLine cli = new CommandLine(new Main(), factory);
        // Only the subcommand being run is built: picocli reads every option of a command by reflection, which is
        // a measurable part of a short run's start-up.
        Class<?> chosen = args.length > 0 && !args[0].equals("help") ? SUBCOMMANDS.get(args[0]) : null;
        for (Class<?> type : chosen != null ? List.<Class<?>>of(chosen) : SUBCOMMANDS.values())
            cli.addSubcommand(factory.command(type));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (MemoryAdvice.isOutOfMemory(e)) return outOfMemory(err);
            boolean verbose = parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose");
            if (e instanceof CostplanException problem) {
                err.println("costplan: error: " + e.getMessage());
                return problem.exitCode();
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
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            return outOfMemory(err);
        }
    }

    private static int outOfMemory(PrintWriter err) {
        err.println(MemoryAdvice.message(Runtime.getRuntime().maxMemory()));
        return ExitCodes.OUT_OF_MEMORY;
    }

    private static Map<String, Class<?>> subcommands(Object... namesAndTypes) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) byName.put((String) namesAndTypes[i], (Class<?>) namesAndTypes[i + 1]);
        return byName;
    }

    /** Hands the environment to the commands that need it. */
    private record EnvironmentFactory(Environment environment) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == AnalyzeCommand.class) return type.cast(new AnalyzeCommand(environment));
            if (type == ReportCommand.class) return type.cast(new ReportCommand(environment));
            if (type == PlanCommand.class) return type.cast(new PlanCommand(environment));
            if (type == BreakevenCommand.class) return type.cast(new BreakevenCommand(environment));
            return CommandLine.defaultFactory().create(type);
        }

        Object command(Class<?> type) {
            try {
                return create(type);
            } catch (Exception e) {
                throw new IllegalStateException("cannot create the " + type.getSimpleName() + " command", e);
            }
        }
    }
}
