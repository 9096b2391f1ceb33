package costplan.importers.codex;

import costplan.importers.ImportProblem;
import costplan.importers.ImportSummary;
import costplan.importers.SourceHead;
import costplan.importers.TokenCounts;
import costplan.importers.UsageImporter;
import costplan.importers.UsageRecord;
import costplan.importers.VisibleText;
import costplan.importers.internal.InputBounds;
import costplan.importers.internal.IsoInstants;
import costplan.importers.internal.JsonlScanner;
import costplan.importers.internal.LineProblem;
import costplan.importers.internal.LogFileFinder;
import costplan.importers.internal.ParallelTasks;
import costplan.importers.internal.PlausibleTime;
import costplan.importers.internal.ProblemTally;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads Codex CLI session rollouts ({@code ~/.codex/sessions/YYYY/MM/DD/rollout-*.jsonl}, {@code archived_sessions/},
 * or {@code CODEX_HOME}) into one {@link UsageRecord} per turn, from the {@code token_count} events.
 *
 * <p>A turn's usage is the event's {@code last_token_usage}, or, when an event has only the session's cumulative
 * {@code total_token_usage}, the difference from the previous event's total. Codex's {@code input_tokens} include the
 * cached input, so the record's input is {@code input_tokens - cached_input_tokens} and its cache reads are
 * {@code cached_input_tokens}; {@code output_tokens} already include the reasoning tokens. The model is the one the
 * latest {@code turn_context} names, the session the first {@code session_meta}'s id, the project its {@code cwd}.
 *
 * <p>Nothing is counted twice:
 * <ul>
 *   <li>an event whose cumulative total equals the previous event's repeats it (Codex re-emits the count, e.g. with
 *       new rate limits) and is skipped;</li>
 *   <li>an event is identified by its session and cumulative total across all files, so a rollout present both in
 *       {@code sessions/} and {@code archived_sessions/}, or duplicated lines, count once;</li>
 *   <li>a forked or sub-agent rollout (its first {@code session_meta} has {@code forked_from_id}) starts by replaying
 *       the parent's history, re-stamped at the fork's creation: its events up to {@link #FORK_REPLAY_WINDOW} after its
 *       first {@code session_meta}, and any later event whose cumulative total is one of the parent's, are the
 *       parent's turns; they only move the running total on.</li>
 * </ul>
 *
 * <pre>{@code
 * new CodexSessionImporter().read(List.of(Path.of("samples/codex")), records::add);
 * }</pre>
 */
public final class CodexSessionImporter implements UsageImporter {
    /** The importer's name. */
    public static final String NAME = "codex";
    /** How long after a fork's creation its events are taken for the replayed history of its parent. */
    public static final Duration FORK_REPLAY_WINDOW = Duration.ofSeconds(2);
    /** The model of turns logged before any {@code turn_context} (some 2025 builds wrote none); it has no price. */
    public static final String UNKNOWN_MODEL = "(unknown codex model)";

    private static final List<String> LINE_KINDS = List.of("\"token_count\"", "\"turn_context\"", "\"session_meta\"");

    private final int threads;
    private final PlausibleTime plausible;

    /** Creates an importer that uses every processor. */
    public CodexSessionImporter() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** Creates an importer that reads {@code threads} files at once. */
    public CodexSessionImporter(int threads) {
        this(Clock.systemUTC(), threads);
    }

    /**
     * Creates an importer that reads {@code threads} files at once.
     *
     * @param clock the clock that tells which timestamps lie in the future
     */
    public CodexSessionImporter(Clock clock, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1 but was " + threads);
        this.threads = threads;
        this.plausible = PlausibleTime.asOf(clock);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Returns whether {@code source} is a Codex home, a sessions folder, or a file whose first line is a rollout line. */
    @Override
    public boolean canRead(SourceHead head) {
        Path source = head.path();
        if (head.isDirectory()) {
            if (Files.isDirectory(source.resolve("sessions")) || Files.isDirectory(source.resolve("archived_sessions")))
                return true;
            try (Stream<Path> files = Files.walk(source, 4)) {
                return files.anyMatch(CodexSessionImporter::isRollout);
            } catch (IOException | java.io.UncheckedIOException e) {
                return false;
            }
        }
        String first = head.firstLine();
        return first.startsWith("{") && first.contains("\"payload\"")
                && LINE_KINDS.stream().anyMatch(first::contains);
    }

    private static boolean isRollout(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("rollout-") && name.endsWith(".jsonl") && Files.isRegularFile(file);
    }

    @Override
    public ImportSummary read(List<Path> sources, Consumer<UsageRecord> sink) throws IOException {
        ProblemTally total = new ProblemTally();
        List<Path> files = new ArrayList<>();
        for (Path source : sources) collect(source, files, total);
        files.sort(Comparator.naturalOrder());

        List<Callable<FileTurns>> readers = new ArrayList<>();
        for (Path file : files) readers.add(() -> new RolloutReader(file, plausible).read());
        List<FileTurns> read = ParallelTasks.run("codex-rollout-reader", threads, readers);

        Set<String> eventKeys = new HashSet<>();
        for (FileTurns f : read) for (Turn t : f.turns) if (t.totalKey != null) eventKeys.add(f.sessionId + '|' + t.totalKey);
        Set<String> counted = new HashSet<>();
        List<UsageRecord> records = new ArrayList<>();
        for (FileTurns f : read) {
            f.tally.addTo(total);
            for (Turn t : f.turns) {
                total.requestCopies++;
                boolean parentTurn = f.forkedFromId != null && t.totalKey != null
                        && eventKeys.contains(f.forkedFromId + '|' + t.totalKey);
                String key = t.totalKey == null ? f.file + "|" + t.line : f.sessionId + '|' + t.totalKey;
                if (!parentTurn && counted.add(key)) records.add(t.record);
            }
        }
        records.sort(Comparator.comparing(UsageRecord::timestamp).thenComparing(UsageRecord::sessionId));
        records.forEach(sink);
        return total.toSummary(records.size());
    }

    private static void collect(Path source, List<Path> files, ProblemTally tally) {
        if (!Files.exists(source)) {
            tally.report(new ImportProblem(source, 0, ImportProblem.Kind.UNREADABLE,
                    "no such file or folder; give a Codex home (~/.codex), its sessions/ folder or a rollout .jsonl file"));
        } else if (Files.isRegularFile(source)) {
            files.add(source);
        } else {
            List<Path> roots = new ArrayList<>();
            for (String sub : List.of("sessions", "archived_sessions"))
                if (Files.isDirectory(source.resolve(sub))) roots.add(source.resolve(sub));
            if (roots.isEmpty()) roots.add(source);
            for (Path root : roots) {
                try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
                    walk.filter(CodexSessionImporter::isRollout).forEach(files::add);
                } catch (IOException | java.io.UncheckedIOException e) {
                    tally.report(new ImportProblem(root, 0, ImportProblem.Kind.UNREADABLE, "cannot be listed (" + e.getMessage() + ")"));
                }
            }
        }
    }

    /** One turn read from a file, with its cumulative total as text (the event's identity), or null without one. */
    private record Turn(UsageRecord record, String totalKey, long line) {
    }

    /** What one rollout holds: its session, the parent it was forked from, its turns and problems. */
    private record FileTurns(Path file, String sessionId, String forkedFromId, List<Turn> turns, ProblemTally tally) {
    }

    /** Reads one rollout on one thread. */
    private static final class RolloutReader implements JsonlScanner.Listener {
        private final Path file;
        private final PlausibleTime plausible;
        private final ProblemTally tally = new ProblemTally();
        private final CodexLineParser parser = new CodexLineParser();
        private final List<Turn> turns = new ArrayList<>();
        private String sessionId;
        private String forkedFromId;
        private Instant replayEnds;
        private String project;
        private String clientVersion;
        private boolean subAgent;
        private String model;
        private long[] previousTotal;

        RolloutReader(Path file, PlausibleTime plausible) {
            this.file = file;
            this.plausible = plausible;
        }

        FileTurns read() {
            tally.startFile();
            try {
                long lines = new JsonlScanner(LINE_KINDS).scan(file, this);
                if (lines == JsonlScanner.REJECTED) {
                    tally.report(new ImportProblem(file, 0, ImportProblem.Kind.NOT_A_LOG,
                            "is not a Codex rollout (no Codex entry in its first 64 KiB); it was skipped"));
                } else {
                    tally.linesRead += lines;
                    tally.filesRead++;
                    tally.bytesRead += Files.size(file);
                }
            } catch (IOException e) {
                tally.report(new ImportProblem(file, 0, ImportProblem.Kind.UNREADABLE,
                        "cannot be read (" + LogFileFinder.reason(e) + "); check its permissions"));
            }
            return new FileTurns(file, sessionId == null ? fileSession() : sessionId, forkedFromId, turns, tally);
        }

        private String fileSession() {
            String name = file.getFileName().toString();
            return VisibleText.of(name.substring(0, name.length() - ".jsonl".length()));
        }

        @Override
        public boolean accepts(String head) {
            return head.isEmpty() || head.indexOf('{') >= 0 && head.contains("\"payload\"");
        }

        @Override
        public void skippedLine(long lineNumber, ImportProblem.Kind kind, String detail) {
            tally.report(new ImportProblem(file, lineNumber, kind, detail));
        }

        @Override
        public void markedLine(byte[] buffer, int start, int end, long lineNumber) {
            try {
                CodexLine line = parser.parse(buffer, start, end);
                if ("session_meta".equals(line.type)) meta(line);
                else if ("turn_context".equals(line.type)) {
                    if (line.model != null && !line.model.isBlank()) model = VisibleText.of(line.model);
                    if (project == null && line.cwd != null && !line.cwd.isBlank()) project = VisibleText.of(line.cwd);
                } else if ("token_count".equals(line.payloadType)) tokenCount(line, lineNumber);
            } catch (LineProblem p) {
                tally.report(new ImportProblem(file, lineNumber, p.kind(), p.getMessage()));
            }
        }

        private void meta(CodexLine line) throws LineProblem {
            if (sessionId != null) return;   // a replayed parent's session_meta: the fork keeps its own identity
            sessionId = VisibleText.of(line.id);
            forkedFromId = line.forkedFromId;
            if (line.cwd != null && !line.cwd.isBlank()) project = VisibleText.of(line.cwd);
            clientVersion = VisibleText.of(line.cliVersion);
            subAgent = line.subAgentSource;
            if (forkedFromId != null && line.timestamp != null) replayEnds = instant(line.timestamp).plus(FORK_REPLAY_WINDOW);
        }

        private void tokenCount(CodexLine line, long lineNumber) throws LineProblem {
            if (line.total == null && line.last == null) return;   // "info": null, only rate limits
            tally.usageLines++;
            if (line.timestamp == null) throw new LineProblem(ImportProblem.Kind.BAD_FIELD, "token_count event has no timestamp");
            Instant at = instant(line.timestamp);
            plausible.check(at, line.timestamp);
            long[] previous = previousTotal;
            if (line.total != null && Arrays.equals(line.total, previous)) return;
            boolean replayed = replayEnds != null && !at.isAfter(replayEnds);
            long[] usage = line.last != null ? line.last : delta(line.total, previous);
            long input = usage[0], cached = usage[1];
            if (!replayed) checkTurn(usage, line.last == null);
            // Only a line that passed its checks moves the running total: a skipped line leaves the next as if it were blank.
            if (line.total != null) previousTotal = line.total;
            if (replayed) return;
            UsageRecord record = UsageRecord.ofRequest(NAME, at, model == null ? UNKNOWN_MODEL : model,
                    project == null ? "(unknown project)" : project, sessionId == null ? fileSession() : sessionId, null, null,
                    new TokenCounts(input - cached, usage[2], 0, cached), 0, 0, 0, null, false,
                    subAgent, List.of(), clientVersion, null);
            turns.add(new Turn(record, line.total == null ? null : Arrays.toString(line.total), lineNumber));
        }

        /** Checks a turn's counts: cached within input, and a difference of running totals within a request's bound. */
        private static void checkTurn(long[] usage, boolean fromTotals) throws LineProblem {
            if (fromTotals)   // each running total may reach 10^12, a turn may not
                for (int i = 0; i < usage.length; i++)
                    InputBounds.count(usage[i], InputBounds.REQUEST_TOKENS, "the turn's " + CodexLineParser.USAGE_FIELDS[i]);
            if (usage[1] > usage[0])
                throw new LineProblem(ImportProblem.Kind.BAD_FIELD, "expected cached_input_tokens (" + usage[1]
                        + ") to be at most input_tokens (" + usage[0] + "), which include them");
        }

        /** Returns {@code total - previous}, or {@code total} when the count restarted (or there is no previous). */
        private static long[] delta(long[] total, long[] previous) {
            if (previous == null) return total;
            long[] d = new long[total.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = total[i] - previous[i];
                if (d[i] < 0) return total;
            }
            return d;
        }

        private static Instant instant(String text) throws LineProblem {
            try {
                return IsoInstants.parse(text);
            } catch (DateTimeParseException e) {
                throw new LineProblem(ImportProblem.Kind.BAD_FIELD, "expected timestamp to be an ISO-8601 time but was \"" + text + '"');
            }
        }
    }
}
