package costplan.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Reads {@code quality/*.json}, {@code tool-calling.json} and {@code tokenizers.json} of a catalog folder into a
 * {@link ModelQuality}, collecting problems (file, field, what was expected). A catalog folder without them has no
 * scores, which is not a problem: every model's quality is then unknown.
 */
final class QualityReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ENGINES = List.of("llama-cpp", "mlx", "ollama", "vllm");

    private final List<CatalogProblem> problems = new ArrayList<>();
    private int files;

    static ModelQuality read(Path folder, List<CatalogProblem> problems, int[] files) {
        QualityReader reader = new QualityReader();
        List<QualityScore> scores = new ArrayList<>();
        Path qualityDir = folder.resolve("quality");
        if (Files.isDirectory(qualityDir))
            for (Path file : jsonFiles(qualityDir)) reader.readScores(file, "quality/" + file.getFileName(), scores);
        Map<String, List<ToolCallingProblem>> toolCalling = new LinkedHashMap<>();
        Path toolCallingFile = folder.resolve("tool-calling.json");
        if (Files.exists(toolCallingFile)) reader.readToolCalling(toolCallingFile, toolCalling);
        List<TokenizerRatio> tokenizers = new ArrayList<>();
        Path tokenizersFile = folder.resolve("tokenizers.json");
        if (Files.exists(tokenizersFile)) reader.readTokenizers(tokenizersFile, tokenizers);
        problems.addAll(reader.problems);
        files[0] += reader.files;
        return new ModelQuality(scores, toolCalling, tokenizers, UnaryOperator.identity());
    }

    private static List<Path> jsonFiles(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot list the folder: " + e.getMessage(), e);
        }
    }

    private FieldReader open(Path path, String name) {
        files++;
        try {
            return new FieldReader(name, JSON.readTree(Files.readAllBytes(path)));
        } catch (JsonProcessingException e) {
            problems.add(new CatalogProblem(name, "", "not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(new CatalogProblem(name, "", "cannot be read: " + e.getMessage()));
        }
        return null;
    }

    private void readScores(Path path, String name, List<QualityScore> scores) {
        FieldReader f = open(path, name);
        if (f == null) return;
        f.text("name");
        f.text("description");
        JsonNode rows = f.node("rows");
        if (rows == null || !rows.isArray()) f.problem("rows", "expected a list of scores");
        else for (int i = 0; i < rows.size(); i++) {
            String at = "rows." + i;
            String date = f.text(at + ".date");
            if (!date.isEmpty() && FieldReader.parseDate(date) == null)
                f.problem(at + ".date", "expected a date like 2026-05, 2026-05-22 or 2026 but was '" + date + "'");
            QualityScore score = new QualityScore(f.text(at + ".model"), f.text(at + ".benchmark"), f.text(at + ".harness"),
                    orZero(f.number(at + ".score", 0, 100, "percent of tasks resolved")), date,
                    required(f, at + ".makerReported"), f.text(at + ".source"), f.bool(at + ".verified", false),
                    f.optionalText(at + ".note"));
            if (score.makerReported() != score.harness().equals("vendor"))
                f.problem(at + ".harness", "maker-reported scores use the harness 'vendor' and only they do, but was '"
                        + score.harness() + "' with makerReported " + score.makerReported());
            scores.add(score);
        }
        problems.addAll(f.problems());
    }

    private void readToolCalling(Path path, Map<String, List<ToolCallingProblem>> byModel) {
        FieldReader f = open(path, "tool-calling.json");
        if (f == null) return;
        JsonNode models = f.node("models");
        if (models == null || !models.isArray()) f.problem("models", "expected a list of models with their problems");
        else for (int i = 0; i < models.size(); i++) {
            String model = f.text("models." + i + ".model");
            List<ToolCallingProblem> list = new ArrayList<>();
            JsonNode problemNodes = f.node("models." + i + ".problems");
            int count = problemNodes == null || !problemNodes.isArray() ? 0 : problemNodes.size();
            for (int j = 0; j < count; j++) {
                String at = "models." + i + ".problems." + j;
                List<String> engines = f.texts(at + ".engines");
                for (String engine : engines)
                    if (!ENGINES.contains(engine)) f.problem(at + ".engines", "unknown engine '" + engine + "'; expected one of " + ENGINES);
                list.add(new ToolCallingProblem(model, engines, f.texts(at + ".harnesses"), f.text(at + ".summary"),
                        f.text(at + ".source"), f.text(at + ".date"), f.optionalText(at + ".fixedIn")));
            }
            if (byModel.put(model, list) != null) f.problem("models." + i + ".model", "'" + model + "' is listed twice");
        }
        problems.addAll(f.problems());
    }

    private void readTokenizers(Path path, List<TokenizerRatio> tokenizers) {
        FieldReader f = open(path, "tokenizers.json");
        if (f == null) return;
        JsonNode families = f.node("families");
        if (families == null || !families.isArray()) f.problem("families", "expected a list of tokenizer families");
        else for (int i = 0; i < families.size(); i++) {
            String at = "families." + i;
            double ratio = f.number(at + ".tokensPerClaudeToken", 0.2, 5, "tokens per Claude token");
            Range range = f.optionalRange(at + ".range", 0.2, 5, "tokens per Claude token");
            if (range == null) f.problem(at + ".range", "missing; expected [low, high]");
            else if (ratio < range.low() || ratio > range.high()) f.problem(at + ".tokensPerClaudeToken", "outside its range " + range);
            else tokenizers.add(new TokenizerRatio(f.text(at + ".family"), f.texts(at + ".models"), ratio, range,
                        required(f, at + ".estimate"), f.text(at + ".source")));
        }
        problems.addAll(f.problems());
    }

    private static boolean required(FieldReader f, String path) {
        Boolean value = f.optionalBool(path);
        if (value == null && f.node(path) == null) f.problem(path, "missing; expected true or false");
        return value != null && value;
    }

    private static double orZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
