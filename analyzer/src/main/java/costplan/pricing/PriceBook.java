package costplan.pricing;

import costplan.importers.CostplanException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import costplan.importers.Usd;
import costplan.importers.UsageRecord;
import costplan.internal.ClosestIds;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

/**
 * Cloud API prices by model id and date, read from one or more price files such as {@code pricing-data/anthropic.json}.
 * The price that applies to a request is the latest one whose effective date is on or before the request's
 * UTC date. A model with no price is never free: {@link #costOf} returns empty for it.
 *
 * <p>A {@code null} cache-write price is explicit, as {@code pricing-data/README.md} defines it: a null 5-minute
 * (short-lifetime) write price means the provider charges no write surcharge, so such writes are billed as input
 * (OpenAI, Google, DeepSeek and most open-model hosts); a null 1-hour write price means the model has no such write,
 * so a request that logs 1-hour writes on it has no price.
 *
 * <pre>{@code
 * PriceBook prices = PriceBook.bundled();
 * prices.priceOn("claude-sonnet-4-5", LocalDate.of(2026, 1, 5)).get().usdPerMillionInputTokens();  // 3
 * Optional<Usd> cost = prices.costOf(record);
 * }</pre>
 */
public final class PriceBook implements RequestPricer {
    /** The price files costplan ships, by provider, in the order they are listed. */
    public static final List<String> PROVIDERS = List.of("anthropic", "openai", "google", "deepseek", "open-model-hosts");

    /**
     * The reader of price files, made on the thread that first reads one rather than with this class: making it
     * takes tens of milliseconds, and a command calls {@link #bundledAsync()} on its main thread before anything else.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** A Claude slug with the version before the family ({@code claude-4.5-sonnet}), compiled when first needed. */
    private static final class ClaudeSlug {
        static final Pattern VERSION_BEFORE_FAMILY = Pattern.compile("^claude-(\\d+(?:\\.\\d+)?)-(opus|sonnet|haiku)");
    }

    private final String name;
    private final LocalDate asOf;
    private final Map<String, List<ModelPrice>> pricesById;
    private final Map<String, String> canonicalIds;
    /** The web-search fee of each model id, from its file. */
    private final Map<String, Usd> webSearchById;
    /** The {@link TokenRates} of every {@link ModelPrice} and {@link LongContextPrice} of the book, by identity. */
    private final Map<Object, TokenRates> rates = new IdentityHashMap<>();

    private PriceBook(String name, LocalDate asOf, Map<String, List<ModelPrice>> pricesById,
                      Map<String, String> canonicalIds, Map<String, Usd> webSearchById) {
        this.name = name;
        this.asOf = asOf;
        this.pricesById = Map.copyOf(pricesById);
        this.canonicalIds = Map.copyOf(canonicalIds);
        this.webSearchById = Map.copyOf(webSearchById);
        for (List<ModelPrice> history : this.pricesById.values()) {
            for (ModelPrice p : history) {
                rates.put(p, TokenRates.of(p));
                if (p.longContext() != null) rates.put(p.longContext(), TokenRates.of(p.longContext()));
            }
        }
    }

    /** Every price file shipped with costplan, read once per run on another thread. */
    private static final class Bundled {
        static final CompletableFuture<PriceBook> BOOK = CompletableFuture.supplyAsync(() -> bundled(PROVIDERS));
    }

    /** Returns every price file shipped with costplan ({@link #PROVIDERS}) as one book. */
    public static PriceBook bundled() {
        try {
            return bundledAsync().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }

    /**
     * Returns {@link #bundled()} as it is being read on another thread; the first call (of either) starts the reading,
     * so a command can start it early and find the book read when it needs it.
     */
    public static CompletableFuture<PriceBook> bundledAsync() {
        return Bundled.BOOK;
    }

    /** Returns the price files shipped with costplan, e.g. {@code bundled("anthropic")}, as one book. */
    public static PriceBook bundled(String... providers) {
        return bundled(List.of(providers));
    }

    private static PriceBook bundled(List<String> providers) {
        List<PriceBook> books = new ArrayList<>();
        for (String provider : providers) {
            String resource = "costplan/pricing/" + provider + ".json";
            try (InputStream in = PriceBook.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("the bundled price file " + resource + " is missing");
                books.add(parse(provider + ".json", Json.MAPPER.readTree(in)));
            } catch (IOException e) {
                throw new IllegalStateException("the bundled price file " + resource + " cannot be read", e);
            }
        }
        return combine(books, " (bundled)");
    }

    /** Returns every provider's price file ({@link #PROVIDERS}) from {@code directory}, a person's own copy of {@code pricing-data/}. */
    public static PriceBook load(Path directory) throws IOException {
        return load(directory, PROVIDERS);
    }

    /** Returns {@code <provider>.json} of each provider from {@code directory}, a person's own copy of {@code pricing-data/}. */
    public static PriceBook load(Path directory, String... providers) throws IOException {
        return load(directory, List.of(providers));
    }

    private static PriceBook load(Path directory, List<String> providers) throws IOException {
        List<PriceBook> books = new ArrayList<>();
        for (String provider : providers) {
            Path file = directory.resolve(provider + ".json");
            if (!Files.isRegularFile(file))
                throw new IOException(file + ": no such price file; --pricing expects a folder like pricing-data/");
            try (InputStream in = Files.newInputStream(file)) {
                books.add(parse(file.toString(), Json.MAPPER.readTree(in)));
            }
        }
        return combine(books, "");
    }

    /** Returns one book holding every model of {@code books}, checked as of the oldest of their dates. */
    private static PriceBook combine(List<PriceBook> books, String suffix) {
        if (books.size() == 1 && suffix.isEmpty()) return books.get(0);
        Map<String, List<ModelPrice>> prices = new HashMap<>();
        Map<String, String> canonical = new HashMap<>();
        Map<String, Usd> webSearch = new HashMap<>();
        List<String> names = new ArrayList<>();
        LocalDate asOf = null;
        for (PriceBook b : books) {
            names.add(b.name);
            asOf = asOf == null || b.asOf.isBefore(asOf) ? b.asOf : asOf;
            prices.putAll(b.pricesById);
            webSearch.putAll(b.webSearchById);
            b.canonicalIds.forEach((alias, id) -> register(canonical, alias, id, b.name));
        }
        return new PriceBook(String.join(", ", names) + suffix, asOf, prices, canonical, webSearch);
    }

    static PriceBook parse(String name, JsonNode root) {
        LocalDate asOf = date(root, "asOf", name);
        Map<String, List<ModelPrice>> prices = new HashMap<>();
        Map<String, String> canonical = new HashMap<>();
        for (JsonNode model : root.path("models")) {
            String id = required(model, "id", name).asText();
            List<ModelPrice> list = new ArrayList<>();
            for (JsonNode p : model.path("prices")) list.add(modelPrice(p, name + " " + id));
            if (list.isEmpty()) throw CostplanException.badInput(name + ": model " + id + " has no prices");
            list.sort(Comparator.comparing(ModelPrice::effective));
            prices.put(id, List.copyOf(list));
            register(canonical, id, id, name);
            for (JsonNode alias : model.path("aliases")) register(canonical, alias.asText(), id, name);
        }
        JsonNode web = root.path("webSearch").path("usdPerRequest");
        Usd fee = web.isNumber() ? new Usd(web.decimalValue()) : Usd.ZERO;
        Map<String, Usd> webSearch = new HashMap<>();
        prices.keySet().forEach(id -> webSearch.put(id, fee));
        return new PriceBook(name, asOf, prices, canonical, webSearch);
    }

    private static void register(Map<String, String> canonical, String alias, String id, String file) {
        String previous = canonical.putIfAbsent(alias, id);
        if (previous != null)
            throw CostplanException.badInput(file + ": model id " + alias + " is listed twice (" + previous + ", " + id + ")");
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
            throw CostplanException.badInput(where + ": field '" + field + "' is missing");
        return value;
    }

    private static BigDecimal decimal(JsonNode node, String field, String where) {
        JsonNode value = required(node, field, where);
        if (!value.isNumber())
            throw CostplanException.badInput(where + ": expected '" + field + "' to be a number but was " + value);
        BigDecimal price = value.decimalValue();
        if (price.signum() < 0)
            throw CostplanException.badInput(where + ": expected '" + field + "' to be >= 0 but was " + price);
        return price;
    }

    /** Returns the number in {@code field}, or null when the field is null; the field must be present. */
    private static BigDecimal optionalDecimal(JsonNode node, String field, String where) {
        if (!node.has(field))
            throw CostplanException.badInput(where + ": field '" + field + "' is missing (write null when it does not apply)");
        return node.get(field).isNull() ? null : decimal(node, field, where);
    }

    private static LocalDate date(JsonNode node, String field, String where) {
        String text = required(node, field, where).asText();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw CostplanException.badInput(where + ": expected '" + field + "' to be a date like 2026-01-31 but was " + text);
        }
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
        String id = canonicalId(model);
        return id == null ? Optional.empty() : Optional.ofNullable(priceOfId(id, date));
    }

    /** Returns the price of the known {@code id} on {@code date}, or null before its first price. */
    private ModelPrice priceOfId(String id, LocalDate date) {
        // Prices are sorted by date, so the last one in effect is the first from the end that is.
        List<ModelPrice> history = pricesById.get(id);
        for (int i = history.size() - 1; i >= 0; i--) if (!history.get(i).effective().isAfter(date)) return history.get(i);
        return null;
    }

    /**
     * Returns the id under which {@code model} (an id, an alias or a provider slug such as
     * {@code anthropic/claude-opus-4.5}) is priced, if this book knows it; e.g. for matching quality scores.
     */
    public Optional<String> canonicalIdOf(String model) {
        return Optional.ofNullable(canonicalId(model));
    }

    /** Returns whether {@code model} is known at all (on some date). */
    public boolean knows(String model) {
        return canonicalIds.containsKey(model);
    }

    /** Returns up to three known ids that are spelled most like {@code model}, for warnings. */
    public List<String> closestIds(String model) {
        return ClosestIds.to(model, canonicalIds.keySet());
    }

    /** Returns every model id of the book (not its aliases), sorted. */
    public List<String> modelIds() {
        return pricesById.keySet().stream().sorted().toList();
    }

    /** Returns every price {@code id} has had, oldest first. */
    public List<ModelPrice> history(String id) {
        return pricesById.getOrDefault(canonicalIds.getOrDefault(id, id), List.of());
    }

    /**
     * Returns a copy of this book in which {@code model} (an id or alias; a new id is added) costs {@code price} on
     * every date, for questions such as "what if Opus cost half as much". A new id's web searches cost nothing.
     */
    public PriceBook withPrice(String model, ModelPrice price) {
        String id = canonicalIds.getOrDefault(model, model);
        Map<String, List<ModelPrice>> prices = new HashMap<>(pricesById);
        prices.put(id, List.of(price));
        Map<String, String> canonical = new HashMap<>(canonicalIds);
        canonical.putIfAbsent(id, id);
        Map<String, Usd> webSearch = new HashMap<>(webSearchById);
        webSearch.putIfAbsent(id, Usd.ZERO);
        return new PriceBook(name + " with " + id + " overridden", asOf, prices, canonical, webSearch);
    }

    /**
     * Returns the API-equivalent cost of a request: each kind of token at its price on the request's date;
     * above the long-context threshold every token at the long-context price (never for an aggregated record);
     * times the fast-mode multiplier; plus web searches. 5-minute cache writes on a model without a write price cost input. Empty when the model,
     * its price on that date, its fast-mode price, or the price of the 1-hour writes it logs is unknown. A record with
     * no tokens and no searches (a row of a cost export) costs exactly nothing, whatever its model.
     */
    @Override
    public Optional<Usd> costOf(UsageRecord r) {
        if (r.tokens().totalTokens() == 0 && r.webSearchRequests() == 0) return Optional.of(Usd.ZERO);
        String id = canonicalId(r.model());
        ModelPrice p = id == null ? null : priceOfId(id, LocalDate.ofEpochDay(Math.floorDiv(r.timestamp().getEpochSecond(), 86_400)));
        if (p == null) return Optional.empty();
        if (r.fast() && p.fastMultiplier() == null) return Optional.empty();
        LongContextPrice lc = p.longContext();
        // An aggregated export row sums many requests; which of them passed the threshold is unknown, so base prices.
        boolean longContext = lc != null && !r.aggregated() && r.tokens().promptTokens() > lc.aboveInputTokens();
        BigDecimal write1h = longContext ? lc.usdPerMillionCacheWrite1hTokens() : p.usdPerMillionCacheWrite1hTokens();
        if (write1h == null && r.cacheCreation1hTokens() > 0) return Optional.empty();
        BigDecimal tokenCost = rates.get(longContext ? lc : p).costOf(r.tokens().inputTokens(), r.tokens().outputTokens(),
                r.cacheCreation5mTokens(), r.cacheCreation1hTokens(), r.tokens().cacheReadTokens());
        if (r.fast()) tokenCost = tokenCost.multiply(p.fastMultiplier());
        Usd cost = new Usd(tokenCost);
        return Optional.of(r.webSearchRequests() == 0 ? cost
                : cost.plus(webSearchById.get(id).times(r.webSearchRequests())));
    }

    /**
     * Returns the id {@code model} is priced under, or null. A router's slug ({@code anthropic/claude-sonnet-4.5},
     * as OpenRouter names models) is priced as the provider's own model: the part after the slash, with dots in
     * the version written as hyphens, and with a Claude version put after its family as Anthropic writes it
     * ({@code claude-4.5-sonnet-20250929}, OpenRouter's permanent slug, is {@code claude-sonnet-4-5-20250929}).
     */
    private String canonicalId(String model) {
        String id = canonicalIds.get(model);
        int slash = model.lastIndexOf('/');
        if (id != null || slash < 0) return id;
        String own = model.substring(slash + 1);
        id = canonicalIds.get(own);
        if (id == null) id = canonicalIds.get(own.replace('.', '-'));
        if (id == null) id = canonicalIds.get(ClaudeSlug.VERSION_BEFORE_FAMILY.matcher(own).replaceFirst("claude-$2-$1").replace('.', '-'));
        return id;
    }
}
