package costplan.pricing;

import costplan.importers.CostplanException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The subscription plans of {@code pricing-data/subscriptions.json}, in file order.
 *
 * <pre>{@code
 * SubscriptionPlans plans = SubscriptionPlans.bundled();
 * plans.personalPlansOf("anthropic", LocalDate.of(2026, 1, 31)).forEach(System.out::println);
 * }</pre>
 *
 * @param name the file the plans came from, e.g. {@code subscriptions.json (bundled)}
 * @param asOf the date the file was last checked against its sources
 * @param plans every plan, in file order
 */
public record SubscriptionPlans(String name, LocalDate asOf, List<SubscriptionPlan> plans) {
    private static final String FILE = "subscriptions.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    public SubscriptionPlans {
        plans = List.copyOf(plans);
    }

    /** Returns the plans shipped with costplan. */
    public static SubscriptionPlans bundled() {
        String resource = "costplan/pricing/" + FILE;
        try (InputStream in = SubscriptionPlans.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("the bundled file " + resource + " is missing");
            return parse(FILE + " (bundled)", JSON.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("the bundled file " + resource + " cannot be read", e);
        }
    }

    /** Returns {@code subscriptions.json} from {@code directory}, a person's own copy of {@code pricing-data/}. */
    public static SubscriptionPlans load(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file))
            throw new IOException(file + ": no such file; --pricing expects a folder like pricing-data/");
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.toString(), JSON.readTree(in));
        }
    }

    static SubscriptionPlans parse(String name, JsonNode root) {
        List<SubscriptionPlan> plans = new ArrayList<>();
        for (JsonNode p : root.path("plans")) {
            String id = p.path("id").asText();
            JsonNode price = p.path("usdPerMonth");
            if (!price.isNumber())
                throw CostplanException.badInput(name + ": plan " + id + ": expected 'usdPerMonth' to be a number but was " + price);
            plans.add(new SubscriptionPlan(id, p.path("name").asText(id), p.path("provider").asText(""),
                    price.decimalValue(), p.path("perSeat").asBoolean(false), date(p, "effective", name + ": plan " + id),
                    p.path("source").asText(), usageLimits(name + ": plan " + id, p.path("usageLimits"))));
        }
        return new SubscriptionPlans(name, date(root, "asOf", name), plans);
    }

    private static UsageLimits usageLimits(String where, JsonNode limits) {
        if (limits.isMissingNode() || limits.isNull()) return null;
        JsonNode multiple = limits.path("sessionMultiple");
        JsonNode weekly = limits.path("weeklyHours");
        JsonNode opus = limits.path("weeklyOpusHours");
        if (!multiple.isNumber() || !weekly.isArray() || !weekly.path(0).isNumber() || !(opus.isNull() || opus.isMissingNode()
                || opus.isArray() && opus.path(0).isNumber()))
            throw CostplanException.badInput(where + ": expected 'usageLimits' with a number 'sessionMultiple', "
                    + "'weeklyHours' as [low, high] and 'weeklyOpusHours' as [low, high] or null but was " + limits);
        JsonNode prompts = limits.path("promptsPerWindow");
        if (!(prompts.isMissingNode() || prompts.isNull() || prompts.isInt() && prompts.asInt() > 0))
            throw CostplanException.badInput(where + ": expected 'promptsPerWindow' to be a whole number above 0 or null but was " + prompts);
        return new UsageLimits(multiple.asDouble(), weekly.path(0).asDouble(), opus.isArray() ? opus.path(0).asDouble() : null,
                prompts.isInt() ? prompts.asInt() : null, limits.path("source").asText() + " (" + limits.path("date").asText() + ")");
    }

    private static LocalDate date(JsonNode node, String field, String where) {
        String text = node.path(field).asText();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw CostplanException.badInput(where + ": expected '" + field + "' to be a date like 2026-01-31 but was '" + text + "'");
        }
    }

    /** Returns the plans of {@code provider} for one person (not per seat) whose price applies on {@code day}. */
    public List<SubscriptionPlan> personalPlansOf(String provider, LocalDate day) {
        return plans.stream().filter(p -> p.provider().equals(provider) && !p.perSeat() && !p.effective().isAfter(day)).toList();
    }
}
