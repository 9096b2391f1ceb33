package costplan.importers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads Anthropic Admin API exports: usage reports ({@code usage_report/messages}: one or many pages, any bucket
 * width, any grouping) and cost reports ({@code cost_report}: amounts in cents as decimal strings). Each usage result
 * becomes one aggregated {@link UsageRecord} covering its bucket. A cost report of the same period is joined to the
 * usage, not added: its cost per bucket and model becomes the records' reported cost. Pages that overlap are counted
 * once; a last page that says more follow is reported.
 */
public final class AnthropicUsageReportImporter implements UsageImporter {
    static final String NAME = "anthropic-usage-report";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return NAME;
    }

    /** A JSON file whose {@code data} buckets hold usage or cost results of the Admin API. */
    @Override
    public boolean canRead(Path source) {
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.list(source)) {
                return files.filter(f -> f.toString().endsWith(".json")).anyMatch(this::canRead);
            } catch (IOException e) {
                return false;
            }
        }
        try {
            String head = new String(Files.readAllBytes(source), 0, (int) Math.min(Files.size(source), 8192),
                    java.nio.charset.StandardCharsets.UTF_8);
            return head.contains("\"data\"") && head.contains("\"starting_at\"")
                    && (head.contains("\"uncached_input_tokens\"") || head.contains("\"token_type\"") || head.contains("\"results\""));
        } catch (IOException e) {
            return false;
        }
    }

    private record Key(Instant start, Instant end, String model, String workspace, String apiKey, String tier, String speed) {
    }

    @Override
    public ImportSummary read(List<Path> sources, Consumer<UsageRecord> sink) throws IOException {
        ProblemTally tally = new ProblemTally();
        List<Path> files = new ArrayList<>();
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                try (Stream<Path> list = Files.list(source)) {
                    list.filter(f -> f.toString().endsWith(".json")).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(source)) {
                files.add(source);
            } else {
                tally.report(new ImportProblem(source, 0, ImportProblem.Kind.UNREADABLE, "no such file or folder"));
            }
        }
        Map<Key, UsageRecord> usage = new LinkedHashMap<>();
        Map<String, BigDecimal> costByBucketAndModel = new HashMap<>();
        Map<String, Path> costLines = new HashMap<>();
        boolean lastPageSaysMore = false;
        Instant latestEnd = Instant.MIN;
        for (Path file : files) {
            tally.startFile();
            JsonNode root;
            try {
                root = JSON.readTree(Files.readAllBytes(file));
                tally.filesRead++;
                tally.bytesRead += Files.size(file);
            } catch (JsonProcessingException e) {
                tally.report(new ImportProblem(file, e.getLocation().getLineNr(), ImportProblem.Kind.MALFORMED_LINE,
                        "not valid JSON (the file may be cut off): " + e.getOriginalMessage()));
                continue;
            }
            JsonNode data = root.path("data");
            if (!data.isArray()) {
                tally.report(new ImportProblem(file, 0, ImportProblem.Kind.NOT_A_LOG, "no 'data' array; expected an Admin API usage or cost report"));
                continue;
            }
            Instant fileEnd = Instant.MIN;
            for (int b = 0; b < data.size(); b++) {
                JsonNode bucket = data.get(b);
                Instant start;
                Instant end;
                try {
                    start = Instant.parse(bucket.path("starting_at").asText());
                    end = Instant.parse(bucket.path("ending_at").asText());
                } catch (DateTimeParseException e) {
                    tally.report(new ImportProblem(file, 0, ImportProblem.Kind.BAD_FIELD, "data[" + b + "]: expected starting_at and "
                            + "ending_at as RFC 3339 times"));
                    continue;
                }
                fileEnd = end.isAfter(fileEnd) ? end : fileEnd;
                JsonNode results = bucket.path("results");
                for (int i = 0; i < results.size(); i++) {
                    JsonNode r = results.get(i);
                    tally.linesRead++;
                    String where = "data[" + b + "].results[" + i + "]";
                    if (r.has("amount")) {
                        if (!"USD".equalsIgnoreCase(r.path("currency").asText("USD"))) {
                            tally.report(new ImportProblem(file, 0, ImportProblem.Kind.BAD_FIELD, where + ": currency "
                                    + r.path("currency").asText() + " is not USD; only US dollars are supported"));
                            continue;
                        }
                        try {
                            BigDecimal dollars = new BigDecimal(r.path("amount").asText()).movePointLeft(2);
                            String key = start + "|" + r.path("model").asText("");
                            costByBucketAndModel.merge(key, dollars, BigDecimal::add);
                            costLines.putIfAbsent(key, file);
                        } catch (NumberFormatException e) {
                            tally.report(new ImportProblem(file, 0, ImportProblem.Kind.BAD_FIELD, where + ": expected amount as a "
                                    + "decimal string of cents but was " + r.path("amount")));
                        }
                        continue;
                    }
                    if (!r.path("uncached_input_tokens").isIntegralNumber() || !r.path("output_tokens").isIntegralNumber()) {
                        tally.report(new ImportProblem(file, 0, ImportProblem.Kind.BAD_FIELD, where
                                + ": expected uncached_input_tokens and output_tokens as whole numbers"));
                        continue;
                    }
                    tally.usageLines++;
                    tally.requestCopies++;
                    long cw5 = r.path("cache_creation").path("ephemeral_5m_input_tokens").asLong();
                    long cw1 = r.path("cache_creation").path("ephemeral_1h_input_tokens").asLong();
                    String model = r.path("model").asText("");
                    String workspace = r.path("workspace_id").isTextual() ? r.get("workspace_id").asText() : "default workspace";
                    Key key = new Key(start, end, model, workspace, r.path("api_key_id").asText(""), r.path("service_tier").asText(""),
                            r.path("speed").asText(""));
                    usage.putIfAbsent(key, new UsageRecord(NAME, start, model.isEmpty() ? "all models" : model, workspace,
                            "bucket " + start, null, null, new TokenCounts(r.path("uncached_input_tokens").asLong(),
                            r.path("output_tokens").asLong(), cw5 + cw1, r.path("cache_read_input_tokens").asLong()), cw5, cw1,
                            r.path("server_tool_use").path("web_search_requests").asInt(),
                            r.path("service_tier").isTextual() ? r.get("service_tier").asText() : null,
                            "fast".equals(r.path("speed").asText()), false, List.of(), null, null, Duration.between(start, end)));
                }
            }
            if (!fileEnd.isBefore(latestEnd)) {
                latestEnd = fileEnd;
                lastPageSaysMore = root.path("has_more").asBoolean(false);
            }
        }
        if (lastPageSaysMore)
            tally.report(new ImportProblem(files.get(files.size() - 1), 0, ImportProblem.Kind.BAD_FIELD,
                    "the last page says has_more but no next page was given; the report may be incomplete (export every page)"));
        List<UsageRecord> records = join(new ArrayList<>(usage.values()), costByBucketAndModel);
        records.sort(Comparator.comparing(UsageRecord::timestamp).thenComparing(UsageRecord::model));
        records.forEach(sink);
        return tally.toSummary(records.size());
    }

    /** Gives each bucket's and model's reported cost to the first usage record of that bucket and model. */
    private static List<UsageRecord> join(List<UsageRecord> usage, Map<String, BigDecimal> costs) {
        if (costs.isEmpty()) return usage;
        List<UsageRecord> joined = new ArrayList<>(usage.size());
        for (UsageRecord r : usage) {
            BigDecimal cost = costs.remove(r.timestamp() + "|" + r.model());
            joined.add(cost == null ? r : new UsageRecord(r.source(), r.timestamp(), r.model(), r.project(), r.sessionId(),
                    r.requestId(), r.messageId(), r.tokens(), r.cacheCreation5mTokens(), r.cacheCreation1hTokens(),
                    r.webSearchRequests(), r.serviceTier(), r.fast(), r.subAgent(), r.toolNames(), r.clientVersion(),
                    new Usd(cost), r.bucket()));
        }
        return joined;
    }
}
