package costplan.whatif;

import java.util.List;

/**
 * One machine a scenario tries: a device id, and optionally the model ({@code id[:quant]}), engine, KV-cache
 * policy, parallel slots, KV cache type and routing rules. Null model: the largest and the fastest capable model
 * that fit; null engine: llama.cpp; null slots: the workload's parallel sessions (at most 8).
 *
 * @param routes rules as on the command line: {@code model:TEXT}, {@code context>TOKENS}, {@code wait>SECONDS}, {@code share:FRACTION}
 */
public record OptionSpec(String device, String model, String engine, String policy, Integer slots, String kvType,
                         List<String> routes) {
    public OptionSpec {
        if (device == null || device.isBlank()) throw new IllegalArgumentException("an option needs a device id");
        if (slots != null && (slots < 1 || slots > 256)) throw new IllegalArgumentException("slots must be 1 to 256 but was " + slots);
        if (policy == null) policy = "session";
        if (kvType == null) kvType = "f16";
        routes = List.copyOf(routes);
    }

    /** {@code device} with its default models, engine and settings. */
    public static OptionSpec of(String device) {
        return new OptionSpec(device, null, null, null, null, null, List.of());
    }

    /** {@code device} running {@code model} ({@code id[:quant]}). */
    public static OptionSpec of(String device, String model) {
        return of(device).withModel(model);
    }

    public OptionSpec withModel(String value) {
        return new OptionSpec(device, value, engine, policy, slots, kvType, routes);
    }

    public OptionSpec withEngine(String value) {
        return new OptionSpec(device, model, value, policy, slots, kvType, routes);
    }

    public OptionSpec withPolicy(String value) {
        return new OptionSpec(device, model, engine, value, slots, kvType, routes);
    }

    public OptionSpec withSlots(int value) {
        return new OptionSpec(device, model, engine, policy, value, kvType, routes);
    }

    public OptionSpec withKvType(String value) {
        return new OptionSpec(device, model, engine, policy, slots, value, routes);
    }

    public OptionSpec withRoutes(String... rules) {
        return new OptionSpec(device, model, engine, policy, slots, kvType, List.of(rules));
    }

    @Override
    public String toString() {
        return device + (model == null ? "" : " / " + model) + (engine == null ? "" : " / " + engine) + " / " + policy
                + (slots == null ? "" : " / " + slots + " slots") + (routes.isEmpty() ? "" : " / routes " + String.join(", ", routes));
    }
}
