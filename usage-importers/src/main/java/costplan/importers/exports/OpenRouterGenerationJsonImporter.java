package costplan.importers.exports;

import costplan.importers.SourceHead;
import costplan.importers.TokenCounts;
import costplan.importers.UsageRecord;
import costplan.importers.internal.LineProblem;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads OpenRouter generation records ({@code GET /api/v1/generation?id=…}, saved as JSON; {@code data} one object
 * or a list): one {@link UsageRecord} per generation, keyed by its id, with {@code total_cost} (dollars) as the
 * reported cost. The provider's own counts ({@code native_tokens_*}, what is billed) are used when present; the
 * prompt count includes the cached tokens.
 */
public final class OpenRouterGenerationJsonImporter extends ExportImporter {
    /** The importer's name. */
    public static final String NAME = "openrouter-generation";

    @Override
    public String name() {
        return NAME;
    }

    /** Returns whether the file is JSON holding generations ({@code tokens_prompt} and {@code total_cost}). */
    @Override
    public boolean canRead(SourceHead source) {
        return isJsonWithFields(source.text(), "tokens_prompt", "total_cost");
    }

    @Override
    void readFile(Path file, ExportReading reading) throws IOException, LineProblem {
        JsonDataReader.read(file, reading, (g, line, index) -> {
            String id = ExportValues.text(g, "id");
            if (id == null) throw ExportValues.bad("id", "a generation id", "missing");
            String model = ExportValues.text(g, "model");
            if (model == null) throw ExportValues.bad("model", "a model slug", "missing");
            String created = ExportValues.text(g, "created_at");
            if (created == null) throw ExportValues.bad("created_at", "a time", "missing");
            boolean nativeCounts = g.hasNonNull("native_tokens_prompt");
            long prompt = ExportValues.count(g, nativeCounts ? "native_tokens_prompt" : "tokens_prompt", "");
            long completion = ExportValues.count(g, nativeCounts ? "native_tokens_completion" : "tokens_completion", "");
            long cached = ExportValues.count(g, "native_tokens_cached", "");
            if (cached > prompt)
                throw ExportValues.bad("native_tokens_cached", "at most the prompt tokens (" + prompt + ")", Long.toString(cached));
            BigDecimal dollars = ExportValues.decimal(g, "total_cost", "");
            UsageRecord record = UsageRecord.ofRequest(NAME, OpenRouterGenerationsCsvImporter.time(created), model,
                    "(openrouter)", UsageRecord.NO_SESSION, id, null, new TokenCounts(prompt - cached, completion, 0, cached),
                    0, 0, 0, ExportValues.text(g, "service_tier"), false, false, List.of(), null,
                    ExportValues.usd(dollars, "total_cost"));
            reading.emit(record, id, line);
        });
    }
}
