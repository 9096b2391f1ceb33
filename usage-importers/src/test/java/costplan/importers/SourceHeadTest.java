package costplan.importers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SourceHeadTest {

    @Test
    void readsTheStartOfAFileOnceWithoutItsByteOrderMark(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("usage.csv");
        Files.writeString(file, "\uFEFFusage_date_utc,cost_usd\n2026-01-01,1.50\n", StandardCharsets.UTF_8);
        SourceHead head = SourceHead.of(file);
        assertThat(head.text()).isEqualTo("usage_date_utc,cost_usd\n2026-01-01,1.50\n");
        Files.writeString(file, "changed");
        assertThat(head.text()).startsWith("usage_date_utc");   // every format sees the one read
        assertThat(head.isDirectory()).isFalse();
    }

    @Test
    void firstLineSkipsBlankLinesAndStopsAt64KiB(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("a.jsonl");
        Files.writeString(file, "\n  \n {\"sessionId\":\"s\"} \r\n{\"next\":1}\n");
        assertThat(SourceHead.of(file).firstLine()).isEqualTo("{\"sessionId\":\"s\"}");
        Path big = dir.resolve("big.jsonl");
        Files.writeString(big, "x".repeat(100_000));
        assertThat(SourceHead.of(big).text()).hasSize(64 * 1024);
    }

    @Test
    void aFolderOrAMissingFileHasNoText(@TempDir Path dir) {
        assertThat(SourceHead.of(dir).isDirectory()).isTrue();
        assertThat(SourceHead.of(dir).text()).isEmpty();
        assertThat(SourceHead.of(dir.resolve("missing.json")).text()).isEmpty();
        assertThat(SourceHead.of(dir.resolve("missing.json")).firstLine()).isEmpty();
    }
}
