package costplan.importers.formats;

import costplan.importers.CostplanException;
import costplan.importers.ImportProblem;
import costplan.importers.ImportSummary;
import costplan.importers.TokenCounts;
import costplan.importers.UsageImporter;
import costplan.importers.UsageRecord;
import costplan.importers.claude.ClaudeCodeLogImporter;
import costplan.importers.codex.CodexSessionImporter;
import costplan.importers.internal.CsvReader;
import costplan.importers.internal.InputBounds;
import costplan.importers.internal.JsonCursor;
import costplan.importers.internal.LineProblem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Random and mutated inputs from {@code samples/} through every importer's file reading, the Claude Code and Codex
 * line reading, the CSV reader and the JSON cursor. Each case must end within a time bound with no exception but the
 * project's own input problems; a line mutated alone must leave the other lines' totals as they are.
 *
 * <p>The seed is fixed, so a run is repeatable; the number of cases per property is {@code jqwik.tries.default}
 * ({@code src/test/resources/junit-platform.properties}; {@code bench/fuzz-bench.sh} runs many more).
 */
class ImportFuzzTest {
    private static final Path SAMPLES = Path.of("../samples");
    private static final Duration BOUND = Duration.ofSeconds(10);
    /** Text that has broken readers: huge exponents and counts, escapes, structure, NUL, a byte-order mark. */
    private static final List<String> HOSTILE = List.of("1e999999999", "1e20000000", "-1", "9223372036854775807",
            "3000000000", "1" + "0".repeat(400), "\u001b]0;title\u0007", "\"", "{", "}", "[", "]", ",", ":", "null", "\u0000",
            "\uFEFF", "\\u0000", "\\ud800", "\u00ff\u00fe", "1.5", "-0.0", "true", "\"\\", "{\"a\":", "\u202e");

    private static Path scratch;

    @BeforeContainer
    static void makeScratch() throws IOException {
        scratch = Files.createTempDirectory("costplan-fuzz");
    }

    @AfterContainer
    static void removeScratch() throws IOException {
        try (Stream<Path> files = Files.walk(scratch)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A sample file and the format that reads it. */
    record Sample(String format, Path file) {
        @Override
        public String toString() {
            return format + " " + file.getFileName();
        }
    }

    /** One change to a byte string at a relative position: overwrite, insert hostile text, delete, repeat or cut. */
    record Mutation(int kind, double at, double length, int hostile, byte value) {
        byte[] apply(byte[] input, boolean keepLines) {
            int pos = (int) (at * input.length);
            int len = Math.min(input.length - pos, 1 + (int) (length * 64));
            byte[] text = HOSTILE.get(hostile).getBytes(StandardCharsets.UTF_8);
            byte[] out = switch (kind) {
                case 0 -> {
                    byte[] copy = input.clone();
                    if (pos < copy.length) copy[pos] = value;
                    yield copy;
                }
                case 1 -> join(Arrays.copyOfRange(input, 0, pos), text, Arrays.copyOfRange(input, pos, input.length));
                case 2 -> join(Arrays.copyOfRange(input, 0, pos), Arrays.copyOfRange(input, pos + len, input.length));
                case 3 -> join(Arrays.copyOfRange(input, 0, pos + len), Arrays.copyOfRange(input, pos, input.length));
                default -> Arrays.copyOfRange(input, 0, pos);
            };
            if (keepLines)
                for (int i = 0; i < out.length; i++) if (out[i] == '\n' || out[i] == '\r') out[i] = ' ';
            return out;
        }

        private static byte[] join(byte[]... parts) {
            byte[] all = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
            int at = 0;
            for (byte[] p : parts) {
                System.arraycopy(p, 0, all, at, p.length);
                at += p.length;
            }
            return all;
        }
    }

    @Provide
    Arbitrary<Sample> samples() throws IOException {
        List<Sample> all = new ArrayList<>();
        for (Path f : files(SAMPLES.resolve("claude"), ".jsonl")) all.add(new Sample(ClaudeCodeLogImporter.NAME, f));
        for (Path f : files(SAMPLES.resolve("codex"), ".jsonl")) all.add(new Sample(CodexSessionImporter.NAME, f));
        for (Path f : files(SAMPLES.resolve("exports"), "")) {
            UsageFormats.detect(f).ifPresent(i -> all.add(new Sample(i.name(), f)));
        }
        assertThat(all).extracting(Sample::format).as("every format has a sample").containsAll(UsageFormats.names());
        return Arbitraries.of(all);
    }

    @Provide
    Arbitrary<Sample> logSamples() throws IOException {
        List<Sample> logs = new ArrayList<>();
        for (Path f : files(SAMPLES.resolve("claude"), ".jsonl")) logs.add(new Sample(ClaudeCodeLogImporter.NAME, f));
        for (Path f : files(SAMPLES.resolve("codex"), ".jsonl")) logs.add(new Sample(CodexSessionImporter.NAME, f));
        return Arbitraries.of(logs);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, HOSTILE.size() - 1), Arbitraries.bytes()).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    /** Every format, on a sample mutated anywhere: only the project's input problems, within the bound. */
    @Property(seed = "20261206")
    void everyImporterReadsAMutatedSampleOrSaysWhy(@ForAll("samples") Sample sample,
                                                  @ForAll("mutations") List<Mutation> mutations) throws IOException {
        byte[] bytes = Files.readAllBytes(sample.file());
        for (Mutation m : mutations) bytes = m.apply(bytes, false);
        Path file = write(sample, bytes);
        read(sample.format(), file);
    }

    /** Random bytes given as any format: only the project's input problems, within the bound. */
    @Property(seed = "20261206")
    void everyImporterReadsRandomBytesOrSaysWhy(@ForAll("samples") Sample sample,
                                               @ForAll byte[] bytes) throws IOException {
        read(sample.format(), write(sample, bytes));
    }

    /**
     * One line of a Claude Code or Codex log mutated alone (its line breaks kept): either the other lines are all the
     * mutated line changed, or the line is reported and skipped, and then the totals are those of the log with that
     * line left blank.
     */
    @Property(seed = "20261206")
    void aLineMutatedAloneLeavesTheOtherLinesAsTheyWere(@ForAll("logSamples") Sample sample,
                                                      @ForAll("mutations") List<Mutation> mutations,
                                                      @ForAll double where) throws IOException {
        List<byte[]> lines = lines(Files.readAllBytes(sample.file()));
        int k = (int) (Math.abs(where) % 1 * lines.size());
        byte[] line = lines.get(k);
        for (Mutation m : mutations) line = m.apply(line, true);
        Result mutated = read(sample.format(), write(sample, joined(lines, k, line)));
        Result blank = read(sample.format(), write(sample, joined(lines, k, new byte[0])));
        if (mutated == null || blank == null) return;
        if (mutated.summary().problems().stream().anyMatch(p -> p.line() == k + 1)) {
            List<Long> otherLines = mutated.summary().problems().stream().map(ImportProblem::line)
                    .filter(n -> n != k + 1).toList();
            assertThat(otherLines).as("problems on lines not mutated")
                    .isEqualTo(blank.summary().problems().stream().map(ImportProblem::line).toList());
            assertThat(mutated.tokens()).as("tokens with the bad line skipped").isEqualTo(blank.tokens());
            assertThat(mutated.reportedCost()).as("reported cost with the bad line skipped")
                    .isEqualByComparingTo(blank.reportedCost());
        }
    }

    /** The JSON cursor on a mutated log line or random bytes: it reads the value or throws a {@link LineProblem}. */
    @Property(seed = "20261206")
    void theJsonCursorReadsAValueOrThrowsALineProblem(@ForAll("logSamples") Sample sample,
                                                     @ForAll("mutations") List<Mutation> mutations,
                                                     @ForAll double where) throws IOException {
        List<byte[]> lines = lines(Files.readAllBytes(sample.file()));
        byte[] line = lines.get((int) (Math.abs(where) % 1 * lines.size()));
        for (Mutation m : mutations) line = m.apply(line, false);
        byte[] input = line;
        assertTimeoutPreemptively(BOUND, () -> {
            JsonCursor json = new JsonCursor(input, 0, input.length);
            try {
                if (json.peek() == JsonCursor.Kind.NUMBER) json.decimal("n");
                else json.skipValue();
                json.end();
            } catch (LineProblem expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        });
    }

    /** The CSV reader on a mutated export: it reads rows or throws an {@link IOException}. */
    @Property(seed = "20261206")
    void theCsvReaderReadsRowsOrThrowsAnIoException(@ForAll("samples") Sample sample,
                                                   @ForAll("mutations") List<Mutation> mutations) throws IOException {
        if (!sample.file().toString().endsWith(".csv")) return;
        byte[] bytes = Files.readAllBytes(sample.file());
        for (Mutation m : mutations) bytes = m.apply(bytes, false);
        Path file = write(sample, bytes);
        assertTimeoutPreemptively(BOUND, () -> {
            try (CsvReader csv = CsvReader.open(file)) {
                while (csv.next()) assertThat(csv.row()).doesNotContainNull();
            } catch (IOException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        });
    }

    /** What an import gave. */
    record Result(List<UsageRecord> records, ImportSummary summary) {
        TokenCounts tokens() {
            return records.stream().map(UsageRecord::tokens).reduce(TokenCounts.ZERO, TokenCounts::plus);
        }

        BigDecimal reportedCost() {
            return records.stream().map(UsageRecord::reportedCostUsd).filter(Objects::nonNull)
                    .map(u -> u.amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /**
     * Reads {@code file} as {@code format} within the bound; returns null when the importer refused the whole file
     * with one of the project's own problems. Every record read is within the bounds checked where numbers are read.
     */
    private static Result read(String format, Path file) {
        return assertTimeoutPreemptively(BOUND, () -> {
            UsageImporter importer = UsageFormats.named(format);
            List<UsageRecord> records = new ArrayList<>();
            ImportSummary summary;
            try {
                summary = importer.read(List.of(file), records::add);
            } catch (IOException | UncheckedIOException | CostplanException refused) {
                return null;
            }
            for (UsageRecord r : records) {
                TokenCounts t = r.tokens();
                assertThat(List.of(t.inputTokens(), t.outputTokens(), t.cacheCreationTokens(), t.cacheReadTokens()))
                        .allSatisfy(n -> assertThat(n).isBetween(0L, InputBounds.ROW_TOKENS));
                if (r.reportedCostUsd() != null)
                    assertThat(r.reportedCostUsd().amount()).isBetween(BigDecimal.ZERO, InputBounds.ROW_USD);
            }
            return new Result(records, summary);
        });
    }

    private static Path write(Sample sample, byte[] bytes) throws IOException {
        Path file = scratch.resolve(sample.file().getFileName().toString());
        Files.write(file, bytes);
        return file;
    }

    private static List<byte[]> lines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (i > start || i < bytes.length) lines.add(Arrays.copyOfRange(bytes, start, i));
                start = i + 1;
            }
        }
        return lines;
    }

    private static byte[] joined(List<byte[]> lines, int k, byte[] replacement) {
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            parts.add(i == k ? replacement : lines.get(i));
            parts.add(new byte[]{'\n'});
        }
        return Mutation.join(parts.toArray(byte[][]::new));
    }

    private static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix))
                    .filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList();
        }
    }
}
