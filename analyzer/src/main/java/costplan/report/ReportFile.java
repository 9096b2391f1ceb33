package costplan.report;

import costplan.importers.CostplanException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a report file safely: never into a folder costplan reads, never over a file that is not a costplan
 * report unless forced, and atomically (a temporary file in the same folder, then renamed into place), so a
 * reader never sees half a report and a failed run leaves the old file as it was.
 */
public final class ReportFile {
    /** How far into a file the report marker is looked for; it sits in the {@code <head>}. */
    static final int MARKER_WINDOW_BYTES = 4096;

    private ReportFile() {
    }

    /**
     * Writes {@code html} to {@code target}.
     *
     * @param readFolders the folders and files the report was made from; the target may not be inside them
     * @param force whether to replace an existing file that is not a costplan report (never a symbolic link to one)
     * @throws CostplanException when the target is refused (bad usage, with the reason and the way out) or cannot be
     *         written (with the system's reason)
     */
    public static void write(Path target, String html, List<Path> readFolders, boolean force) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        // A link is followed only to an earlier report, which is replaced where it is; any other link is refused, even
        // with --force: replacing the link would drop what it points to silently, writing through it could overwrite
        // any file the link names.
        if (Files.isSymbolicLink(absolute)) {
            if (!isReport(absolute))
                throw CostplanException.badUsage(target + " is a symbolic link to something that is not a costplan"
                        + " report; costplan does not replace links, even with --force: choose another file");
            absolute = absolute.toRealPath();
        }
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute))
            throw CostplanException.badUsage(target + " is a folder; give a file name such as usage.html");
        if (folder == null || !Files.isDirectory(folder))
            throw CostplanException.badUsage("cannot write " + target + ": the folder " + folder + " does not exist");
        Path realFolder = folder.toRealPath();
        for (Path read : readFolders) {
            Path realRead = Files.exists(read) ? read.toRealPath() : read.toAbsolutePath().normalize();
            Path readFolder = Files.isDirectory(realRead) ? realRead : realRead.getParent();
            if (readFolder != null && realFolder.startsWith(readFolder))
                throw CostplanException.badUsage("will not write " + target + " inside " + read
                        + ", which costplan reads; write the report somewhere else");
        }
        if (Files.exists(absolute) && !force && !isReport(absolute))
            throw CostplanException.badUsage(target + " exists and is not a costplan report; "
                    + "pass --force to replace it, or choose another file");
        try {
            Path temporary = newTemporaryFile(folder, absolute.getFileName().toString());
            try {
                Files.writeString(temporary, html, StandardCharsets.UTF_8);
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new CostplanException(CostplanException.Kind.CANNOT_WRITE, "cannot write " + target + ": " + e, e);
        }
    }

    /**
     * Creates an empty temporary file in {@code folder} the way any new file is created, so its permissions follow
     * the umask (typically 0644), also when it replaces an earlier report. {@link Files#createTempFile} would make
     * it 0600, and the rename would carry that over to the report.
     */
    private static Path newTemporaryFile(Path folder, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path candidate = folder.resolve("." + name + "." + Long.toUnsignedString(
                    ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 99) throw e;
            }
        }
    }

    /** Returns whether {@code file} is a costplan report: its head carries the report marker. */
    static boolean isReport(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return false;
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(MARKER_WINDOW_BYTES), StandardCharsets.UTF_8);
            return head.contains("<meta name=\"" + ReportPage.MARKER + "\"");
        }
    }
}
