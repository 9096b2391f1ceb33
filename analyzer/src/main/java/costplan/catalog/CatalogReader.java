package costplan.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads a catalog folder file by file. A file with problems is left out and its problems are kept, so that
 * {@code costplan catalog check} can report every problem of every file in one run.
 */
public final class CatalogReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUNDLED = "costplan/catalog";

    private CatalogReader() {
    }

    /** The result of reading a folder: what could be read, what is wrong, and numbers without a source. */
    public record Result(String location, Catalog catalog, List<CatalogProblem> problems, List<CatalogProblem> unsourced,
                         int files) {
        public Catalog catalogOrThrow() {
            if (!problems.isEmpty()) throw new CatalogException(problems);
            return catalog;
        }
    }

    /** Reads the catalog shipped on the class path. */
    public static Result bundled() {
        URL url = CatalogReader.class.getClassLoader().getResource(BUNDLED + "/devices");
        if (url == null) throw new IllegalStateException("the bundled catalog " + BUNDLED + " is missing from the class path");
        try {
            URI uri = url.toURI();
            if (!uri.getScheme().equals("jar")) return read(Path.of(uri).getParent(), "bundled catalog");
            try (FileSystem jar = openJar(uri)) {
                return read(jar.getPath(BUNDLED), "bundled catalog");
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("the bundled catalog cannot be read: " + e.getMessage(), e);
        }
    }

    private static FileSystem openJar(URI uri) throws IOException {
        String jarFile = uri.getRawSchemeSpecificPart().substring(0, uri.getRawSchemeSpecificPart().indexOf("!/"));
        return FileSystems.newFileSystem(Path.of(URI.create(jarFile)));
    }

    /** Reads {@code folder} (a copy of {@code hardware-catalog/}). */
    public static Result read(Path folder) {
        return read(folder, folder.toString());
    }

    private static Result read(Path folder, String location) {
        if (!Files.isDirectory(folder.resolve("devices")) && !Files.isDirectory(folder.resolve("models")))
            throw new CatalogException(List.of(new CatalogProblem(location, "",
                    "not a catalog folder: expected devices/, models/ and engines/ inside (like hardware-catalog/)")));
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        List<CatalogProblem> problems = new ArrayList<>();
        List<CatalogProblem> unsourced = new ArrayList<>();
        int[] files = {0};
        List<Device> devices = readAll(folder.resolve("devices"), f -> DeviceReader.read(f, today), problems, unsourced, files);
        List<OpenModel> models = readAll(folder.resolve("models"), ModelReader::read, problems, unsourced, files);
        List<Engine> engines = readAll(folder.resolve("engines"), EngineReader::read, problems, unsourced, files).stream()
                .map(e -> EfficiencyFit.fit(e, devices, models)).toList();
        ModelQuality quality = QualityReader.read(folder, problems, files);
        return new Result(location, new Catalog(devices, models, engines, quality), List.copyOf(problems), List.copyOf(unsourced),
                files[0]);
    }

    private static <T> List<T> readAll(Path dir, Function<FieldReader, T> reader, List<CatalogProblem> problems,
                                       List<CatalogProblem> unsourced, int[] files) {
        List<T> items = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new CatalogProblem(dir.toString(), "", "missing folder"));
            return items;
        }
        List<Path> paths;
        try (Stream<Path> list = Files.list(dir)) {
            paths = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot list the folder: " + e.getMessage(), e);
        }
        for (Path path : paths) {
            files[0]++;
            String name = dir.getFileName() + "/" + path.getFileName();
            JsonNode root;
            try {
                root = JSON.readTree(Files.readAllBytes(path));
            } catch (JsonProcessingException e) {
                problems.add(new CatalogProblem(name, "", "not valid JSON at line " + e.getLocation().getLineNr()
                        + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()));
                continue;
            } catch (IOException e) {
                problems.add(new CatalogProblem(name, "", "cannot be read: " + e.getMessage()));
                continue;
            }
            FieldReader fields = new FieldReader(name, root);
            T item = reader.apply(fields);
            checkIdMatchesFileName(fields, path);
            Sources sources = fields.sources();
            for (String numberPath : fields.numberPaths())
                if (sources.covering(numberPath).isEmpty())
                    unsourced.add(new CatalogProblem(name, numberPath, "number without a source; add an entry to 'sources'"));
            if (fields.problems().isEmpty()) items.add(item);
            else problems.addAll(fields.problems());
        }
        return items;
    }

    private static void checkIdMatchesFileName(FieldReader fields, Path path) {
        String id = fields.optionalText("id");
        String expected = path.getFileName().toString().replaceFirst("\\.json$", "");
        if (id != null && !id.equals(expected))
            fields.problem("id", "expected '" + expected + "' (the file name without .json) but was '" + id + "'");
        if (id != null && !id.matches("[a-z0-9]+([.-][a-z0-9]+)*"))
            fields.problem("id", "expected lower-case letters, digits, '.' and single hyphens but was '" + id + "'");
    }
}
