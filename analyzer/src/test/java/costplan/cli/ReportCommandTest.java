package costplan.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCommandTest {
    @TempDir
    Path home;
    @TempDir
    Path outDir;
    private Path logs;

    private CliRun run(String... args) {
        return CliRun.in(home, args);
    }

    @BeforeEach
    void writeLogs() throws IOException {
        logs = home.resolve(".claude");
        Path project = Files.createDirectories(logs.resolve("projects/-home-u-shop"));
        Files.writeString(project.resolve("s1.jsonl"), "{\"cwd\":\"/home/u/shop\",\"sessionId\":\"s1\",\"version\":\"2.1.39\","
                + "\"message\":{\"model\":\"claude-sonnet-4-5-20250929\",\"id\":\"m1\",\"content\":[],\"usage\":{"
                + "\"input_tokens\":10,\"cache_creation_input_tokens\":1000,\"cache_read_input_tokens\":10000,"
                + "\"output_tokens\":100}},\"requestId\":\"r1\",\"type\":\"assistant\",\"timestamp\":\"2026-01-05T09:30:00Z\"}\n");
    }

    @Test
    void writesTheReportAndSaysWhere() throws IOException {
        Path file = outDir.resolve("usage.html");
        CliRun r = run("report", logs.toString(), "--timezone", "UTC", "--out", file.toString(), "--usage-only");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("costplan: wrote " + file + "\n");
        String html = Files.readString(file);
        assertThat(html).contains("<meta name=\"costplan-report\" content=\"1\">")
                .contains("<td class=\"name\">/home/u/shop</td>")
                .contains("<code>costplan report " + logs + " --timezone UTC --out " + file + " --usage-only</code>")
                // 10 × $3 + 100 × $15 + 1,000 × $3.75 + 10,000 × $0.30 per million = $0.00828
                .contains("at API list prices this would have cost $0.01,");
    }

    @Test
    void analyzePrintsItsTablesAndWritesTheReportToo() throws IOException {
        Path file = outDir.resolve("usage.html");
        CliRun r = run("analyze", logs.toString(), "--timezone", "UTC", "--report", file.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Summary").contains("By day");
        assertThat(r.err()).isEqualTo("costplan: wrote " + file + "\n");
        assertThat(Files.readString(file)).contains("<h2>What you used</h2>")
                .contains("<code>costplan analyze " + logs + " --timezone UTC --report " + file + "</code>");
    }

    @Test
    void redactLeavesProjectPathsAndFoldersOutOfTheReport() throws IOException {
        Path file = outDir.resolve("usage.html");
        CliRun r = run("report", logs.toString(), "--timezone=UTC", "--out=" + file, "--project", "shop", "--redact");
        assertThat(r.exitCode()).isZero();
        String html = Files.readString(file);
        assertThat(html).contains("<td class=\"name\">project-1</td>")
                .contains("<code>costplan report PATH --timezone=UTC --out=usage.html --project TEXT --redact</code>")
                .doesNotContain("shop").doesNotContain(home.toString()).doesNotContain(outDir.toString());
    }

    @Test
    void neverReplacesAFileThatIsNotAReportWithoutForce() throws IOException {
        Path file = Files.writeString(outDir.resolve("notes.html"), "my notes");
        CliRun refused = run("report", logs.toString(), "--out", file.toString(), "--usage-only");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(refused.err()).isEqualTo("costplan: error: " + file
                + " exists and is not a costplan report; pass --force to replace it, or choose another file\n");
        assertThat(file).hasContent("my notes");

        CliRun forced = run("report", logs.toString(), "--out", file.toString(), "--force", "--usage-only");
        assertThat(forced.exitCode()).isZero();
        assertThat(Files.readString(file)).contains("costplan-report");

        CliRun again = run("report", logs.toString(), "--out", file.toString(), "--usage-only");
        assertThat(again.exitCode()).as("a costplan report is replaced without --force").isZero();
    }

    @Test
    void neverWritesIntoTheFoldersItReads() {
        Path file = logs.resolve("projects/usage.html");
        CliRun r = run("report", logs.toString(), "--out", file.toString(), "--usage-only");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(r.err()).isEqualTo("costplan: error: will not write " + file + " inside " + logs
                + ", which costplan reads; write the report somewhere else\n");
        assertThat(file).doesNotExist();
    }

    @Test
    void refusesAnEmptyReport() {
        CliRun r = run("report", logs.toString(), "--since", "2026-02-01", "--out", outDir.resolve("usage.html").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("costplan: error: nothing to report: no requests were read (or all were filtered out)\n");
    }

    @Test
    void needsAnOutputFile() {
        CliRun r = run("report", logs.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(r.err()).startsWith("costplan: error: Missing required option: '--out=FILE'");
    }

    @Test
    void leadsWithAPlanWhenThereAreEnoughRequestsAndSaysWhenThereAreNot() throws java.io.IOException {
        Path file = outDir.resolve("plan.html");
        CliRun few = run("report", logs.toString(), "--timezone", "UTC", "--out", file.toString());
        assertThat(few.err()).startsWith("costplan: warning: only 1 request: fewer than 10 cannot show whether a machine "
                + "keeps up, so this plan is indicative only");
        CliRun sample = run("report", Path.of("../samples/claude").toString(), "--timezone", "UTC", "--out", file.toString());
        assertThat(sample.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(java.nio.file.Files.readString(file)).contains("id=\"plan\"").contains("id=\"plan-cumulative\"");
    }
}
