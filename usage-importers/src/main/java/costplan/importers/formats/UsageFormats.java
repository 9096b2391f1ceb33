package costplan.importers.formats;

import costplan.importers.CostplanException;
import costplan.importers.ImportSummary;
import costplan.importers.SourceHead;
import costplan.importers.UsageImporter;
import costplan.importers.UsageRecord;
import costplan.importers.VisibleText;
import costplan.importers.claude.ClaudeCodeLogImporter;
import costplan.importers.codex.CodexSessionImporter;
import costplan.importers.exports.AnthropicConsoleCostCsvImporter;
import costplan.importers.exports.AnthropicConsoleUsageCsvImporter;
import costplan.importers.exports.AnthropicCostReportImporter;
import costplan.importers.exports.AnthropicUsageReportImporter;
import costplan.importers.exports.OpenAiCostsJsonImporter;
import costplan.importers.exports.OpenAiUsageCsvImporter;
import costplan.importers.exports.OpenAiUsageJsonImporter;
import costplan.importers.exports.OpenRouterActivityJsonImporter;
import costplan.importers.exports.OpenRouterDailyCsvImporter;
import costplan.importers.exports.OpenRouterGenerationJsonImporter;
import costplan.importers.exports.OpenRouterGenerationsCsvImporter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Every source format costplan reads, and which one a file or folder is, judged from its content (never its
 * name): a folder is Codex sessions when it holds rollouts or a {@code sessions/} folder, else Claude Code logs; a
 * file is the first format whose sniff of its first bytes (JSON fields, CSV header names) fits.
 *
 * <pre>{@code
 * UsageFormats.detect(Path.of("claude_api_tokens_2026_03.csv")).get().name();   // anthropic-console-usage-csv
 * UsageFormats.named("codex").read(List.of(home.resolve(".codex")), records::add);
 * }</pre>
 */
public final class UsageFormats {
    private static final Map<String, String> PROVIDERS = Map.ofEntries(
            Map.entry(ClaudeCodeLogImporter.NAME, "anthropic"),
            Map.entry(AnthropicUsageReportImporter.NAME, "anthropic"),
            Map.entry(AnthropicCostReportImporter.NAME, "anthropic"),
            Map.entry(AnthropicConsoleUsageCsvImporter.NAME, "anthropic"),
            Map.entry(AnthropicConsoleCostCsvImporter.NAME, "anthropic"),
            Map.entry(CodexSessionImporter.NAME, "openai"),
            Map.entry(OpenAiUsageJsonImporter.NAME, "openai"),
            Map.entry(OpenAiCostsJsonImporter.NAME, "openai"),
            Map.entry(OpenAiUsageCsvImporter.NAME, "openai"),
            Map.entry(OpenRouterGenerationsCsvImporter.NAME, "openrouter"),
            Map.entry(OpenRouterGenerationJsonImporter.NAME, "openrouter"),
            Map.entry(OpenRouterActivityJsonImporter.NAME, "openrouter"),
            Map.entry(OpenRouterDailyCsvImporter.NAME, "openrouter"));

    /** How deep folders of sources are looked into (a home folder holds {@code .claude/} one level down). */
    private static final int MAX_SOURCE_FOLDER_DEPTH = 2;

    private UsageFormats() {
    }

    /** Returns one importer of every format, in the order detection tries them (folders' formats last). */
    public static List<UsageImporter> all() {
        return List.of(new AnthropicUsageReportImporter(), new AnthropicCostReportImporter(),
                new AnthropicConsoleUsageCsvImporter(), new AnthropicConsoleCostCsvImporter(), new OpenAiUsageJsonImporter(),
                new OpenAiCostsJsonImporter(), new OpenAiUsageCsvImporter(), new OpenRouterGenerationsCsvImporter(),
                new OpenRouterGenerationJsonImporter(), new OpenRouterActivityJsonImporter(), new OpenRouterDailyCsvImporter(),
                new CodexSessionImporter(), new ClaudeCodeLogImporter());
    }

    /** Returns the names of every format, for help texts and errors. */
    public static List<String> names() {
        return all().stream().map(UsageImporter::name).sorted().toList();
    }

    /** Returns the importer of the format called {@code name}; the message lists the valid names. */
    public static UsageImporter named(String name) {
        return all().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow(() ->
                CostplanException.badUsage("unknown format '" + name + "'; expected one of " + names()));
    }

    /** Returns the importer that reads {@code source}, judged from its content, or empty when none does. */
    public static Optional<UsageImporter> detect(Path source) {
        // A Claude config folder is told by its projects/ folder, without walking the (large) tree for rollouts.
        if (Files.isDirectory(source.resolve("projects"))) return Optional.of(new ClaudeCodeLogImporter());
        SourceHead head = SourceHead.of(source);
        return all().stream().filter(i -> i.canRead(head)).findFirst();
    }

    /**
     * Which format reads each source.
     *
     * @param byFormat the sources of each format, in the order the formats were first met
     * @param ignored files inside a folder of exports that no format reads (a README, say)
     */
    public record Assignment(Map<UsageImporter, List<Path>> byFormat, List<Path> ignored) {
        public Assignment {
            byFormat = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byFormat));
            ignored = List.copyOf(ignored);
        }

        /**
         * Reads every format's sources into {@code sink}, each with the importer {@code prepare} makes of the
         * assigned one (a caller's clock, threads or progress), and returns the import's summary.
         */
        public ImportSummary read(UnaryOperator<UsageImporter> prepare, Consumer<UsageRecord> sink) throws IOException {
            ImportSummary imported = ImportSummary.empty();
            for (Map.Entry<UsageImporter, List<Path>> assigned : byFormat.entrySet())
                imported = imported.plus(prepare.apply(assigned.getKey()).read(assigned.getValue(), sink));
            return imported;
        }
    }

    /**
     * Returns which format reads each of {@code sources} ({@code forced} when not null). A folder that holds a Claude
     * config folder or a Codex home beside other things (such as {@code samples/}, with {@code claude/}, {@code codex/}
     * and {@code exports/}) is a folder of sources: each thing in it is told apart on its own, a sub-folder by these
     * same rules. Otherwise a folder is Codex sessions or Claude Code logs when it looks like one (a {@code projects/}
     * folder or {@code .jsonl} files); any other folder is a folder of exports, and each file directly in it is told
     * apart on its own. A path that does not exist goes to the Claude Code importer, which reports it.
     *
     * @throws IllegalArgumentException naming a file given by name that no format reads
     * @throws CostplanException naming a source that is not a regular file or folder (a named pipe, say)
     */
    public static Assignment assign(List<Path> sources, UsageImporter forced) {
        Map<String, UsageImporter> importers = new LinkedHashMap<>();
        Map<UsageImporter, List<Path>> assigned = new LinkedHashMap<>();
        List<Path> ignored = new ArrayList<>();
        for (Path source : sources) {
            refuseSpecialFile(source);
            assign(source, true, forced, importers, assigned, ignored, 0);
        }
        return new Assignment(assigned, ignored);
    }

    private static void assign(Path source, boolean givenByName, UsageImporter forced, Map<String, UsageImporter> importers,
                               Map<UsageImporter, List<Path>> assigned, List<Path> ignored, int depth) {
        if (forced == null && depth < MAX_SOURCE_FOLDER_DEPTH && isFolderOfSources(source)) {
            for (Path inside : entriesIn(source)) assign(inside, false, null, importers, assigned, ignored, depth + 1);
            return;
        }
        List<Path> files = forced == null && isExportFolder(source) ? filesIn(source) : List.of(source);
        for (Path file : files) {
            UsageImporter importer = forced != null ? forced : !Files.exists(file) ? new ClaudeCodeLogImporter()
                    : detect(file).orElse(null);
            if (importer == null && !(givenByName && file.equals(source))) {
                ignored.add(file);
                continue;
            }
            if (importer == null)
                throw new IllegalArgumentException(file + ": not a format costplan reads (its content matches none of "
                        + names() + "); give --format NAME to read it as one of them");
            importer = importers.computeIfAbsent(importer.name(), n -> forced != null ? forced : named(n));
            assigned.computeIfAbsent(importer, i -> new ArrayList<>()).add(file);
        }
    }

    /** Whether {@code source} is a folder holding a Claude config folder or a Codex home, rather than being one. */
    private static boolean isFolderOfSources(Path source) {
        if (!Files.isDirectory(source) || Files.isDirectory(source.resolve("projects"))
                || Files.isDirectory(source.resolve("sessions")) || Files.isDirectory(source.resolve("archived_sessions")))
            return false;
        return entriesIn(source).stream().anyMatch(inside -> Files.isDirectory(inside.resolve("projects"))
                || Files.isDirectory(inside.resolve("sessions")) || Files.isDirectory(inside.resolve("archived_sessions")));
    }

    private static List<Path> entriesIn(Path folder) {
        try (Stream<Path> inside = Files.list(folder)) {
            return inside.filter(p -> !p.getFileName().toString().startsWith(".") || Files.isDirectory(p)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Refuses a named pipe, device or socket given as a source before anything is read: reading one could wait
     * forever, or never end.
     *
     * @throws CostplanException of bad input, naming the source
     */
    private static void refuseSpecialFile(Path source) {
        if (Files.exists(source) && !Files.isDirectory(source) && !Files.isRegularFile(source))
            throw CostplanException.badInput(VisibleText.of(source.toString()) + ": is not a regular file or folder"
                    + " (a named pipe, device or socket); costplan reads only files and folders");
    }

    private static boolean isExportFolder(Path source) {
        if (!Files.isDirectory(source) || Files.isDirectory(source.resolve("projects"))
                || new CodexSessionImporter().canRead(source)) return false;
        try (Stream<Path> walk = Files.walk(source, 3)) {
            return walk.noneMatch(p -> p.getFileName().toString().endsWith(".jsonl"));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static List<Path> filesIn(Path folder) {
        try (Stream<Path> inside = Files.list(folder)) {
            return inside.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            return List.of(folder);
        }
    }

    /** Returns the provider whose usage a format describes: {@code anthropic}, {@code openai} or {@code openrouter}. */
    public static String providerOf(String format) {
        String provider = PROVIDERS.get(format);
        if (provider == null) throw new IllegalArgumentException("unknown format '" + format + "'; expected one of " + names());
        return provider;
    }
}
