package costplan.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ReportFileTest {
    private static final String REPORT = "<!DOCTYPE html><html><head><meta name=\"costplan-report\" content=\"1\">"
            + "</head><body>new</body></html>";

    @TempDir
    Path dir;

    @Test
    void writesANewFileAndLeavesNoTemporaryFileBehind() throws IOException {
        Path target = dir.resolve("usage.html");
        ReportFile.write(target, REPORT, List.of(), false);
        assertThat(target).hasContent(REPORT);
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(target);
        }
    }

    @Test
    void newReportGetsThePermissionsOfAnyNewFileNotThoseOfATemporaryFile() throws IOException {
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "skipped: not a POSIX file system");
        Path target = dir.resolve("usage.html");
        ReportFile.write(target, REPORT, List.of(), false);
        // A file created the ordinary way shows what the umask allows (rw-r--r-- under the usual 022).
        Set<PosixFilePermission> ordinary = Files.getPosixFilePermissions(Files.createFile(dir.resolve("ordinary.txt")));
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(ordinary)
                .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void reportThatReplacesAnOwnerOnlyReportGetsThePermissionsOfAnyNewFile() throws IOException {
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "skipped: not a POSIX file system");
        Path target = dir.resolve("usage.html");
        Files.writeString(target, REPORT.replace("new", "old"));
        // Earlier versions left reports rw------- (their temporary file's mode); a new run repairs that.
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        ReportFile.write(target, REPORT, List.of(), false);
        assertThat(target).hasContent(REPORT);
        Set<PosixFilePermission> ordinary = Files.getPosixFilePermissions(Files.createFile(dir.resolve("ordinary.txt")));
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(ordinary);
    }

    @Test
    void refusesASymbolicLinkToAnythingButAReportEvenWithForce() throws IOException {
        Path precious = Files.writeString(dir.resolve("notes.txt"), "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("usage.html"), precious);
        assertThatThrownBy(() -> ReportFile.write(link, REPORT, List.of(), true))
                .hasMessage(link + " is a symbolic link to something that is not a costplan report; costplan does not"
                        + " replace links, even with --force: choose another file");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(precious)).isEqualTo("keep me");
        Path dangling = Files.createSymbolicLink(dir.resolve("gone.html"), dir.resolve("nowhere.html"));
        assertThatThrownBy(() -> ReportFile.write(dangling, REPORT, List.of(), true)).hasMessageContaining("symbolic link");
    }

    @Test
    void replacesAnEarlierReportALinkPointsToAndKeepsTheLink() throws IOException {
        Path earlier = Files.writeString(dir.resolve("2026-11.html"), REPORT.replace("new", "old"));
        Path link = Files.createSymbolicLink(dir.resolve("latest.html"), earlier);
        ReportFile.write(link, REPORT, List.of(), false);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(earlier)).isEqualTo(REPORT);
    }

    @Test
    void replacesAnEarlierCostplanReportWithoutForce() throws IOException {
        Path target = dir.resolve("usage.html");
        Files.writeString(target, REPORT.replace("new", "old"));
        ReportFile.write(target, REPORT, List.of(), false);
        assertThat(target).hasContent(REPORT);
    }

    @Test
    void refusesToReplaceAFileThatIsNotACostplanReport() throws IOException {
        Path target = dir.resolve("notes.html");
        Files.writeString(target, "<html><body>my notes</body></html>");
        assertThatThrownBy(() -> ReportFile.write(target, REPORT, List.of(), false))
                .isInstanceOf(costplan.importers.CostplanException.class)
                .hasMessage(target + " exists and is not a costplan report; pass --force to replace it, or choose another file");
        assertThat(target).hasContent("<html><body>my notes</body></html>");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(target);
        }
    }

    @Test
    void replacesAnyFileWithForce() throws IOException {
        Path target = dir.resolve("notes.html");
        Files.writeString(target, "<html><body>my notes</body></html>");
        ReportFile.write(target, REPORT, List.of(), true);
        assertThat(target).hasContent(REPORT);
    }

    @Test
    void refusesToWriteIntoAFolderItReads() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("claude/projects/p"));
        Path target = logs.resolve("usage.html");
        assertThatThrownBy(() -> ReportFile.write(target, REPORT, List.of(dir.resolve("claude")), true))
                .isInstanceOf(costplan.importers.CostplanException.class)
                .hasMessage("will not write " + target + " inside " + dir.resolve("claude")
                        + ", which costplan reads; write the report somewhere else");
        assertThat(target).doesNotExist();
    }

    @Test
    void refusesAFolderAsTarget() {
        assertThatThrownBy(() -> ReportFile.write(dir, REPORT, List.of(), true))
                .hasMessage(dir + " is a folder; give a file name such as usage.html");
    }
}
