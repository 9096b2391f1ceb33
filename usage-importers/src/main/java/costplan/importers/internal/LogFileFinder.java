package costplan.importers.internal;

import costplan.importers.ImportProblem;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the {@code *.jsonl} files under the given folders (following links, reporting loops and unreadable
 * folders), plus files named directly, each once even when reached by two paths.
 */
public final class LogFileFinder {

    private static final String DANGLING_LINK = "is a symbolic link to a file that does not exist; it was skipped";

    /** A file to read, with the folder name that stands for its project when its lines name none. */
    public record LogFile(Path path, long sizeBytes, String folderProject, boolean subAgentFile) {
    }

    private LogFileFinder() {
    }

    /**
     * Hands each file to {@code files} as the walk reaches it, so that reading can start before the walk ends, and
     * returns the folders and files that could not be listed.
     */
    static List<ImportProblem> find(List<Path> sources, Consumer<LogFile> files) {
        List<ImportProblem> problems = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (Path source : sources) {
            if (!Files.exists(source)) {
                problems.add(new ImportProblem(source, 0, ImportProblem.Kind.UNREADABLE, Files.isSymbolicLink(source)
                        ? DANGLING_LINK
                        : "no such file or folder; give a Claude config folder, its projects/ folder or a .jsonl file"));
            } else if (Files.isDirectory(source)) {
                Path root = Files.isDirectory(source.resolve("projects")) ? source.resolve("projects") : source;
                walk(root, files, problems, seen);
            } else {
                try {
                    BasicFileAttributes attrs = Files.readAttributes(source, BasicFileAttributes.class);
                    if (attrs.isRegularFile()) add(source, attrs, source.toAbsolutePath().getParent(), files, problems, seen);
                    else problems.add(new ImportProblem(source, 0, ImportProblem.Kind.UNREADABLE,
                            "is not a regular file or folder (a named pipe, device or socket); it was skipped"));
                } catch (IOException e) {
                    problems.add(new ImportProblem(source, 0, ImportProblem.Kind.UNREADABLE,
                            "cannot be read (" + reason(e) + "); check its permissions"));
                }
            }
        }
        return problems;
    }

    private static void walk(Path root, Consumer<LogFile> files, List<ImportProblem> problems, Set<Object> seen) {
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            boolean log = file.getFileName().toString().endsWith(".jsonl");
                            if (attrs.isRegularFile() && log) add(file, attrs, root, files, problems, seen);
                            // Links are followed, so a link still seen as one has no target.
                            else if (attrs.isSymbolicLink() && log)
                                problems.add(new ImportProblem(file, 0, ImportProblem.Kind.UNREADABLE, DANGLING_LINK));
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            problems.add(new ImportProblem(file, 0, ImportProblem.Kind.UNREADABLE,
                                    e instanceof FileSystemLoopException
                                            ? "symbolic link loop; this folder was read once and the loop skipped"
                                            : "cannot be read (" + reason(e) + "); check its permissions"));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            problems.add(new ImportProblem(root, 0, ImportProblem.Kind.UNREADABLE,
                    "cannot be listed (" + reason(e) + ")"));
        }
    }

    private static void add(Path file, BasicFileAttributes attrs, Path root, Consumer<LogFile> files,
                            List<ImportProblem> problems, Set<Object> seen) {
        try {
            // The file key (device and inode) tells a file reached by two paths without resolving every link.
            if (!seen.add(attrs.fileKey() != null ? attrs.fileKey() : file.toRealPath())) return;
            long size = attrs.size();
            // The walk names files under the root as given, so the relative path needs no normalising first.
            Path relative = file.startsWith(root) ? root.relativize(file) : file.getFileName();
            String folder = relative.getNameCount() > 1 ? relative.getName(0).toString()
                    : String.valueOf(root.toAbsolutePath().normalize().getFileName());
            String name = file.getFileName().toString();
            boolean subAgent = name.startsWith("agent-") || relative.toString().contains("subagents");
            files.accept(new LogFile(file, size, folder, subAgent));
        } catch (NoSuchFileException e) {
            problems.add(new ImportProblem(file, 0, ImportProblem.Kind.UNREADABLE,
                    "disappeared while the folder was being read"));
        } catch (IOException e) {
            problems.add(new ImportProblem(file, 0, ImportProblem.Kind.UNREADABLE,
                    "cannot be read (" + reason(e) + "); check its permissions"));
        }
    }

    public static String reason(IOException e) {
        String message = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
