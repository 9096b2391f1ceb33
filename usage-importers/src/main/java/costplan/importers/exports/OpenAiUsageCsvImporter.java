package costplan.importers.exports;

import costplan.importers.SourceHead;
import costplan.importers.internal.LineProblem;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Reads the usage CSV the OpenAI platform dashboard exports (completions): the API's fields, one bucket per row,
 * counts possibly written as {@code 236.0}, {@code batch} as {@code TRUE}/{@code FALSE}. Input is split as in
 * {@link OpenAiUsageJsonImporter}. Columns are matched by name.
 */
public final class OpenAiUsageCsvImporter extends ExportImporter {
    /** The importer's name. */
    public static final String NAME = "openai-usage-csv";

    @Override
    public String name() {
        return NAME;
    }

    /** Returns whether the file's header has {@code start_time}, {@code num_model_requests} and {@code input_tokens}. */
    @Override
    public boolean canRead(SourceHead source) {
        return isCsvWithColumns(source.text(), "start_time", "num_model_requests", "input_tokens");
    }

    @Override
    void readFile(Path file, ExportReading reading) throws IOException, LineProblem {
        readCsvRows(file, reading, c -> {
            int start = c.require("start_time"), end = c.require("end_time");
            for (String name : new String[]{"input_tokens", "input_cached_tokens", "output_tokens", "num_model_requests"})
                c.require(name);
            return (row, line) -> {
                ExportBucket b = ExportBucket.of(Instant.ofEpochSecond(ExportValues.count(CsvColumns.cell(row, start), "start_time")),
                        Instant.ofEpochSecond(ExportValues.count(CsvColumns.cell(row, end), "end_time")), "end_time");
                OpenAiUsageRow r = OpenAiUsageRow.of(name -> {
                    String cell = CsvColumns.cell(row, c.find(name));
                    return cell.isEmpty() ? null : cell;
                });
                if (!r.empty()) reading.emit(r.toRecord(NAME, b), r.naturalKey(b), line);
            };
        });
    }
}
