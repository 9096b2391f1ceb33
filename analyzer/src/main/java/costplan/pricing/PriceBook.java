package costplan.pricing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import costplan.importers.Usd;
import costplan.importers.UsageRecord;
import costplan.ledger.RequestPricer;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cloud API prices by model id and date, read from a price file such as {@code pricing-data/anthropic.json}.
 * The price that applies to a request is the latest one whose effective date is on or before the request's
 * UTC date. A model with no price is never free: {@link #costOf} returns empty for it.
 *
 * <pre>{@code
 * PriceBook prices = PriceBook.bundled("anthropic");
 * prices.priceOn("claude-sonnet-4-5", LocalDate.of(2026, 1, 5)).get().usdPerMillionInputTokens();  // 3
 * Optional<Usd> cost = prices.costOf(record);
 * }</pre>
 */
public final class PriceBook implements RequestPricer {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final String name;
    private final LocalDate asOf;
    private final Map<String, List<ModelPrice>> pricesById;
    private final Map<String, String> canonicalIds;
    private final Usd webSearchPerRequest;
    /** The {@link TokenRates} of every {@link ModelPrice} and {@link LongContextPrice} of the book, by identity. */
    private final Map<Object, TokenRates> rates = new IdentityHashMap<>();

    private PriceBook(String name, LocalDate asOf, Map<String, List<ModelPrice>> pricesById,
                      Map<String, String> canonicalIds, Usd webSearchPerRequest) {
        this.name = name;
        this.asOf = asOf;
        this.pricesById = Map.copyOf(pricesById);
        this.canonicalIds = Map.copyOf(canonicalIds);
        this.webSearchPerRequest = webSearchPerRequest;
        for (List<ModelPrice> history : this.pricesById.values()) {
            for (ModelPrice p : history) {
                rates.put(p, TokenRates.of(p));
                if (p.longContext() != null) rates.put(p.longContext(), TokenRates.of(p.longContext()));
            }
        }
    }

    /** Returns the price file shipped with costplan, e.g. {@code bundled("anthropic")}. */
    public static PriceBook bundled(String provider) {
        String resource = "costplan/pricing/" + provider + ".json";
        try (InputStream in = PriceBook.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("the bundled price file " + resource + " is missing");
            return parse(provider + ".json (bundled)", JSON.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("the bundled price file " + resource + " cannot be read", e);
        }
    }

    /** Returns {@code <provider>.json} from {@code directory}, a person's own copy of {@code pricing-data/}. */
    public static PriceBook load(Path directory, String provider) throws IOException {
        Path file = directory.resolve(provider + ".json");
        if (!Files.isRegularFile(file))
            throw new IOException(file + ": no such price file; --pricing expects a folder like pricing-data/");
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.toString(), JSON.readTree(in));
        }
    }

    static PriceBook parse(String name, JsonNode root) {
        LocalDate asOf = date(root, "asOf", name);
        Map<String, List<ModelPrice>> prices = new HashMap<>();
        Map<String, String> canonical = new HashMap<>();
        for (JsonNode model : root.path("models")) {
            String id = required(model, "id", name).asText();
            List<ModelPrice> list = new ArrayList<>();
            for (JsonNode p : model.path("prices")) list.add(modelPrice(p, name + " " + id));
            if (list.isEmpty()) throw new IllegalArgumentException(name + ": model " + id + " has no prices");
            list.sort(Comparator.comparing(ModelPrice::effective));
            prices.put(id, List.copyOf(list));
            register(canonical, id, id, name);
            for (JsonNode alias : model.path("aliases")) register(canonical, alias.asText(), id, name);
        }
        JsonNode web = root.path("webSearch").path("usdPerRequest");
        Usd webSearch = web.isNumber() ? new Usd(web.decimalValue()) : Usd.ZERO;
        return new PriceBook(name, asOf, prices, canonical, webSearch);
    }

    private static void register(Map<String, String> canonical, String alias, String id, String file) {
        String previous = canonical.putIfAbsent(alias, id);
        if (previous != null)
            throw new IllegalArgumentException(file + ": model id " + alias + " is listed twice (" + previous + ", " + id + ")");
    }

    private static ModelPrice modelPrice(JsonNode p, String where) {
        JsonNode lc = p.path("longContext");
        LongContextPrice longContext = lc.isObject() ? new LongContextPrice(required(lc, "aboveInputTokens", where).asLong(),
                decimal(lc, "input", where), decimal(lc, "output", where), optionalDecimal(lc, "cacheWrite5m", where),
                optionalDecimal(lc, "cacheWrite1h", where), decimal(lc, "cacheRead", where)) : null;
        JsonNode fast = p.path("fastMultiplier");
        return new ModelPrice(date(p, "effective", where), decimal(p, "input", where), decimal(p, "output", where),
                optionalDecimal(p, "cacheWrite5m", where), optionalDecimal(p, "cacheWrite1h", where), decimal(p, "cacheRead", where),
                longContext, fast.isNumber() ? fast.decimalValue() : null, required(p, "source", where).asText(),
                p.path("estimate").asBoolean(false));
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull())
            throw new IllegalArgumentException(where + ": field '" + field + "' is missing");
        return value;
    }

    private static BigDecimal decimal(JsonNode node, String field, String where) {
        JsonNode value = required(node, field, where);
        if (!value.isNumber())
            throw new IllegalArgumentException(where + ": expected '" + field + "' to be a number but was " + value);
        BigDecimal price = value.decimalValue();
        if (price.signum() < 0)
            throw new IllegalArgumentException(where + ": expected '" + field + "' to be >= 0 but was " + price);
        return price;
    }

    /** A price that may be null: the provider does not bill that kind of token apart. */
    private static BigDecimal optionalDecimal(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : decimal(node, field, where);
    }

    private static LocalDate date(JsonNode node, String field, String where) {
        String text = required(node, field, where).asText();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": expected '" + field + "' to be a date like 2026-01-31 but was " + text);
        }
    }

    /**
     * Returns one book holding every model of {@code books} (Anthropic's and OpenAI's, say), for usage from several
     * providers; web searches at the first book's price.
     */
    public static PriceBook merged(List<PriceBook> books) {
        Map<String, List<ModelPrice>> prices = new HashMap<>();
        Map<String, String> canonical = new HashMap<>();
        for (PriceBook book : books) {
            prices.putAll(book.pricesById);
            book.canonicalIds.forEach((alias, id) -> register(canonical, alias, id, book.name));
        }
        LocalDate oldest = books.stream().map(PriceBook::asOf).min(Comparator.naturalOrder()).orElseThrow();
        return new PriceBook(String.join(" + ", books.stream().map(PriceBook::name).toList()), oldest, prices, canonical,
                books.get(0).webSearchPerRequest);
    }

    /** Returns the file the prices came from, e.g. {@code anthropic.json (bundled)}. */
    public String name() {
        return name;
    }

    /** Returns the date the price file was last checked against its sources. */
    public LocalDate asOf() {
        return asOf;
    }

    /** Returns the price of {@code model} (an id or alias, matched exactly) on {@code date}, if there is one. */
    public Optional<ModelPrice> priceOn(String model, LocalDate date) {
        String id = canonicalIds.get(model);
        if (id == null) return Optional.empty();
        ModelPrice found = null;
        for (ModelPrice p : pricesById.get(id)) if (!p.effective().isAfter(date)) found = p;
        return Optional.ofNullable(found);
    }

    /** The providers whose price files ship with costplan, in the order they are listed. */
    public static final List<String> PROVIDERS = List.of("anthropic", "openai", "google", "deepseek", "open-model-hosts");

    /** Returns every model id of the file (not its aliases), sorted. */
    public List<String> modelIds() {
        return pricesById.keySet().stream().sorted().toList();
    }

    /** Returns every price {@code id} has had, oldest first. */
    public List<ModelPrice> history(String id) {
        return pricesById.getOrDefault(canonicalIds.getOrDefault(id, id), List.of());
    }

    /**
     * Returns a copy of this book in which {@code model} (an id or alias; a new id is added) costs {@code price} on
     * every date, for questions such as "what if Opus cost half as much".
     */
    public PriceBook withPrice(String model, ModelPrice price) {
        String id = canonicalIds.getOrDefault(model, model);
        Map<String, List<ModelPrice>> prices = new HashMap<>(pricesById);
        prices.put(id, List.of(price));
        Map<String, String> canonical = new HashMap<>(canonicalIds);
        canonical.putIfAbsent(id, id);
        return new PriceBook(name + " with " + id + " overridden", asOf, prices, canonical, webSearchPerRequest);
    }

    /** Returns whether {@code model} is known at all (on some date). */
    public boolean knows(String model) {
        return canonicalIds.containsKey(model);
    }

    /** Returns up to three known ids that are spelled most like {@code model}, for warnings. */
    public List<String> closestIds(String model) {
        return canonicalIds.keySet().stream()
                .sorted(Comparator.comparingInt((String id) -> editDistance(id, model)).thenComparing(id -> id))
                .limit(3).toList();
    }

    /**
     * Returns the API-equivalent cost of a request: each kind of token at its price on the request's date;
     * above the long-context threshold every token at the long-context price; times the fast-mode multiplier;
     * plus web searches. Empty when the model, its price on that date, or its fast-mode price is unknown.
     */
    @Override
    public Optional<Usd> costOf(UsageRecord r) {
        Optional<ModelPrice> found = priceOn(r.model(),
                LocalDate.ofEpochDay(Math.floorDiv(r.timestamp().getEpochSecond(), 86_400)));
        if (found.isEmpty()) return Optional.empty();
        ModelPrice p = found.get();
        if (r.fast() && p.fastMultiplier() == null) return Optional.empty();
        LongContextPrice lc = p.longContext();
        // An aggregated record sums many requests: its prompt total says nothing about any one request's size.
        boolean longContext = lc != null && !r.aggregated() && r.tokens().promptTokens() > lc.aboveInputTokens();
        BigDecimal tokenCost = rates.get(longContext ? lc : p).costOf(r.tokens().inputTokens(), r.tokens().outputTokens(),
                r.cacheCreation5mTokens(), r.cacheCreation1hTokens(), r.tokens().cacheReadTokens());
        if (r.fast()) tokenCost = tokenCost.multiply(p.fastMultiplier());
        Usd cost = new Usd(tokenCost);
        return Optional.of(r.webSearchRequests() == 0 ? cost : cost.plus(webSearchPerRequest.times(r.webSearchRequests())));
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
