package costplan.whatif;

import costplan.catalog.Resale;
import costplan.plan.Assumptions;
import costplan.workload.DailyWorkload;
import costplan.workload.SyntheticWorkload;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A what-if scenario: a workload, what it is compared with (the API, subscriptions), the machines to try, the
 * numbers changed from costplan's defaults and catalog, and optionally one number to sweep. Every number has a
 * {@code with...} method that returns a new scenario; {@link #with(String, double)} sets one by its file key.
 *
 * <pre>{@code
 * WhatIf w = Costplan.scenario().withTokensPerDay(20_000_000).withOption("mac-studio-m3-ultra-256gb", "qwen3-coder-next");
 * w.withElectricity(0.40).plan();
 * w.sweep("growthPerMonth", 0, 0.2, 5);
 * }</pre>
 *
 * @param growthPerMonth monthly usage growth, or null for costplan's default range
 * @param baselines what is paid today: {@code api} and/or subscription ids; the first one is the sweep's
 * @param options the machines to try; empty tries every catalog device
 * @param sweep the number to sweep when the scenario is run, or null
 * @param samples Monte Carlo samples per option
 */
public record WhatIf(String name, String question, WorkloadSpec workload, Double growthPerMonth, List<String> baselines,
                     List<OptionSpec> options, Overrides overrides, Sweep sweep, int samples, long seed) {

    /** About $6 a day of Sonnet 4.6 at API prices, the average Claude Code developer's spend quoted in seed article 002. */
    public static final DailyWorkload DEFAULT_DAILY = new DailyWorkload(8_000_000, 0.01, 0.9, 2, 8, 30, 5,
            LocalDate.of(2026, 3, 2), 9, "claude-sonnet-4-6");
    public static final SyntheticWorkload DEFAULT_SESSIONS = new SyntheticWorkload(5, LocalDate.of(2026, 3, 2), 9, 8, 2,
            30_000, 2_000, 500, 150_000, 30, "claude-sonnet-4-6", 1);
    /** A scenario with the default daily workload against the API, every catalog device, nothing overridden. */
    public static final WhatIf DEFAULT = new WhatIf("what-if", "", new WorkloadSpec.Daily(DEFAULT_DAILY), null,
            List.of("api"), List.of(), Overrides.NONE, null, 2000, 1);

    /** The keys {@link #with(String, double)} takes; {@code <id>} stands for a device or cloud model id. */
    public static final List<String> NUMBER_KEYS = List.of("growthPerMonth", "samples", "seed",
            "overrides.electricityUsdPerKwh", "overrides.localCapableShare", "overrides.resaleScale",
            "overrides.lifeMonths", "overrides.maxSlowdown",
            "overrides.devices.<id>.purchaseUsd", "overrides.devices.<id>.idleWatts", "overrides.devices.<id>.loadWatts",
            "overrides.devices.<id>.rentalUsdPerHour",
            "overrides.cloudPrices.<id>.input", "overrides.cloudPrices.<id>.output", "overrides.cloudPrices.<id>.cacheWrite5m",
            "overrides.cloudPrices.<id>.cacheWrite1h", "overrides.cloudPrices.<id>.cacheRead",
            "workload.daily.tokensPerDay", "workload.daily.outputShare", "workload.daily.cacheReadShare",
            "workload.daily.sessions", "workload.daily.workingHours", "workload.daily.requestsPerSessionHour",
            "workload.daily.days", "workload.daily.workStartHour",
            "workload.sessions.days", "workload.sessions.workStartHour", "workload.sessions.workingHours",
            "workload.sessions.parallelSessions", "workload.sessions.bootContextTokens",
            "workload.sessions.addedTokensPerTurn", "workload.sessions.outputTokensPerTurn",
            "workload.sessions.compactAtTokens", "workload.sessions.thinkSeconds", "workload.sessions.seed");

    public WhatIf {
        baselines = List.copyOf(baselines);
        options = List.copyOf(options);
        if (baselines.isEmpty()) throw new IllegalArgumentException("a scenario needs at least one baseline (api or a subscription id)");
        if (samples < 1 || samples > 1_000_000) throw new IllegalArgumentException("samples must be 1 to 1,000,000 but was " + samples);
        overrides.assumptions(growthPerMonth); // checks the ranges of the numbers set
    }

    /** The plan's assumptions: costplan's defaults with what this scenario sets. */
    public Assumptions assumptions() {
        return overrides.assumptions(growthPerMonth);
    }

    /** Plans every option against every baseline (no sweep). */
    public WhatIfResult plan() {
        return WhatIfRunner.bundled().plan(this);
    }

    /** Plans every option against the first baseline at each value of {@code parameter} (a key of {@link #NUMBER_KEYS}). */
    public SweepResult sweep(String parameter, double from, double to, int steps) {
        return WhatIfRunner.bundled().sweep(this, new Sweep(parameter, from, to, steps));
    }

    /** Plans, then sweeps when the scenario names a sweep. */
    public WhatIfResult run() {
        return WhatIfRunner.bundled().run(this);
    }

    public WhatIf withName(String value) {
        return new WhatIf(value, question, workload, growthPerMonth, baselines, options, overrides, sweep, samples, seed);
    }

    public WhatIf withQuestion(String value) {
        return new WhatIf(name, value, workload, growthPerMonth, baselines, options, overrides, sweep, samples, seed);
    }

    public WhatIf withWorkload(WorkloadSpec value) {
        return new WhatIf(name, question, value, growthPerMonth, baselines, options, overrides, sweep, samples, seed);
    }

    /** Reads the requests from Claude Code logs at {@code path}. */
    public WhatIf withLogs(String path) {
        return withWorkload(new WorkloadSpec.Logs(Path.of(path)));
    }

    public WhatIf withDaily(DailyWorkload value) {
        return withWorkload(new WorkloadSpec.Daily(value));
    }

    public WhatIf withSessions(SyntheticWorkload value) {
        return withWorkload(new WorkloadSpec.Sessions(value));
    }

    public WhatIf withGrowth(double perMonth) {
        return new WhatIf(name, question, workload, perMonth, baselines, options, overrides, sweep, samples, seed);
    }

    public WhatIf withBaselines(String... ids) {
        return new WhatIf(name, question, workload, growthPerMonth, List.of(ids), options, overrides, sweep, samples, seed);
    }

    public WhatIf withOptions(OptionSpec... value) {
        return withOptions(List.of(value));
    }

    public WhatIf withOptions(List<OptionSpec> value) {
        return new WhatIf(name, question, workload, growthPerMonth, baselines, value, overrides, sweep, samples, seed);
    }

    /** Adds {@code device} running {@code model} ({@code id[:quant]}) to the options. */
    public WhatIf withOption(String device, String model) {
        List<OptionSpec> more = new ArrayList<>(options);
        more.add(OptionSpec.of(device, model));
        return withOptions(more);
    }

    public WhatIf withOverrides(Overrides value) {
        return new WhatIf(name, question, workload, growthPerMonth, baselines, options, value, sweep, samples, seed);
    }

    public WhatIf withSweep(String parameter, double from, double to, int steps) {
        return new WhatIf(name, question, workload, growthPerMonth, baselines, options, overrides,
                new Sweep(parameter, from, to, steps), samples, seed);
    }

    public WhatIf withSamples(int value) {
        return new WhatIf(name, question, workload, growthPerMonth, baselines, options, overrides, sweep, value, seed);
    }

    public WhatIf withSeed(long value) {
        return new WhatIf(name, question, workload, growthPerMonth, baselines, options, overrides, sweep, samples, value);
    }

    public WhatIf withElectricity(double usdPerKwh) {
        return withOverrides(overrides.withElectricity(usdPerKwh));
    }

    public WhatIf withLocalCapableShare(double share) {
        return withOverrides(overrides.withLocalCapableShare(share));
    }

    public WhatIf withResaleScale(double scale) {
        return withOverrides(overrides.withResaleScale(scale));
    }

    public WhatIf withLifeMonths(int months) {
        return withOverrides(overrides.withLifeMonths(months));
    }

    public WhatIf withMaxSlowdown(double limit) {
        return withOverrides(overrides.withMaxSlowdown(limit));
    }

    public WhatIf withDevicePrice(String device, double usd) {
        return withOverrides(overrides.withDevice(device, overrides.device(device).withPurchaseUsd(usd)));
    }

    public WhatIf withDeviceWatts(String device, double idle, double load) {
        return withOverrides(overrides.withDevice(device, overrides.device(device).withIdleWatts(idle).withLoadWatts(load)));
    }

    public WhatIf withRentalPerHour(String device, double usd) {
        return withOverrides(overrides.withDevice(device, overrides.device(device).withRentalUsdPerHour(usd)));
    }

    /** Sets the share of {@code device}'s price left after one, two and three years. */
    public WhatIf withDeviceResale(String device, double afterYear1, double afterYear2, double afterYear3) {
        return withOverrides(overrides.withDevice(device, overrides.device(device).withResale(new Resale(afterYear1, afterYear2, afterYear3))));
    }

    /** Sets {@code model}'s input and output price per million tokens (cache prices at Anthropic's ratios). */
    public WhatIf withCloudPrice(String model, double input, double output) {
        return withOverrides(overrides.withCloudPrice(model, CloudPrice.of(input, output)));
    }

    public WhatIf withTokensPerDay(long tokens) {
        DailyWorkload d = daily("tokensPerDay");
        return withDaily(new DailyWorkload(tokens, d.outputShare(), d.cacheReadShare(), d.sessions(), d.workingHours(),
                d.requestsPerSessionHour(), d.days(), d.firstDay(), d.workStartHour(), d.model()));
    }

    public WhatIf withOutputShare(double share) {
        DailyWorkload d = daily("outputShare");
        return withDaily(new DailyWorkload(d.tokensPerDay(), share, d.cacheReadShare(), d.sessions(), d.workingHours(),
                d.requestsPerSessionHour(), d.days(), d.firstDay(), d.workStartHour(), d.model()));
    }

    public WhatIf withCacheReadShare(double share) {
        DailyWorkload d = daily("cacheReadShare");
        return withDaily(new DailyWorkload(d.tokensPerDay(), d.outputShare(), share, d.sessions(), d.workingHours(),
                d.requestsPerSessionHour(), d.days(), d.firstDay(), d.workStartHour(), d.model()));
    }

    public WhatIf withRequestsPerSessionHour(double requests) {
        DailyWorkload d = daily("requestsPerSessionHour");
        return withDaily(new DailyWorkload(d.tokensPerDay(), d.outputShare(), d.cacheReadShare(), d.sessions(), d.workingHours(),
                requests, d.days(), d.firstDay(), d.workStartHour(), d.model()));
    }

    /** Sessions side by side, in either synthetic workload. */
    public WhatIf withParallelSessions(int sessions) {
        if (workload instanceof WorkloadSpec.Sessions s) return withSessions(sessions(s.shape(), "parallelSessions", sessions));
        DailyWorkload d = daily("sessions");
        return withDaily(new DailyWorkload(d.tokensPerDay(), d.outputShare(), d.cacheReadShare(), sessions, d.workingHours(),
                d.requestsPerSessionHour(), d.days(), d.firstDay(), d.workStartHour(), d.model()));
    }

    /** Hours a day the sessions run, in either synthetic workload. */
    public WhatIf withWorkingHours(double hours) {
        if (workload instanceof WorkloadSpec.Sessions s) return withSessions(sessions(s.shape(), "workingHours", hours));
        DailyWorkload d = daily("workingHours");
        return withDaily(new DailyWorkload(d.tokensPerDay(), d.outputShare(), d.cacheReadShare(), d.sessions(), hours,
                d.requestsPerSessionHour(), d.days(), d.firstDay(), d.workStartHour(), d.model()));
    }

    /** Working days simulated, in either synthetic workload. */
    public WhatIf withDays(int days) {
        if (workload instanceof WorkloadSpec.Sessions s) return withSessions(sessions(s.shape(), "days", days));
        DailyWorkload d = daily("days");
        return withDaily(new DailyWorkload(d.tokensPerDay(), d.outputShare(), d.cacheReadShare(), d.sessions(), d.workingHours(),
                d.requestsPerSessionHour(), days, d.firstDay(), d.workStartHour(), d.model()));
    }

    /** The hour of day (UTC) work starts, in either synthetic workload. */
    public WhatIf withWorkStartHour(int hour) {
        if (workload instanceof WorkloadSpec.Sessions s) return withSessions(sessions(s.shape(), "workStartHour", hour));
        DailyWorkload d = daily("workStartHour");
        return withDaily(new DailyWorkload(d.tokensPerDay(), d.outputShare(), d.cacheReadShare(), d.sessions(), d.workingHours(),
                d.requestsPerSessionHour(), d.days(), d.firstDay(), hour, d.model()));
    }

    /** The cloud model the synthetic requests went to. */
    public WhatIf withCloudModel(String model) {
        if (workload instanceof WorkloadSpec.Sessions s) {
            SyntheticWorkload w = s.shape();
            return withSessions(new SyntheticWorkload(w.days(), w.firstDay(), w.workStartHour(), w.workingHours(), w.parallelSessions(),
                    w.bootContextTokens(), w.addedTokensPerTurn(), w.outputTokensPerTurn(), w.compactAtTokens(), w.thinkSeconds(), model, w.seed()));
        }
        DailyWorkload d = daily("model");
        return withDaily(new DailyWorkload(d.tokensPerDay(), d.outputShare(), d.cacheReadShare(), d.sessions(), d.workingHours(),
                d.requestsPerSessionHour(), d.days(), d.firstDay(), d.workStartHour(), model));
    }

    /** Sets a number of the session-shaped workload by its name in {@link SyntheticWorkload}. */
    public WhatIf withSessionShape(String field, double value) {
        if (!(workload instanceof WorkloadSpec.Sessions s))
            throw new IllegalArgumentException("'" + field + "' applies to a sessions workload, but this scenario's workload is " + workload);
        return withSessions(sessions(s.shape(), field, value));
    }

    /** Sets the number at {@code key} (one of {@link #NUMBER_KEYS}, as in a scenario file) to {@code value}. */
    public WhatIf with(String key, double value) {
        String[] p = key.split("\\.", 2);
        String rest = p.length > 1 ? p[1] : "";
        switch (p[0]) {
            case "growthPerMonth": if (rest.isEmpty()) return withGrowth(value); break;
            case "samples": if (rest.isEmpty()) return withSamples(whole(key, value)); break;
            case "seed": if (rest.isEmpty()) return withSeed(whole(key, value)); break;
            case "overrides": return withOverride(key, rest, value);
            case "workload": return withWorkloadNumber(key, rest, value);
            default: break;
        }
        throw unknownKey(key);
    }

    private WhatIf withOverride(String key, String rest, double value) {
        switch (rest) {
            case "electricityUsdPerKwh": return withElectricity(value);
            case "localCapableShare": return withLocalCapableShare(value);
            case "resaleScale": return withResaleScale(value);
            case "lifeMonths": return withLifeMonths(whole(key, value));
            case "maxSlowdown": return withMaxSlowdown(value);
            default: break;
        }
        int dot = rest.lastIndexOf('.');
        String field = rest.substring(dot + 1);
        if (rest.startsWith("devices.") && dot > "devices.".length()) {
            String id = rest.substring("devices.".length(), dot);
            DeviceOverride d = overrides.device(id);
            DeviceOverride changed = switch (field) {
                case "purchaseUsd" -> d.withPurchaseUsd(value);
                case "idleWatts" -> d.withIdleWatts(value);
                case "loadWatts" -> d.withLoadWatts(value);
                case "rentalUsdPerHour" -> d.withRentalUsdPerHour(value);
                default -> throw unknownKey(key);
            };
            return withOverrides(overrides.withDevice(id, changed));
        }
        if (rest.startsWith("cloudPrices.") && dot > "cloudPrices.".length()) {
            String model = rest.substring("cloudPrices.".length(), dot);
            CloudPrice price = overrides.cloudPrices().get(model);
            if (price == null) throw new IllegalArgumentException("set both input and output of cloudPrices." + model + " before its other prices");
            CloudPrice changed = switch (field) {
                case "input" -> price.withInput(value);
                case "output" -> price.withOutput(value);
                case "cacheWrite5m" -> price.withCacheWrite5m(value);
                case "cacheWrite1h" -> price.withCacheWrite1h(value);
                case "cacheRead" -> price.withCacheRead(value);
                default -> throw unknownKey(key);
            };
            return withOverrides(overrides.withCloudPrice(model, changed));
        }
        throw unknownKey(key);
    }

    private WhatIf withWorkloadNumber(String key, String rest, double value) {
        if (rest.startsWith("sessions.")) {
            if (!NUMBER_KEYS.contains(key)) throw unknownKey(key);
            return withSessionShape(rest.substring("sessions.".length()), value);
        }
        return switch (rest) {
            case "daily.tokensPerDay" -> withTokensPerDay(whole(key, value));
            case "daily.outputShare" -> withOutputShare(value);
            case "daily.cacheReadShare" -> withCacheReadShare(value);
            case "daily.sessions" -> withParallelSessions(whole(key, value));
            case "daily.workingHours" -> withWorkingHours(value);
            case "daily.requestsPerSessionHour" -> withRequestsPerSessionHour(value);
            case "daily.days" -> withDays(whole(key, value));
            case "daily.workStartHour" -> withWorkStartHour(whole(key, value));
            default -> throw unknownKey(key);
        };
    }

    private DailyWorkload daily(String field) {
        if (workload instanceof WorkloadSpec.Daily d) return d.volume();
        throw new IllegalArgumentException("'" + field + "' applies to a daily workload, but this scenario's workload is " + workload);
    }

    private static SyntheticWorkload sessions(SyntheticWorkload w, String field, double v) {
        return new SyntheticWorkload(
                field.equals("days") ? whole(field, v) : w.days(), w.firstDay(),
                field.equals("workStartHour") ? whole(field, v) : w.workStartHour(),
                field.equals("workingHours") ? v : w.workingHours(),
                field.equals("parallelSessions") ? whole(field, v) : w.parallelSessions(),
                field.equals("bootContextTokens") ? whole(field, v) : w.bootContextTokens(),
                field.equals("addedTokensPerTurn") ? whole(field, v) : w.addedTokensPerTurn(),
                field.equals("outputTokensPerTurn") ? whole(field, v) : w.outputTokensPerTurn(),
                field.equals("compactAtTokens") ? whole(field, v) : w.compactAtTokens(),
                field.equals("thinkSeconds") ? v : w.thinkSeconds(), w.model(),
                field.equals("seed") ? whole(field, v) : w.seed());
    }

    private static int whole(String key, double value) {
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE)
            throw new IllegalArgumentException("'" + key + "' must be a whole number but was " + value);
        return (int) value;
    }

    private static IllegalArgumentException unknownKey(String key) {
        return new IllegalArgumentException("unknown number '" + key + "'; did you mean " + WhatIfFile.closestKey(key, NUMBER_KEYS)
                + "? (valid: " + String.join(", ", NUMBER_KEYS) + ")");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %s; against %s; %s; %d samples, seed %d", name, workload,
                String.join(", ", baselines), options.isEmpty() ? "every catalog device" : options.size() + " options", samples, seed);
    }
}
