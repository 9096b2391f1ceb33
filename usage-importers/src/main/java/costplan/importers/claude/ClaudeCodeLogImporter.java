package costplan.importers.claude;

import costplan.importers.ImportProblem;
import costplan.importers.ImportProgress;
import costplan.importers.ImportSummary;
import costplan.importers.SourceHead;
import costplan.importers.TokenCounts;
import costplan.importers.UsageImporter;
import costplan.importers.UsageRecord;
import costplan.importers.VisibleText;
import costplan.importers.internal.IsoInstants;
import costplan.importers.internal.JsonlScanner;
import costplan.importers.internal.LineProblem;
import costplan.importers.internal.LogFileFinder;
import costplan.importers.internal.LogFileQueue;
import costplan.importers.internal.ParallelTasks;
import costplan.importers.internal.PlausibleTime;
import costplan.importers.internal.ProblemTally;
import costplan.importers.internal.TimeOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Reads Claude Code session logs ({@code projects/**}{@code /*.jsonl}: main sessions, inline sidechains, flat
 * and nested sub-agent files, {@code agent_progress} copies) into one {@link UsageRecord} per API request.
 *
 * <p>A request is identified by {@code message.id} + {@code requestId} across all files; Claude Code writes
 * one line per streamed content block, and the copy with the largest token total (the last one) is kept.
 * Lines without a usage object are counted without being parsed. Files are read in parallel.
 *
 * <pre>{@code
 * List<UsageRecord> records = new ArrayList<>();
 * ImportSummary summary = new ClaudeCodeLogImporter().read(List.of(Path.of("samples/claude")), records::add);
 * }</pre>
 */
public final class ClaudeCodeLogImporter implements UsageImporter {
    /** The importer's name. */
    public static final String NAME = "claude-code";

    private static final String USAGE_MARKER = "\"usage\":";
    /** A prompt or tool-result line: {@code "type":"user"} in the envelope, before its {@code "message":}. */
    private static final String USER_LINE_SIGN = "\"type\":\"user\"";
    private static final String MESSAGE_FIELD = "\"message\":";
    private static final String SYNTHETIC_MODEL = "<synthetic>";
    private static final List<String> CLAUDE_LINE_SIGNS = List.of("\"sessionId\":", "\"parentUuid\":",
            "\"leafUuid\":", "\"type\":\"file-history-snapshot\"", "\"type\":\"summary\"");

    private final Clock clock;
    private final int threads;
    private final ImportProgress progress;

    /** Creates an importer that uses every processor and reports no progress. */
    public ClaudeCodeLogImporter() {
        this(Clock.systemUTC(), Runtime.getRuntime().availableProcessors(), ImportProgress.NONE);
    }

    /**
     * Creates an importer.
     *
     * @param clock the clock that tells which timestamps lie in the future
     * @param threads how many files to read at once
     * @param progress receives progress after each file
     */
    public ClaudeCodeLogImporter(Clock clock, int threads, ImportProgress progress) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1 but was " + threads);
        this.clock = clock;
        this.threads = threads;
        this.progress = progress;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Returns whether the first line of {@code source} looks like a Claude Code log line (a folder: always). */
    @Override
    public boolean canRead(SourceHead source) {
        return source.isDirectory() || looksLikeClaudeLog(source.firstLine()) || looksLikeClaudeLog(source.text());
    }

    /** Whether a file's first line, or its head, has the fields of Claude Code entries (or is empty). */
    private static boolean looksLikeClaudeLog(String text) {
        return text.isEmpty() || text.indexOf('{') >= 0 && CLAUDE_LINE_SIGNS.stream().anyMatch(text::contains);
    }

    @Override
    public ImportSummary read(List<Path> sources, Consumer<UsageRecord> sink) throws IOException {
        Map<RequestKey, Candidate> requests = new ConcurrentHashMap<>(1 << 16);
        Map<String, String> names = new ConcurrentHashMap<>();
        LogFileQueue queue = new LogFileQueue(threads);
        AtomicLong bytesDone = new AtomicLong();

        List<Callable<ProblemTally>> tasks = new ArrayList<>();
        tasks.add(() -> {
            ProblemTally walk = new ProblemTally();
            queue.fill(sources).forEach(walk::report);
            return walk;
        });
        for (int w = 0; w < threads; w++) {
            tasks.add(() -> {
                Worker worker = new Worker(requests, names);
                for (LogFileQueue.Queued next; (next = queue.next()) != null; ) {
                    worker.readFile(next.file(), next.order());
                    progress.bytesRead(bytesDone.addAndGet(next.file().sizeBytes()), queue.bytesFound());
                }
                return worker.tally;
            });
        }
        List<ProblemTally> tallies = ParallelTasks.run("claude-log-reader", threads + 1, tasks);
        ProblemTally walk = tallies.get(0);
        if (queue.filesFound() == 0 && walk.skippedFiles > 0 && walk.skippedFiles == sources.size())
            throw new IOException(walk.problems.get(0).toString());
        ProblemTally total = new ProblemTally();
        for (ProblemTally tally : tallies) tally.addTo(total);

        List<UsageRecord> ordered = withoutSidechainReplays(requests.values());
        UsageRecord[] sorted = TimeOrder.sorted(ordered);
        for (UsageRecord r : sorted) sink.accept(r);
        return total.toSummary(sorted.length);
    }

    /**
     * Drops the sidechain copies that replay a main-thread message under a new request id: {@code /btw} side
     * questions copy parent messages (same message.id, the parent's cache-read usage) into sidechain files, and
     * counting them again would double the parent's usage.
     */
    private static List<UsageRecord> withoutSidechainReplays(Collection<Candidate> candidates) {
        // One pass over the requests, then one over the sidechain ones only (the order does not matter: the caller
        // sorts them).
        Set<String> mainThreadMessages = new HashSet<>(2 * candidates.size());
        List<UsageRecord> kept = new ArrayList<>(candidates.size());
        List<Candidate> sidechain = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.sidechain) {
                sidechain.add(c);
            } else {
                kept.add(c.record);
                if (c.record.messageId() != null) mainThreadMessages.add(c.record.messageId());
            }
        }
        for (Candidate c : sidechain) if (!mainThreadMessages.contains(c.record.messageId())) kept.add(c.record);
        return kept;
    }

    /** What identifies a request across copies: message id and request id (a line's own place when it has no id). */
    private record RequestKey(String messageId, String requestIdOrPlace) {
        // Written out: a record's own hashCode and equals go through method handles, slow before the JIT warms up,
        // and every request copy is looked up by its key.
        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(messageId) + Objects.hashCode(requestIdOrPlace);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RequestKey key && Objects.equals(messageId, key.messageId)
                    && Objects.equals(requestIdOrPlace, key.requestIdOrPlace);
        }
    }

    /** The best copy of a request seen so far, with what decides between copies. */
    private record Candidate(UsageRecord record, long totalTokens, boolean sidechain, Path file, long line) {
        boolean beats(Candidate other) {
            if (totalTokens != other.totalTokens) return totalTokens > other.totalTokens;
            if (sidechain != other.sidechain) return !sidechain;
            int byFile = file.compareTo(other.file);
            if (byFile != 0) return byFile > 0;
            return line > other.line;
        }

        Candidate mergedWith(Candidate other) {
            Candidate best = beats(other) ? this : other;
            Candidate rest = best == this ? other : this;
            if (rest.record.toolNames().isEmpty() || best.record.toolNames().containsAll(rest.record.toolNames()))
                return best;
            TreeSet<String> tools = new TreeSet<>(best.record.toolNames());
            tools.addAll(rest.record.toolNames());
            UsageRecord r = best.record;
            return new Candidate(UsageRecord.ofRequest(r.source(), r.timestamp(), r.model(), r.project(), r.sessionId(),
                    r.requestId(), r.messageId(), r.tokens(), r.cacheCreation5mTokens(), r.cacheCreation1hTokens(),
                    r.webSearchRequests(), r.serviceTier(), r.fast(), r.subAgent(), List.copyOf(tools),
                    r.clientVersion(), r.reportedCostUsd()), best.totalTokens, best.sidechain, best.file, best.line);
        }
    }

    /** Reads files one after another on one thread. */
    private final class Worker implements JsonlScanner.Listener {
        final ProblemTally tally = new ProblemTally();
        private final Map<RequestKey, Candidate> requests;
        private final Map<String, String> names;
        private final JsonlScanner scanner = new JsonlScanner(USAGE_MARKER, USER_LINE_SIGN, MESSAGE_FIELD);
        private final ClaudeLogLineParser parser = new ClaudeLogLineParser();
        private final PlausibleTime plausible = PlausibleTime.asOf(clock);
        private LogFileFinder.LogFile file;
        private int fileOrder;
        private long line;
        private boolean lineHadUsage;

        Worker(Map<RequestKey, Candidate> requests, Map<String, String> names) {
            this.requests = requests;
            this.names = names;
        }

        void readFile(LogFileFinder.LogFile file, int fileOrder) {
            this.file = file;
            this.fileOrder = fileOrder;
            tally.startFile();
            try {
                long lines = scanner.scan(file.path(), this);
                if (lines == JsonlScanner.REJECTED) {
                    tally.report(new ImportProblem(file.path(), 0, ImportProblem.Kind.NOT_A_LOG,
                            "is not a Claude Code log (no Claude Code entry in its first 64 KiB); it was skipped"));
                    return;
                }
                tally.linesRead += lines;
                tally.filesRead++;
                tally.bytesRead += file.sizeBytes();
            } catch (IOException e) {
                tally.report(new ImportProblem(file.path(), 0, ImportProblem.Kind.UNREADABLE,
                        "cannot be read (" + LogFileFinder.reason(e) + "); check its permissions"));
            }
        }

        @Override
        public boolean accepts(String head) {
            return looksLikeClaudeLog(head);
        }

        @Override
        public void skippedLine(long lineNumber, ImportProblem.Kind kind, String detail) {
            tally.report(new ImportProblem(file.path(), lineNumber, kind, detail));
        }

        @Override
        public void markedLine(byte[] buffer, int start, int end, long lineNumber) {
            line = lineNumber;
            lineHadUsage = false;
            // A line holds at most two requests: its own and the one of the sub-agent message a progress line carries.
            // Both are checked before either is kept, so that a bad line adds nothing.
            Candidate own, embedded;
            try {
                ClaudeLogEntry entry = parser.parse(buffer, start, end);
                own = toCandidate(entry);
                embedded = entry.embedded == null ? null : toCandidate(entry.embedded);
            } catch (LineProblem p) {
                tally.report(new ImportProblem(file.path(), lineNumber, p.kind(), p.getMessage()));
                return;
            }
            if (lineHadUsage) tally.usageLines++;
            if (own != null) keep(own, 0);
            if (embedded != null) keep(embedded, own == null ? 0 : 1);
        }

        /** Keeps a request copy, the {@code index}th of its line, unless a better copy of it is already kept. */
        private void keep(Candidate copy, int index) {
            tally.requestCopies++;
            UsageRecord r = copy.record;
            RequestKey key = r.messageId() == null ? new RequestKey(null, fileOrder + ":" + line + ":" + index)
                    : new RequestKey(r.messageId(), r.requestId());
            requests.merge(key, copy, Candidate::mergedWith);
        }

        private Candidate toCandidate(ClaudeLogEntry e) throws LineProblem {
            if (!e.hasUsage) return null;
            lineHadUsage = true;
            if (SYNTHETIC_MODEL.equals(e.model)) {
                tally.syntheticLines++;
                return null;
            }
            if (e.apiError) {
                tally.apiErrorLines++;
                return null;
            }
            if (e.model == null || e.model.isBlank())
                throw new LineProblem(ImportProblem.Kind.BAD_FIELD, "usage entry has no message.model");
            if (e.timestamp == null)
                throw new LineProblem(ImportProblem.Kind.BAD_FIELD, "usage entry has no timestamp");
            Instant at;
            try {
                at = IsoInstants.parse(e.timestamp);
            } catch (DateTimeParseException ex) {
                throw new LineProblem(ImportProblem.Kind.BAD_FIELD,
                        "expected timestamp to be an ISO-8601 time but was \"" + e.timestamp + '"');
            }
            plausible.check(at, e.timestamp);
            TokenCounts tokens = new TokenCounts(e.inputTokens, e.outputTokens, e.cacheCreationTotal(), e.cacheReadTokens);
            boolean subAgent = e.sidechain || e.embeddedProgressCopy || file.subAgentFile();
            String project = ClaudeProjectFolder.project(file.folderProject(), e.cwd == null || e.cwd.isBlank() ? null : e.cwd);
            String session = e.sessionId != null && !e.sessionId.isBlank() ? e.sessionId : sessionFromFileName();
            List<String> tools = e.toolNames.isEmpty() ? List.of() : sortedDistinct(e.toolNames);
            UsageRecord record = UsageRecord.ofRequest(NAME, at, shared(e.model), shared(project), shared(session),
                    e.requestId, e.messageId, tokens, e.cacheCreation5m(), e.cacheCreation1h(), e.webSearchRequests,
                    shared(e.serviceTier), "fast".equals(e.speed), subAgent, tools, shared(e.version), e.costUsd);
            return new Candidate(record, tokens.totalTokens(), e.sidechain || e.embeddedProgressCopy, file.path(), line);
        }

        private List<String> sortedDistinct(List<String> names) {
            if (names.size() == 1) return List.of(shared(names.get(0)));
            TreeSet<String> distinct = new TreeSet<>();
            for (String name : names) distinct.add(shared(name));
            return List.copyOf(distinct);
        }

        private String sessionFromFileName() {
            String name = file.path().getFileName().toString();
            return name.substring(0, name.length() - ".jsonl".length());
        }

        /** Returns the one copy of a name kept for all lines, made safe to print the first time it is seen. */
        private String shared(String s) {
            return s == null ? null : names.computeIfAbsent(s, VisibleText::of);
        }
    }
}
