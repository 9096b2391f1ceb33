package costplan.catalog;

import costplan.internal.ClosestIds;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The devices, open-weight models and engines costplan simulates, as read from {@code hardware-catalog/} or a
 * person's own copy of it. Lookups of unknown ids fail with the closest known ids.
 *
 * <pre>{@code
 * Catalog catalog = Catalog.bundled();
 * catalog.device("mac-studio-m3-ultra-256gb").usableBytes();
 * catalog.model("qwen3-coder-30b-a3b").quantization("q4_k_m");
 * }</pre>
 */
public final class Catalog {
    private final Map<String, Device> devices;
    private final Map<String, OpenModel> models;
    private final Map<String, String> modelIdsByAlias;
    private final Map<String, Engine> engines;
    private final ModelQuality quality;

    Catalog(List<Device> devices, List<OpenModel> models, List<Engine> engines) {
        this(devices, models, engines, ModelQuality.empty());
    }

    Catalog(List<Device> devices, List<OpenModel> models, List<Engine> engines, ModelQuality quality) {
        this.quality = quality;
        this.devices = byId(devices, Device::id);
        this.models = byId(models, OpenModel::id);
        this.engines = byId(engines, Engine::id);
        Map<String, String> aliases = new LinkedHashMap<>();
        for (OpenModel model : models) {
            aliases.put(model.id(), model.id());
            for (String alias : model.aliases()) aliases.putIfAbsent(alias, model.id());
        }
        this.modelIdsByAlias = Map.copyOf(aliases);
    }

    private static <T> Map<String, T> byId(List<T> items, java.util.function.Function<T, String> id) {
        Map<String, T> map = new TreeMap<>();
        for (T item : items) map.put(id.apply(item), item);
        return java.util.Collections.unmodifiableMap(map);
    }

    /** A copy with {@code engine} in place of the engine of the same id, e.g. with a person's own calibration. */
    public Catalog withEngine(Engine engine) {
        List<Engine> replaced = engines.values().stream().map(e -> e.id().equals(engine.id()) ? engine : e).toList();
        return new Catalog(List.copyOf(devices.values()), List.copyOf(models.values()), replaced, quality);
    }

    /** A copy with {@code device} in place of the device of the same id, e.g. with a scenario's own price. */
    public Catalog withDevice(Device device) {
        List<Device> replaced = devices.values().stream().map(d -> d.id().equals(device.id()) ? device : d).toList();
        return new Catalog(replaced, List.copyOf(models.values()), List.copyOf(engines.values()));
    }

    /** The catalog shipped with costplan. */
    public static Catalog bundled() {
        return CatalogReader.bundled().catalogOrThrow();
    }

    /** A person's own catalog folder holding {@code devices/}, {@code models/} and {@code engines/}. */
    public static Catalog load(Path folder) {
        return CatalogReader.read(folder).catalogOrThrow();
    }

    public Collection<Device> devices() {
        return devices.values();
    }

    public Collection<OpenModel> models() {
        return models.values();
    }

    public Collection<Engine> engines() {
        return engines.values();
    }

    /** Returns the benchmark scores, tool-calling problems and tokenizer ratios of the catalog's quality files. */
    public ModelQuality quality() {
        return quality;
    }

    /** Returns whether {@code idOrAlias} names a model of this catalog. */
    public boolean knowsModel(String idOrAlias) {
        return modelIdsByAlias.containsKey(idOrAlias);
    }

    public Device device(String id) {
        Device device = devices.get(id);
        if (device == null) throw new UnknownIdException("device", id, ClosestIds.to(id, devices.keySet()), "costplan catalog devices");
        return device;
    }

    /** The model with this id or alias. */
    public OpenModel model(String idOrAlias) {
        String id = modelIdsByAlias.get(idOrAlias);
        if (id == null) throw new UnknownIdException("model", idOrAlias, ClosestIds.to(idOrAlias, modelIdsByAlias.keySet()),
                "costplan catalog models");
        return models.get(id);
    }

    public Engine engine(String id) {
        Engine engine = engines.get(id);
        if (engine == null) throw new UnknownIdException("engine", id, ClosestIds.to(id, engines.keySet()), "costplan catalog engines");
        return engine;
    }

    /** Resolves {@code model[:quant]} (default quantization: q4_k_m, else the smallest file) to a model and one release. */
    public ModelChoice modelChoice(String reference) {
        int colon = reference.indexOf(':');
        OpenModel model = model(colon < 0 ? reference : reference.substring(0, colon));
        if (colon < 0) return new ModelChoice(model, defaultQuantization(model));
        String quant = reference.substring(colon + 1).toLowerCase(java.util.Locale.ROOT);
        return new ModelChoice(model, model.quantization(quant).orElseThrow(() -> new UnknownIdException(
                "quantization of " + model.id(), quant, ClosestIds.to(quant, model.quantizations().keySet()),
                "costplan catalog models " + model.id())));
    }

    private static Quantization defaultQuantization(OpenModel model) {
        return model.quantization("q4_k_m").orElseGet(() -> model.quantizations().values().stream()
                .min(java.util.Comparator.comparingDouble(Quantization::fileGB)).orElseThrow());
    }

    /** Returns the counts and ids, e.g. for JShell. */
    @Override
    public String toString() {
        return devices.size() + " devices: " + String.join(", ", devices.keySet()) + "\n" + models.size() + " models: "
                + String.join(", ", models.keySet()) + "\n" + engines.size() + " engines: " + String.join(", ", engines.keySet());
    }
}
