package costplan.importers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A source as format detection sees it: its path, whether it is a folder, and the start of a file's text, read once
 * when first asked for however many formats look at it.
 *
 * <pre>{@code
 * SourceHead head = SourceHead.of(Path.of("claude_api_tokens_2026_03.csv"));
 * head.text();        // the first 64 KiB: "usage_date_utc,model_version,..."
 * }</pre>
 */
public final class SourceHead {
    private static final int BYTES = 64 * 1024;

    private final Path path;
    private final boolean directory;
    private String text;

    private SourceHead(Path path, boolean directory) {
        this.path = path;
        this.directory = directory;
    }

    /** Returns the head of {@code path}, which need not exist; nothing is read yet. */
    public static SourceHead of(Path path) {
        return new SourceHead(path, Files.isDirectory(path));
    }

    /** Returns the source's path. */
    public Path path() {
        return path;
    }

    /** Returns whether the source is a folder. */
    public boolean isDirectory() {
        return directory;
    }

    /**
     * Returns the first 64 KiB of a file as UTF-8 text, without a byte-order mark; empty for a folder or a file that
     * cannot be read.
     */
    public String text() {
        if (text == null) text = read();
        return text;
    }

    /** Returns the first line of {@link #text()} that is not blank, stripped; empty when there is none. */
    public String firstLine() {
        String rest = text().stripLeading();
        int end = rest.indexOf('\n');
        return (end < 0 ? rest : rest.substring(0, end)).strip();
    }

    private String read() {
        if (directory || !Files.isRegularFile(path)) return "";
        try (InputStream in = Files.newInputStream(path)) {
            String head = new String(in.readNBytes(BYTES), StandardCharsets.UTF_8);
            return head.startsWith("\uFEFF") ? head.substring(1) : head;
        } catch (IOException e) {
            return "";
        }
    }
}
