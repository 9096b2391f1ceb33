package costplan.importers.formats;

import costplan.importers.UsageRecord;
import costplan.importers.Usd;
import costplan.importers.claude.ClaudeCodeLogImporter;
import costplan.importers.codex.CodexSessionImporter;
import costplan.importers.exports.AnthropicConsoleCostCsvImporter;
import costplan.importers.exports.AnthropicConsoleUsageCsvImporter;
import costplan.importers.exports.AnthropicCostReportImporter;
import costplan.importers.exports.AnthropicUsageReportImporter;
import costplan.importers.exports.OpenAiCostsJsonImporter;
import costplan.importers.exports.OpenAiUsageCsvImporter;
import costplan.importers.exports.OpenAiUsageJsonImporter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Puts the records of several sources together without counting the same usage twice:
 * <ul>
 *   <li>a cost export is <em>joined</em> to the usage export of the same provider and period, not added to it: the
 *       amounts of a UTC day, project (workspace) and model become the reported cost of that day's first usage
 *       record of the model in that project; amounts with no usage record to join stay as records without
 *       tokens;</li>
 *   <li>a request with the same id in two per-request sources of one provider (an OpenRouter generation in both
 *       the CSV export and the generation JSON) counts once;</li>
 *   <li>sources whose usage seems to overlap (a local log and an organisation export, or two exports of the same
 *       usage) are reported as {@link SourceOverlap}s, and kept.</li>
 * </ul>
 * Models are matched across exports by their id without a date suffix, with display names read the same way:
 * {@code Claude Sonnet 4.5} and {@code claude-sonnet-4-5-20250929} both match as {@code claude-sonnet-4-5}.
 *
 * <pre>{@code
 * SourceReconciler.Result r = SourceReconciler.reconcile(records);
 * r.overlaps().forEach(o -> System.err.println(o.message()));
 * }</pre>
 */
public final class SourceReconciler {
    private static final Set<String> COST_FORMATS = Set.of(AnthropicCostReportImporter.NAME,
            AnthropicConsoleCostCsvImporter.NAME, OpenAiCostsJsonImporter.NAME);
    private static final Map<String, Set<String>> USAGE_PARTNERS = Map.of(
            AnthropicCostReportImporter.NAME, Set.of(AnthropicUsageReportImporter.NAME),
            AnthropicConsoleCostCsvImporter.NAME, Set.of(AnthropicConsoleUsageCsvImporter.NAME),
            OpenAiCostsJsonImporter.NAME, Set.of(OpenAiUsageJsonImporter.NAME, OpenAiUsageCsvImporter.NAME));
    private static final Pattern DATE_SUFFIX = Pattern.compile("-\\d{8}$");

    /**
     * The records after reconciling.
     *
     * @param records the records to count
     * @param joinedCostRows cost rows whose amount became a usage record's reported cost
     * @param costOnlyRecords cost rows kept as records without tokens (no usage record to join)
     * @param duplicateRequests requests dropped because another source already had them
     * @param overlaps sources that seem to hold the same usage
     */
    public record Result(List<UsageRecord> records, long joinedCostRows, long costOnlyRecords, long duplicateRequests,
                         List<SourceOverlap> overlaps) {
        public Result {
            records = List.copyOf(records);
            overlaps = List.copyOf(overlaps);
        }
    }

    private SourceReconciler() {
    }

    /** Reconciles {@code records} of any number of sources. */
    public static Result reconcile(List<UsageRecord> records) {
        Set<String> sources = sources(records);
        if (sources.size() == 1) {
            // One source has nothing to join, repeat or overlap with.
            long costOnly = COST_FORMATS.containsAll(sources) ? records.size() : 0;
            return new Result(records, 0, costOnly, 0, List.of());
        }

        List<UsageRecord> kept = new ArrayList<>(records.size());
        Map<String, String> requestSources = new HashMap<>();
        long duplicates = 0;
        Map<String, List<UsageRecord>> costRows = new LinkedHashMap<>();
        for (UsageRecord r : records) {
            if (COST_FORMATS.contains(r.source()) && USAGE_PARTNERS.get(r.source()).stream().anyMatch(sources::contains)) {
                costRows.computeIfAbsent(joinKey(r, r.source()), k -> new ArrayList<>()).add(r);
                continue;
            }
            if (r.requestId() != null && !r.aggregated()) {
                String first = requestSources.putIfAbsent(UsageFormats.providerOf(r.source()) + '|' + r.requestId(), r.source());
                if (first != null && !first.equals(r.source())) {
                    duplicates++;
                    continue;
                }
            }
            kept.add(r);
        }

        long joined = 0;
        if (!costRows.isEmpty()) {
            Map<String, Integer> firstUsage = new HashMap<>();
            for (int i = 0; i < kept.size(); i++) {
                UsageRecord r = kept.get(i);
                for (Map.Entry<String, Set<String>> partner : USAGE_PARTNERS.entrySet())
                    if (partner.getValue().contains(r.source())) {
                        firstUsage.merge(joinKey(r, partner.getKey()), i,
                                (a, b) -> kept.get(a).timestamp().isAfter(kept.get(b).timestamp()) ? b : a);
                    }
            }
            for (Map.Entry<String, List<UsageRecord>> cost : costRows.entrySet()) {
                Integer target = firstUsage.get(cost.getKey());
                if (target == null) {
                    kept.addAll(cost.getValue());
                    continue;
                }
                BigDecimal sum = BigDecimal.ZERO;
                for (UsageRecord c : cost.getValue()) sum = sum.add(c.reportedCostUsd().amount());
                UsageRecord usage = kept.get(target);
                if (usage.reportedCostUsd() != null) sum = sum.add(usage.reportedCostUsd().amount());
                kept.set(target, usage.withReportedCost(new Usd(sum)));
                joined += cost.getValue().size();
            }
        }
        long costOnly = kept.stream().filter(r -> COST_FORMATS.contains(r.source())).count();
        return new Result(kept, joined, costOnly, duplicates, overlaps(kept));
    }

    /** Returns the key a cost row and its usage record share: cost format, UTC day, project and model. */
    /** Returns the sources of {@code records}, adding each record's to a set only when it differs from the one before. */
    private static Set<String> sources(List<UsageRecord> records) {
        Set<String> sources = new HashSet<>();
        String last = null;
        for (UsageRecord r : records) {
            // By identity: the importers name their records with one constant each; equal names that are not the
            // same object are only added to the set again.
            if (r.source() != last) {
                last = r.source();
                sources.add(last);
            }
        }
        return sources;
    }

    private static String joinKey(UsageRecord r, String costFormat) {
        return costFormat + '|' + r.timestamp().atOffset(ZoneOffset.UTC).toLocalDate() + '|' + r.project() + '|'
                + modelKey(r.model());
    }

    /** Returns a model id or display name without its date suffix, lower case, with hyphens for blanks and dots. */
    public static String modelKey(String model) {
        String key = model.strip().toLowerCase(Locale.ROOT).replace(' ', '-').replace('.', '-');
        return DATE_SUFFIX.matcher(key).replaceFirst("");
    }

    private static List<SourceOverlap> overlaps(List<UsageRecord> records) {
        Map<String, Map<LocalDate, Set<String>>> usage = new TreeMap<>();
        Map<String, String> modelKeys = new HashMap<>();
        for (UsageRecord r : records) {
            if (r.tokens().totalTokens() == 0) continue;
            usage.computeIfAbsent(r.source(), s -> new TreeMap<>())
                    .computeIfAbsent(LocalDate.ofEpochDay(Math.floorDiv(r.timestamp().getEpochSecond(), 86_400)),
                            d -> new HashSet<>())
                    .add(modelKeys.computeIfAbsent(r.model(), SourceReconciler::modelKey));
        }
        List<String> names = new ArrayList<>(usage.keySet());
        List<SourceOverlap> overlaps = new ArrayList<>();
        for (int i = 0; i < names.size(); i++)
            for (int j = i + 1; j < names.size(); j++) {
                String a = names.get(i), b = names.get(j);
                if (!UsageFormats.providerOf(a).equals(UsageFormats.providerOf(b))) continue;
                TreeSet<LocalDate> days = new TreeSet<>();
                TreeSet<String> models = new TreeSet<>();
                usage.get(a).forEach((day, ms) -> {
                    Set<String> other = usage.get(b).get(day);
                    if (other == null) return;
                    for (String m : ms)
                        if (other.contains(m)) {
                            days.add(day);
                            models.add(m);
                        }
                });
                if (days.isEmpty()) continue;
                boolean sameExport = !isLocalLog(a) && !isLocalLog(b);
                overlaps.add(new SourceOverlap(UsageFormats.providerOf(a), a, b, sameExport, days.first(), days.last(),
                        List.copyOf(models)));
            }
        return overlaps;
    }

    private static boolean isLocalLog(String format) {
        return format.equals(ClaudeCodeLogImporter.NAME) || format.equals(CodexSessionImporter.NAME);
    }
}
