package costplan.importers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads one kind of usage source into {@link UsageRecord}s.
 *
 * <pre>{@code
 * UsageImporter importer = new ClaudeCodeLogImporter();
 * List<UsageRecord> records = new ArrayList<>();
 * ImportSummary summary = importer.read(List.of(Path.of("samples/claude")), records::add);
 * }</pre>
 */
public interface UsageImporter {

    /** Returns the importer's name as shown in help and errors, e.g. {@code claude-code}. */
    String name();

    /** Returns whether {@code source} looks like something this importer reads, without a full parse. */
    default boolean canRead(Path source) {
        return canRead(SourceHead.of(source));
    }

    /**
     * Returns whether the source whose head this is looks like something this importer reads; detection asks every
     * format about one head, which reads the file's start once.
     */
    boolean canRead(SourceHead source);

    /**
     * Reads every source together (duplicates are removed across all of them), hands each request to
     * {@code sink} in time order, and returns what was read and skipped.
     *
     * @throws IOException only when no source can be read at all
     */
    ImportSummary read(List<Path> sources, Consumer<UsageRecord> sink) throws IOException;
}
