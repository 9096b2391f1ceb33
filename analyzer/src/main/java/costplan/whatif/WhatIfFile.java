package costplan.whatif;

import costplan.importers.CostplanException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import costplan.catalog.Catalog;
import costplan.internal.ClosestIds;
import costplan.catalog.UnknownIdException;
import costplan.workload.DailyWorkload;
import costplan.workload.SyntheticWorkload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a scenario file, YAML or (by its {@code .json} extension) JSON. Every problem is reported with the file,
 * the line and the field, and an unknown key with the valid keys and the closest one. A log path is relative to
 * the file's folder.
 *
 * <pre>{@code
 * WhatIf w = WhatIfFile.read(Path.of("samples/scenarios/004-cloud-vs-self-hosted.yaml"));
 * System.out.println(w.run());
 * }</pre>
 */
public final class WhatIfFile {
    static final List<String> TOP = List.of("name", "question", "workload", "growthPerMonth", "baselines", "options",
            "overrides", "sweep", "samples", "seed");
    static final List<String> WORKLOAD = List.of("logs", "daily", "sessions");
    static final List<String> DAILY = List.of("tokensPerDay", "outputShare", "cacheReadShare", "sessions", "workingHours",
            "requestsPerSessionHour", "days", "workStartHour", "firstDay", "model");
    static final List<String> SESSIONS = List.of("days", "workStartHour", "workingHours", "parallelSessions",
            "bootContextTokens", "addedTokensPerTurn", "outputTokensPerTurn", "compactAtTokens", "thinkSeconds", "seed",
            "firstDay", "model");
    static final List<String> OPTION = List.of("device", "model", "engine", "policy", "slots", "kvType", "routes");
    static final List<String> OVERRIDES = List.of("electricityUsdPerKwh", "localCapableShare", "resaleScale", "lifeMonths",
            "maxSlowdown", "devices", "cloudPrices");
    static final List<String> DEVICE = List.of("purchaseUsd", "idleWatts", "loadWatts", "rentalUsdPerHour", "resale");
    static final List<String> CLOUD_PRICE = List.of("input", "output", "cacheWrite5m", "cacheWrite1h", "cacheRead");
    static final List<String> SWEEP = List.of("parameter", "from", "to", "steps");

    /** A value of the file and the line it starts on: a map, a list, text, a number, a boolean or null. */
    private record Node(Object value, int line) {
    }

    private final Path file;
    /** The catalog the file's device, model and engine ids must name, or null to leave them to the run. */
    private final Catalog catalog;

    private WhatIfFile(Path file, Catalog catalog) {
        this.file = file;
        this.catalog = catalog;
    }

    /** Reads the scenario in {@code file}; unknown catalog ids are reported when it runs. */
    public static WhatIf read(Path file) throws IOException {
        return new WhatIfFile(file, null).scenario(parse(file));
    }

    /** Reads the scenario in {@code file}, reporting a device, model or engine {@code catalog} lacks with its line. */
    public static WhatIf read(Path file, Catalog catalog) throws IOException {
        return new WhatIfFile(file, catalog).scenario(parse(file));
    }

    private static Node parse(Path file) throws IOException {
        JsonFactory factory = file.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? new JsonFactory() : new YAMLFactory();
        try (JsonParser p = factory.createParser(Files.newBufferedReader(file))) {
            if (p.nextToken() == null) throw new WhatIfFileException(file, 1, "the file is empty; a scenario needs at least a workload");
            return new WhatIfFile(file, null).node(p);
        } catch (JsonProcessingException e) {
            throw new WhatIfFileException(file, e.getLocation() == null ? 1 : e.getLocation().getLineNr(),
                    "not valid " + (factory instanceof YAMLFactory ? "YAML" : "JSON") + ": " + e.getOriginalMessage());
        }
    }

    private Node node(JsonParser p) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, Node> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    Node value = node(p);
                    if (map.put(key, new Node(value.value(), keyLine)) != null)
                        throw new WhatIfFileException(file, keyLine, "key '" + key + "' is given twice");
                }
                return new Node(map, line);
            }
            case START_ARRAY: {
                List<Node> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) list.add(node(p));
                return new Node(list, line);
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Node(p.getDoubleValue(), line);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node(p.getBooleanValue(), line);
            case VALUE_NULL:
                return new Node(null, line);
            default:
                return new Node(p.getText(), line);
        }
    }

    private WhatIf scenario(Node root) {
        Map<String, Node> top = map(root, "the scenario", TOP);
        if (!top.containsKey("workload"))
            throw new WhatIfFileException(file, root.line(), "missing key 'workload' (one of logs, daily or sessions)");
        WhatIf w = WhatIf.DEFAULT.withName(top.containsKey("name") ? text(top.get("name"), "name") : fileName())
                .withQuestion(top.containsKey("question") ? text(top.get("question"), "question") : "");
        w = workload(w, top.get("workload"));
        for (String key : List.of("growthPerMonth", "samples", "seed"))
            if (top.containsKey(key)) w = number(w, key, top.get(key));
        if (top.containsKey("baselines")) {
            Node b = top.get("baselines");
            List<String> ids = b.value() instanceof String one ? List.of(one)
                    : list(b, "baselines").stream().map(n -> text(n, "baselines")).toList();
            w = apply(b, "baselines", w, x -> x.withBaselines(ids.toArray(String[]::new)));
        }
        if (top.containsKey("options")) {
            List<OptionSpec> options = new ArrayList<>();
            List<Node> items = list(top.get("options"), "options");
            for (int i = 0; i < items.size(); i++) options.add(option(items.get(i), "options[" + i + "]"));
            w = w.withOptions(options);
        }
        if (top.containsKey("overrides")) w = overrides(w, top.get("overrides"));
        if (top.containsKey("sweep")) w = sweep(w, top.get("sweep"));
        return w;
    }

    private String fileName() {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private WhatIf workload(WhatIf w, Node node) {
        Map<String, Node> kinds = map(node, "workload", WORKLOAD);
        if (kinds.size() != 1)
            throw new WhatIfFileException(file, node.line(), "workload needs exactly one of logs, daily or sessions but had "
                    + (kinds.isEmpty() ? "none" : String.join(", ", kinds.keySet())));
        var kind = kinds.entrySet().iterator().next();
        Node body = kind.getValue();
        switch (kind.getKey()) {
            case "logs": {
                Path logs = file.toAbsolutePath().getParent().resolve(text(body, "workload.logs")).normalize();
                return w.withWorkload(new WorkloadSpec.Logs(logs));
            }
            case "daily": {
                Map<String, Node> fields = map(body, "workload.daily", DAILY);
                DailyWorkload d = WhatIf.DEFAULT_DAILY;
                WhatIf x = w.withDaily(new DailyWorkload(d.tokensPerDay(), d.outputShare(), d.cacheReadShare(), d.sessions(),
                        d.workingHours(), d.requestsPerSessionHour(), d.days(), firstDay(fields, "workload.daily", d.firstDay()),
                        d.workStartHour(), fields.containsKey("model") ? text(fields.get("model"), "workload.daily.model") : d.model()));
                return numbers(x, "workload.daily.", fields);
            }
            default: {
                Map<String, Node> fields = map(body, "workload.sessions", SESSIONS);
                SyntheticWorkload s = WhatIf.DEFAULT_SESSIONS;
                WhatIf x = w.withSessions(new SyntheticWorkload(s.days(), firstDay(fields, "workload.sessions", s.firstDay()),
                        s.workStartHour(), s.workingHours(), s.parallelSessions(), s.bootContextTokens(), s.addedTokensPerTurn(),
                        s.outputTokensPerTurn(), s.compactAtTokens(), s.thinkSeconds(),
                        fields.containsKey("model") ? text(fields.get("model"), "workload.sessions.model") : s.model(), s.seed()));
                return numbers(x, "workload.sessions.", fields);
            }
        }
    }

    private LocalDate firstDay(Map<String, Node> fields, String where, LocalDate otherwise) {
        Node n = fields.get("firstDay");
        if (n == null) return otherwise;
        try {
            return LocalDate.parse(text(n, where + ".firstDay"));
        } catch (DateTimeParseException e) {
            throw new WhatIfFileException(file, n.line(), "field " + where + ".firstDay: expected a date like 2026-03-02 but was '" + n.value() + "'");
        }
    }

    /** Sets every number of {@code fields} (the texts and lists were read by the caller) through {@link WhatIf#with}. */
    private WhatIf numbers(WhatIf w, String prefix, Map<String, Node> fields) {
        for (var e : fields.entrySet())
            if (!List.of("firstDay", "model", "devices", "cloudPrices", "resale").contains(e.getKey()))
                w = number(w, prefix + e.getKey(), e.getValue());
        return w;
    }

    private WhatIf number(WhatIf w, String key, Node node) {
        double value = number(node, key);
        return apply(node, key, w, x -> x.with(key, value));
    }

    private OptionSpec option(Node node, String where) {
        Map<String, Node> f = map(node, where, OPTION);
        if (!f.containsKey("device")) throw new WhatIfFileException(file, node.line(), "field " + where + ": missing key 'device'");
        List<String> routes = !f.containsKey("routes") ? List.of()
                : list(f.get("routes"), where + ".routes").stream().map(n -> text(n, where + ".routes")).toList();
        Integer slots = f.containsKey("slots") ? wholeNumber(f.get("slots"), where + ".slots") : null;
        known(f.get("device"), where + ".device", c -> c.device(text(f.get("device"), where + ".device")));
        if (f.containsKey("model")) {
            String model = text(f.get("model"), where + ".model");
            known(f.get("model"), where + ".model", c -> c.model(model.contains(":") ? model.substring(0, model.indexOf(':')) : model));
        }
        if (f.containsKey("engine")) known(f.get("engine"), where + ".engine", c -> c.engine(text(f.get("engine"), where + ".engine")));
        return at(node, where, () -> new OptionSpec(text(f.get("device"), where + ".device"), optionalText(f, "model", where),
                optionalText(f, "engine", where), optionalText(f, "policy", where), slots, optionalText(f, "kvType", where), routes));
    }

    private String optionalText(Map<String, Node> fields, String key, String where) {
        return fields.containsKey(key) ? text(fields.get(key), where + "." + key) : null;
    }

    private WhatIf overrides(WhatIf w, Node node) {
        Map<String, Node> f = map(node, "overrides", OVERRIDES);
        w = numbers(w, "overrides.", f);
        if (f.containsKey("devices")) {
            for (var device : map(f.get("devices"), "overrides.devices", null).entrySet()) {
                String where = "overrides.devices." + device.getKey();
                known(device.getValue(), where, c -> c.device(device.getKey()));
                Map<String, Node> d = map(device.getValue(), where, DEVICE);
                w = numbers(w, where + ".", d);
                if (d.containsKey("resale")) {
                    Node r = d.get("resale");
                    List<Node> shares = list(r, where + ".resale");
                    if (shares.size() != 3)
                        throw new WhatIfFileException(file, r.line(), "field " + where + ".resale: expected three shares "
                                + "(after one, two and three years) like [0.8, 0.65, 0.55] but had " + shares.size());
                    double[] s = shares.stream().mapToDouble(n -> number(n, where + ".resale")).toArray();
                    String id = device.getKey();
                    w = apply(r, where + ".resale", w, x -> x.withDeviceResale(id, s[0], s[1], s[2]));
                }
            }
        }
        if (f.containsKey("cloudPrices")) {
            for (var model : map(f.get("cloudPrices"), "overrides.cloudPrices", null).entrySet()) {
                String where = "overrides.cloudPrices." + model.getKey();
                Map<String, Node> p = map(model.getValue(), where, CLOUD_PRICE);
                for (String required : List.of("input", "output"))
                    if (!p.containsKey(required))
                        throw new WhatIfFileException(file, model.getValue().line(), "field " + where + ": missing key '" + required + "'");
                double input = number(p.get("input"), where + ".input");
                double output = number(p.get("output"), where + ".output");
                String id = model.getKey();
                w = apply(model.getValue(), where, w, x -> x.withCloudPrice(id, input, output));
                Map<String, Node> cache = new LinkedHashMap<>(p);
                cache.keySet().removeAll(List.of("input", "output"));
                w = numbers(w, where + ".", cache);
            }
        }
        return w;
    }

    private WhatIf sweep(WhatIf w, Node node) {
        Map<String, Node> f = map(node, "sweep", SWEEP);
        for (String key : SWEEP)
            if (!f.containsKey(key)) throw new WhatIfFileException(file, node.line(), "field sweep: missing key '" + key + "'");
        String parameter = text(f.get("parameter"), "sweep.parameter");
        double from = number(f.get("from"), "sweep.from");
        double to = number(f.get("to"), "sweep.to");
        int steps = wholeNumber(f.get("steps"), "sweep.steps");
        WhatIf swept = apply(node, "sweep", w, x -> x.withSweep(parameter, from, to, steps));
        // Setting the first value now reports a parameter that is unknown, or does not fit the workload, at its line.
        apply(f.get("parameter"), "sweep.parameter", swept, x -> x.with(parameter, from));
        return swept;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Node> map(Node node, String where, List<String> validKeys) {
        if (!(node.value() instanceof Map))
            throw new WhatIfFileException(file, node.line(), "field " + where + ": expected keys and values but was " + shown(node));
        Map<String, Node> map = (Map<String, Node>) node.value();
        if (validKeys != null)
            for (var e : map.entrySet())
                if (!validKeys.contains(e.getKey()))
                    throw new WhatIfFileException(file, e.getValue().line(), "unknown key '" + e.getKey() + "' at line "
                            + e.getValue().line() + " in " + where + "; valid keys: " + String.join(", ", validKeys)
                            + "; did you mean '" + closestKey(e.getKey(), validKeys) + "'?");
        return map;
    }

    /** The valid key most like {@code key}: among those sharing its longest prefix (of 3 or more), the closest spelled. */
    static String closestKey(String key, List<String> validKeys) {
        int longest = validKeys.stream().mapToInt(k -> commonPrefix(k, key)).max().orElse(0);
        List<String> candidates = longest >= 3 ? validKeys.stream().filter(k -> commonPrefix(k, key) == longest).toList() : validKeys;
        return ClosestIds.to(key, candidates).get(0);
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && Character.toLowerCase(a.charAt(n)) == Character.toLowerCase(b.charAt(n))) n++;
        return n;
    }

    @SuppressWarnings("unchecked")
    private List<Node> list(Node node, String where) {
        if (!(node.value() instanceof List))
            throw new WhatIfFileException(file, node.line(), "field " + where + ": expected a list but was " + shown(node));
        return (List<Node>) node.value();
    }

    private String text(Node node, String where) {
        if (node.value() instanceof String s && !s.isBlank()) return s;
        throw new WhatIfFileException(file, node.line(), "field " + where + ": expected text but was " + shown(node));
    }

    private double number(Node node, String where) {
        if (node.value() instanceof Double d) return d;
        if (node.value() instanceof String s) {
            try {
                return Double.parseDouble(s.replace("_", ""));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new WhatIfFileException(file, node.line(), "field " + where + ": expected a number but was " + shown(node));
    }

    private int wholeNumber(Node node, String where) {
        double value = number(node, where);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE)
            throw new WhatIfFileException(file, node.line(), "field " + where + ": expected a whole number but was " + shown(node));
        return (int) value;
    }

    private static String shown(Node node) {
        Object v = node.value();
        if (v instanceof Map) return "a map";
        if (v instanceof List) return "a list";
        if (v instanceof Double d) return d == Math.rint(d) ? String.format(Locale.ROOT, "%.0f", d) : d.toString();
        return v == null ? "empty" : "'" + v + "'";
    }

    private WhatIf apply(Node node, String where, WhatIf w, java.util.function.UnaryOperator<WhatIf> change) {
        return at(node, where, () -> change.apply(w));
    }

    /** Checks, when a catalog is given, that {@code lookup} finds the id written at {@code node}. */
    private void known(Node node, String where, java.util.function.Consumer<Catalog> lookup) {
        if (catalog == null) return;
        try {
            lookup.accept(catalog);
        } catch (UnknownIdException e) {
            throw new WhatIfFileException(file, node.line(), "field " + where + ": " + e.getMessage());
        }
    }

    /** Runs {@code make}, reporting a rule it breaks at {@code node}'s line. */
    private <T> T at(Node node, String where, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException | CostplanException e) {
            throw new WhatIfFileException(file, node.line(), "field " + where + ": " + e.getMessage());
        }
    }
}
