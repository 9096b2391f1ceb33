package costplan.cli;

import costplan.importers.ClaudeCodeLogImporter;
import costplan.importers.ClaudeLogLocations;
import costplan.importers.CodexLocations;
import costplan.importers.ImportProblem;
import costplan.importers.ImportProgress;
import costplan.importers.ImportSummary;
import costplan.importers.SourceOverlap;
import costplan.importers.SourceReconciler;
import costplan.importers.UsageFormats;
import costplan.importers.UsageImporter;
import costplan.importers.UsageRecord;
import costplan.ledger.Grouping;
import costplan.ledger.LedgerFilter;
import costplan.ledger.UsageLedger;
import costplan.pricing.PriceBook;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code costplan analyze}: import usage logs, then print totals, groupings, cache statistics and cost. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        header = "Measure and price your Claude Code usage.",
        description = {"Reads Claude Code session logs (default: ~/.config/claude/projects and ~/.claude/projects, or "
                + "CLAUDE_CONFIG_DIR) and prints tokens, cache-hit rate and API-equivalent cost, grouped as asked.",
                "Also reads Codex CLI sessions (default: ~/.codex, or CODEX_HOME) and usage and cost exports of Anthropic, "
                + "OpenAI and OpenRouter; each PATH's format is told from its content.",
                "Nothing is ever written into the folders read."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:ok",
                "1:unexpected internal error",
                "2:bad usage (unknown option, bad value)",
                "3:bad input data (nothing readable, or anything skipped under --strict)",
                "4:ran fine, but some lines or files were skipped (listed on stderr)"})
final class AnalyzeCommand implements Callable<Integer> {
    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Claude config or projects/ folders, Codex homes or sessions/ folders, log files or export files "
                    + "(default: where Claude Code and Codex write their logs).")
    private List<Path> paths = new ArrayList<>();

    @Option(names = "--by", paramLabel = "GROUPING", defaultValue = "day",
            description = "Group by day, week, month, session, project, model, block (5-hour) or source. Default: ${DEFAULT-VALUE}.")
    private String by;

    @Option(names = {"-s", "--since"}, paramLabel = "DATE", description = "First day to include (2026-01-31 or 20260131). Default: the first day logged.")
    private String since;

    @Option(names = {"-u", "--until"}, paramLabel = "DATE", description = "Last day to include. Default: the last day logged.")
    private String until;

    @Option(names = {"-z", "--timezone", "--zone"}, paramLabel = "ZONE",
            description = "IANA time zone days are cut in, e.g. Europe/Paris or UTC. Default: the system zone.")
    private String timezone;

    @Option(names = "--project", paramLabel = "TEXT", description = "Only projects whose path contains TEXT (any case). Default: all.")
    private String project;

    @Option(names = "--model", paramLabel = "TEXT", description = "Only models whose id contains TEXT (any case). Default: all.")
    private String model;

    @ArgGroup(exclusive = true)
    private Format format = new Format();

    static final class Format {
        @Option(names = "--json", description = "Write JSON instead of tables (ccusage-compatible field names).")
        boolean json;

        @Option(names = "--csv", description = "Write CSV instead of tables.")
        boolean csv;
    }

    @Option(names = "--format", paramLabel = "NAME",
            description = "Read every PATH as this format instead of telling it from the content: codex, claude-code, "
                    + "anthropic-usage-report, anthropic-cost-report, anthropic-console-usage-csv, anthropic-console-cost-csv, "
                    + "openai-usage, openai-costs, openai-usage-csv, openrouter-generations-csv, openrouter-generation, "
                    + "openrouter-activity or openrouter-daily-csv. Default: detect.")
    private String sourceFormat;

    @Option(names = "--pricing", paramLabel = "DIR", description = "Read the price files (anthropic.json, openai.json, …) from DIR instead of the bundled pricing-data/.")
    private Path pricing;

    @Option(names = "--strict", description = "Fail (exit 3) when any line or file is skipped. Default: report and go on.")
    private boolean strict;

    @Option(names = "--verbose", description = "Print every skipped line and stack traces of internal errors.")
    private boolean verbose;

    private final Environment environment;

    AnalyzeCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Grouping grouping = Grouping.parse(by);
        ZoneId zone = zone();
        LedgerFilter filter = new LedgerFilter(date(since, "--since"), date(until, "--until"), project, model);
        PriceBook prices = pricing == null ? PriceBook.bundled(PriceBook.PROVIDERS) : PriceBook.load(pricing, PriceBook.PROVIDERS);
        UsageImporter forced = sourceFormat == null ? null : UsageFormats.named(sourceFormat);

        List<Path> sources = new ArrayList<>(paths);
        if (sources.isEmpty()) {
            sources.addAll(ClaudeLogLocations.find(environment.variables(), environment.home()));
            sources.addAll(CodexLocations.find(environment.variables(), environment.home()));
        }
        if (sources.isEmpty()) {
            err.println("costplan: error: no Claude Code logs found in ~/.config/claude/projects or ~/.claude/projects"
                    + " and no Codex sessions in ~/.codex; give a folder or set " + ClaudeLogLocations.CONFIG_DIR_VARIABLE
                    + " or " + CodexLocations.HOME_VARIABLE);
            return ExitCodes.BAD_INPUT;
        }
        ProgressLine progress = new ProgressLine(err, environment);
        List<UsageRecord> records = new ArrayList<>();
        ImportSummary imported = ImportSummary.empty();
        UsageFormats.Assignment assignment = UsageFormats.assign(sources, forced);
        for (Path file : assignment.ignored())
            err.println("costplan: note: " + file + ": not a usage source costplan reads; ignored");
        for (var assigned : assignment.byFormat().entrySet()) {
            UsageImporter importer = assigned.getKey() instanceof ClaudeCodeLogImporter ? new ClaudeCodeLogImporter(
                    environment.clock(), Runtime.getRuntime().availableProcessors(), progress) : assigned.getKey();
            imported = imported.plus(importer.read(assigned.getValue(), records::add));
        }
        progress.finish();
        SourceReconciler.Result reconciled = SourceReconciler.reconcile(records);
        records.clear();
        reportProblems(imported, err);
        if (strict && imported.skippedAnything()) {
            err.println("costplan: error: --strict: " + skippedSummary(imported) + "; nothing was printed");
            return ExitCodes.BAD_INPUT;
        }
        if (imported.filesRead() == 0 && imported.skippedAnything()) return ExitCodes.BAD_INPUT;

        for (SourceOverlap overlap : reconciled.overlaps()) err.println("costplan: warning: " + overlap.message());
        UsageLedger ledger = UsageLedger.of(reconciled.records(), prices, zone).filter(filter);
        Analysis analysis = Analysis.of(imported, reconciled, ledger, prices, grouping);
        if (format.json) AnalyzeJsonView.print(analysis, out);
        else if (format.csv) AnalyzeCsvView.print(analysis, out);
        else AnalyzeTextView.print(analysis, out);
        out.flush();
        for (var unpriced : analysis.unpricedModels())
            err.println("costplan: warning: no price for model " + unpriced.key() + " (" + Formats.count(unpriced.unpricedRequests())
                    + " requests, " + Formats.count(unpriced.unpricedTokens()) + " tokens), shown as unpriced; closest known ids: "
                    + String.join(", ", prices.closestIds(unpriced.key())));
        if (imported.skippedAnything()) {
            err.println("costplan: " + skippedSummary(imported) + "; the rest was read (exit code 4)");
            return ExitCodes.SKIPPED_INPUT;
        }
        return ExitCodes.OK;
    }

    private void reportProblems(ImportSummary imported, PrintWriter err) {
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

    private ZoneId zone() {
        if (timezone == null) return environment.zone();
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--timezone: unknown time zone '" + timezone
                    + "'; expected an IANA name such as UTC, Europe/Paris or America/New_York");
        }
    }

    private static LocalDate date(String text, String option) {
        if (text == null) return null;
        try {
            return text.length() == 8 ? LocalDate.parse(text, COMPACT_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + ": expected a date like 2026-01-31 or 20260131 but was '" + text + "'");
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
