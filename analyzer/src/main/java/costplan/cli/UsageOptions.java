package costplan.cli;

import costplan.importers.CostplanException;
import costplan.importers.ImportProblem;
import costplan.importers.ImportProgress;
import costplan.importers.ImportSummary;
import costplan.importers.claude.ClaudeLogLocations;
import costplan.importers.codex.CodexLocations;
import costplan.importers.formats.SourceOverlap;
import costplan.ledger.UsageGroup;
import costplan.usage.Usage;
import costplan.usage.UsageQuery;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The options that choose which usage to read and how to price it, shared by the commands that read logs. */
final class UsageOptions {
    /** Where usage usually is, for the hint after "no usage found". */
    static final String WHERE_LOGS_ARE = "Claude Code writes its logs to ~/.claude/projects or ~/.config/claude/projects"
            + " (or $" + ClaudeLogLocations.CONFIG_DIR_VARIABLE + "), Codex to ~/.codex/sessions (or $"
            + CodexLocations.HOME_VARIABLE + "); provider exports are the usage and cost files downloaded from the Anthropic,"
            + " OpenAI or OpenRouter consoles. Give such folders or files as PATH.";
    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Claude config or projects/ folders, Codex homes or sessions/ folders, log files, export files or"
                    + " folders of exports (default: where Claude Code and Codex write their logs).")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-s", "--since"}, paramLabel = "DATE", description = "First day to include (2026-01-31 or 20260131). Default: the first day logged.")
    String since;

    @Option(names = {"-u", "--until"}, paramLabel = "DATE", description = "Last day to include. Default: the last day logged.")
    String until;

    @Option(names = {"-z", "--timezone", "--zone"}, paramLabel = "ZONE",
            description = "IANA time zone days are cut in, e.g. Europe/Paris or UTC. Default: the system zone.")
    String timezone;

    @Option(names = "--project", paramLabel = "TEXT", description = "Only projects whose path contains TEXT (any case). Default: all.")
    String project;

    @Option(names = "--pricing", paramLabel = "DIR",
            description = "Read the price files (anthropic.json, openai.json, openrouter.json, subscriptions.json) from DIR"
                    + " instead of the bundled pricing-data/.")
    Path pricing;

    @Option(names = "--format", paramLabel = "NAME",
            description = "Read every PATH as this format instead of telling it from the content: codex, claude-code, "
                    + "anthropic-usage-report, anthropic-cost-report, anthropic-console-usage-csv, anthropic-console-cost-csv, "
                    + "openai-usage, openai-costs, openai-usage-csv, openrouter-generations-csv, openrouter-generation, "
                    + "openrouter-activity or openrouter-daily-csv. Default: detect.")
    String format;

    @Option(names = "--strict", description = "Fail (exit 3) when any line or file is skipped. Default: report and go on.")
    boolean strict;

    @Option(names = "--verbose", description = "Print every skipped line and stack traces of internal errors.")
    boolean verbose;

    /** Returns the query these options describe, over {@code sources}. */
    UsageQuery query(Environment environment, List<Path> sources, String modelFilter) throws IOException {
        UsageQuery query = UsageQuery.of().withPaths(sources).withFormat(format).withSince(date(since, "--since"))
                .withUntil(date(until, "--until")).withZone(zone(environment)).withProject(project).withModel(modelFilter);
        return pricing == null ? query : query.withPricing(pricing);
    }

    /**
     * Reads and prices the chosen logs (only the cloud models whose id contains {@code modelFilter}, when given), printing import problems on {@code err}; empty when nothing usable was
     * read (the reason is printed, the exit code is {@link ExitCodes#BAD_INPUT}).
     */
    Optional<Usage> read(Environment environment, PrintWriter err, String modelFilter) throws IOException {
        List<Path> sources = paths.isEmpty() ? defaultSources(environment) : paths;
        // The query is made first, so that a bad option or price folder is reported before any log is read.
        UsageQuery query = query(environment, sources, modelFilter);
        if (sources.isEmpty()) {
            err.println("costplan: error: no Claude Code logs found in ~/.config/claude/projects or ~/.claude/projects"
                    + " and no Codex sessions in ~/.codex; give a folder or set " + ClaudeLogLocations.CONFIG_DIR_VARIABLE
                    + " or " + CodexLocations.HOME_VARIABLE);
            return Optional.empty();
        }
        ProgressLine progress = new ProgressLine(err, environment);
        Usage usage = query.read(environment.clock(), progress);
        progress.finish();
        reportIgnored(usage.ignored(), err);
        ImportSummary imported = usage.imported();
        reportProblems(imported, err);
        if (strict && imported.skippedAnything()) {
            err.println("costplan: error: --strict: " + skippedSummary(imported) + "; nothing was printed");
            return Optional.empty();
        }
        if (imported.filesRead() == 0 && imported.skippedAnything()) return Optional.empty();
        if (usage.reconciled().records().isEmpty()) {
            err.println("costplan: error: no usage found in " + String.join(", ", sources.stream().map(Path::toString).toList())
                    + " (" + Formats.count(imported.filesRead()) + " files read, none with a request or usage row)");
            err.println("costplan: hint: " + WHERE_LOGS_ARE);
            return Optional.empty();
        }
        for (SourceOverlap overlap : usage.reconciled().overlaps()) err.println("costplan: warning: " + overlap.message());
        return Optional.of(usage);
    }

    /** Says once per folder which files were not read, since none of the formats fits their content. */
    private static void reportIgnored(List<Path> ignored, PrintWriter err) {
        Map<Path, List<String>> byFolder = new LinkedHashMap<>();
        for (Path file : ignored)
            byFolder.computeIfAbsent(file.getParent(), f -> new ArrayList<>()).add(String.valueOf(file.getFileName()));
        byFolder.forEach((folder, names) -> err.println("costplan: note: not read, not a usage format costplan knows: "
                + (folder == null ? "" : folder + java.io.File.separator) + (names.size() == 1 ? names.get(0)
                : "{" + String.join(", ", names) + "}")));
    }

    /** Where Claude Code and Codex write their logs on this machine. */
    private static List<Path> defaultSources(Environment environment) {
        List<Path> sources = new ArrayList<>(ClaudeLogLocations.find(environment.variables(), environment.home()));
        sources.addAll(CodexLocations.find(environment.variables(), environment.home()));
        return sources;
    }

    /** Warns about unpriced models and skipped input, and returns the exit code of a run that read {@code usage}. */
    static int finish(Usage usage, PrintWriter err) {
        for (UsageGroup unpriced : usage.ledger().total().byModel()) {
            if (unpriced.unpricedRecords() == 0) continue;
            err.println("costplan: warning: no price for model " + unpriced.key() + " (" + Formats.count(unpriced.unpricedRequests())
                    + " requests, " + Formats.count(unpriced.unpricedTokens()) + " tokens), shown as unpriced; closest known ids: "
                    + String.join(", ", usage.prices().closestIds(unpriced.key())));
        }
        if (usage.imported().skippedAnything()) {
            err.println("costplan: " + skippedSummary(usage.imported()) + "; the rest was read (exit code 4)");
            return ExitCodes.SKIPPED_INPUT;
        }
        return ExitCodes.OK;
    }

    private static void reportProblems(ImportSummary imported, PrintWriter err) {
        for (ImportProblem p : imported.problems()) err.println("costplan: warning: " + p);
        if (imported.moreProblems() > 0)
            err.println("costplan: warning: " + Formats.count(imported.moreProblems())
                    + " more problems of the same kinds (at most " + 5 + " are listed per file)");
    }

    private static String skippedSummary(ImportSummary imported) {
        List<String> parts = new ArrayList<>();
        imported.skippedLines().forEach((kind, n) -> parts.add(Formats.count(n) + " " + kind.label()));
        String lines = "skipped " + Formats.count(imported.skippedLineCount()) + " of "
                + Formats.count(imported.linesRead()) + " lines" + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
        return imported.skippedFiles() == 0 ? lines : lines + " and " + Formats.count(imported.skippedFiles()) + " files or folders";
    }

    private ZoneId zone(Environment environment) {
        if (timezone == null) return environment.zone();
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw CostplanException.badUsage("--timezone: unknown time zone '" + timezone
                    + "'; expected an IANA name such as UTC, Europe/Paris or America/New_York");
        }
    }

    private static LocalDate date(String text, String option) {
        if (text == null) return null;
        try {
            return text.length() == 8 ? LocalDate.parse(text, COMPACT_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw CostplanException.badUsage(option + ": expected a date like 2026-01-31 or 20260131 but was '" + text + "'");
        }
    }

    /** Shows import progress on stderr when it is a terminal and the import takes more than a second. */
    private static final class ProgressLine implements ImportProgress {
        private final PrintWriter err;
        private final boolean enabled;
        private final long startNanos = System.nanoTime();
        private volatile boolean shown;

        ProgressLine(PrintWriter err, Environment environment) {
            this.err = err;
            this.enabled = environment.interactive();
        }

        @Override
        public void bytesRead(long bytesDone, long bytesTotal) {
            if (!enabled || System.nanoTime() - startNanos < 1_000_000_000L) return;
            shown = true;
            synchronized (err) {
                err.printf("\rreading logs: %s of %s (%d %%)", Formats.megabytes(bytesDone), Formats.megabytes(bytesTotal),
                        bytesTotal == 0 ? 100 : bytesDone * 100 / bytesTotal);
                err.flush();
            }
        }

        void finish() {
            if (shown) err.print("\r\033[K");
        }
    }
}
