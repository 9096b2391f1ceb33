package costplan.importers.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvReaderTest {
    @TempDir
    Path dir;

    @Test
    void splitsPlainAndQuotedRowsAlike() throws IOException {
        Path file = dir.resolve("usage.csv");
        Files.writeString(file, "date,model,workspace,tokens\r\n"
                + "2026-10-05,claude-haiku-4-5,,12\r\n"
                + "2026-10-05,\"claude, \"\"quoted\"\"\",\"two\nlines\",7\r\n"
                + "\r\n"
                + "2026-10-06,m,w,\r\n");
        List<List<String>> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(file)) {
            assertThat(csv.header()).containsExactly("date", "model", "workspace", "tokens");
            while (csv.next()) {
                rows.add(List.of(csv.row()));
                lines.add(csv.line());
            }
        }
        assertThat(rows).containsExactly(
                List.of("2026-10-05", "claude-haiku-4-5", "", "12"),
                List.of("2026-10-05", "claude, \"quoted\"", "two\nlines", "7"),
                List.of("2026-10-06", "m", "w", ""));
        assertThat(lines).containsExactly(2L, 3L, 6L);
    }
}
