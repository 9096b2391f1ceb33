package costplan.plan;

import costplan.calibration.ChipCalibration;
import costplan.catalog.Catalog;
import costplan.catalog.KvCacheType;
import costplan.importers.CostplanException;
import costplan.replay.CachePolicy;
import costplan.replay.RouteRule;
import costplan.speed.SpeedModel;
import costplan.speed.SpeedModels;
import costplan.workload.ArrivalModel;
import costplan.workload.CloudSpeed;

import java.util.Arrays;
import java.util.List;

/**
 * Everything a plan is asked with besides the usage: which devices and models to try under which engine, cache
 * policy, parallel slots, KV-cache type and routing rules; what the person pays today; the assumptions; the catalog
 * (with a calibration applied when given); the speed model; the Monte Carlo samples and seed; the cloud speed the
 * think time is recovered with; and the arrival model that stands in for aggregated exports.
 *
 * <pre>{@code
 * PlanSettings s = PlanSettings.defaults().withDevices("rtx-5090", "mac-studio-m3-ultra-256gb").withSlots(2);
 * usage.plan(s);
 * }</pre>
 *
 * @param devices device ids to try; empty tries every catalog device
 * @param models models to try ({@code id[:quant]}); empty tries the default candidates of each device
 * @param engine engine id, or null for llama.cpp
 * @param slots requests served at once, or null for the measured parallelism (see {@link #slotsFor})
 * @param routes rules sending matching requests to the cloud
 * @param baseline {@code api} or a subscription id; null for the cheapest of {@link Baseline#CANDIDATES}
 * @param calibration factors from {@code costplan calibrate} applied to their engine, or null
 * @param qualityFloor the lowest shared-harness score a model needs to be a default candidate
 * @param maxQualityDrop the most points a cloud model may score above the local model for its requests to move
 *        locally, or null for no limit
 * @param uptime when rented and owned machines run: the idle gap that ends a stretch of work, the rental mode,
 *               whether an owned machine stays on outside working hours
 */
public record PlanSettings(List<String> devices, List<String> models, String engine, CachePolicy policy, Integer slots,
                           KvCacheType kvType, List<RouteRule> routes, String baseline, Assumptions assumptions,
                           Catalog catalog, ChipCalibration calibration, SpeedModel speeds, int samples, long seed,
                           CloudSpeed cloudSpeed, ArrivalModel arrivals, double qualityFloor, Double maxQualityDrop,
                           Uptime uptime) {
    /** The most slots the default gives: more is no longer one person's machine. */
    public static final int MAX_DEFAULT_SLOTS = 8;
    /**
     * Default candidates score at least this on a shared harness (SWE-bench Verified, % resolved): about two thirds
     * of what Claude Sonnet and Opus 4.5 score there, below which a model fails most of the tasks they solve.
     */
    public static final double DEFAULT_QUALITY_FLOOR = 50;
    /** Bounds on the Monte Carlo samples per option. */
    public static final int MAX_SAMPLES = 1_000_000;

    public PlanSettings {
        devices = List.copyOf(devices);
        models = List.copyOf(models);
        routes = List.copyOf(routes);
        if (slots != null && (slots < 1 || slots > 256)) throw CostplanException.badOption("--slots", "must be 1 to 256", slots);
        if (samples < 1 || samples > MAX_SAMPLES)
            throw CostplanException.badOption("--samples", "must be 1 to 1,000,000", samples);
        if (!(qualityFloor >= 0 && qualityFloor <= 100)) throw CostplanException.badOption("--quality-floor", "must be 0 to 100", qualityFloor);
        if (maxQualityDrop != null && !(maxQualityDrop >= 0 && maxQualityDrop <= 100))
            throw CostplanException.badOption("--max-quality-drop", "must be 0 to 100 points", maxQualityDrop);
        if (baseline != null && baseline.isBlank()) throw CostplanException.badOption("--baseline", "must name api or a plan", "blank");
    }

    /**
     * Every device of the bundled catalog with its default candidates, llama.cpp, in-session KV reuse, the cheapest
     * baseline that pays for the logged work, and {@link Uptime#DEFAULTS}.
     */
    public static PlanSettings defaults() {
        return new PlanSettings(List.of(), List.of(), null, CachePolicy.SESSION, null, KvCacheType.F16, List.of(),
                null, Assumptions.DEFAULTS, Catalog.bundled(), null, SpeedModels.standard(), 2000, 1,
                CloudSpeed.TYPICAL, ArrivalModel.DEFAULTS, DEFAULT_QUALITY_FLOOR, null, Uptime.DEFAULTS);
    }

    /** Returns the catalog with the calibration applied to its engine, when there is one. */
    public Catalog catalogInUse() {
        return calibration == null ? catalog : catalog.withEngine(calibration.applyTo(catalog.engine(calibration.engine())));
    }

    /** Returns the slots to serve: the ones set, or the most agent threads that worked at once (1 to 8). */
    public int slotsFor(int peakParallelAgentThreads) {
        return slots != null ? slots : Math.max(1, Math.min(MAX_DEFAULT_SLOTS, peakParallelAgentThreads));
    }

    public PlanSettings withDevices(String... ids) {
        return withDevices(Arrays.asList(ids));
    }

    public PlanSettings withDevices(List<String> ids) {
        return new PlanSettings(ids, models, engine, policy, slots, kvType, routes, baseline, assumptions, catalog,
                calibration, speeds, samples, seed, cloudSpeed, arrivals, qualityFloor, maxQualityDrop, uptime);
    }

    public PlanSettings withModels(String... refs) {
        return withModels(Arrays.asList(refs));
    }

    public PlanSettings withModels(List<String> refs) {
        return new PlanSettings(devices, refs, engine, policy, slots, kvType, routes, baseline, assumptions, catalog,
                calibration, speeds, samples, seed, cloudSpeed, arrivals, qualityFloor, maxQualityDrop, uptime);
    }

    public PlanSettings withEngine(String id) {
        return new PlanSettings(devices, models, id, policy, slots, kvType, routes, baseline, assumptions, catalog,
                calibration, speeds, samples, seed, cloudSpeed, arrivals, qualityFloor, maxQualityDrop, uptime);
    }

    public PlanSettings withPolicy(CachePolicy value) {
        return new PlanSettings(devices, models, engine, value, slots, kvType, routes, baseline, assumptions, catalog,
                calibration, speeds, samples, seed, cloudSpeed, arrivals, qualityFloor, maxQualityDrop, uptime);
    }

    public PlanSettings withSlots(Integer value) {
        return new PlanSettings(devices, models, engine, policy, value, kvType, routes, baseline, assumptions, catalog,
                calibration, speeds, samples, seed, cloudSpeed, arrivals, qualityFloor, maxQualityDrop, uptime);
    }

    public PlanSettings withKvType(KvCacheType value) {
        return new PlanSettings(devices, models, engine, policy, slots, value, routes, baseline, assumptions, catalog,
                calibration, speeds, samples, seed, cloudSpeed, arrivals, qualityFloor, maxQualityDrop, uptime);
    }

    public PlanSettings withRoutes(List<RouteRule> value) {
        return new PlanSettings(devices, models, engine, policy, slots, kvType, value, baseline, assumptions, catalog,
                calibration, speeds, samples, seed, cloudSpeed, arrivals, qualityFloor, maxQualityDrop, uptime);
    }

    public PlanSettings withBaseline(String id) {
        return new PlanSettings(devices, models, engine, policy, slots, kvType, routes, id, assumptions, catalog,
                calibration, speeds, samples, seed, cloudSpeed, arrivals, qualityFloor, maxQualityDrop, uptime);
    }

    public PlanSettings withAssumptions(Assumptions value) {
        return new PlanSettings(devices, models, engine, policy, slots, kvType, routes, baseline, value, catalog,
                calibration, speeds, samples, seed, cloudSpeed, arrivals, qualityFloor, maxQualityDrop, uptime);
    }

    public PlanSettings withCatalog(Catalog value) {
        return new PlanSettings(devices, models, engine, policy, slots, kvType, routes, baseline, assumptions, value,
                calibration, speeds, samples, seed, cloudSpeed, arrivals, qualityFloor, maxQualityDrop, uptime);
    }

    public PlanSettings withCalibration(ChipCalibration value) {
        return new PlanSettings(devices, models, engine, policy, slots, kvType, routes, baseline, assumptions, catalog,
                value, speeds, samples, seed, cloudSpeed, arrivals, qualityFloor, maxQualityDrop, uptime);
    }

    public PlanSettings withSpeeds(SpeedModel value) {
        return new PlanSettings(devices, models, engine, policy, slots, kvType, routes, baseline, assumptions, catalog,
                calibration, value, samples, seed, cloudSpeed, arrivals, qualityFloor, maxQualityDrop, uptime);
    }

    public PlanSettings withSamples(int value) {
        return new PlanSettings(devices, models, engine, policy, slots, kvType, routes, baseline, assumptions, catalog,
                calibration, speeds, value, seed, cloudSpeed, arrivals, qualityFloor, maxQualityDrop, uptime);
    }

    public PlanSettings withSeed(long value) {
        return new PlanSettings(devices, models, engine, policy, slots, kvType, routes, baseline, assumptions, catalog,
                calibration, speeds, samples, value, cloudSpeed, arrivals, qualityFloor, maxQualityDrop, uptime);
    }

    public PlanSettings withCloudSpeed(CloudSpeed value) {
        return new PlanSettings(devices, models, engine, policy, slots, kvType, routes, baseline, assumptions, catalog,
                calibration, speeds, samples, seed, value, arrivals, qualityFloor, maxQualityDrop, uptime);
    }

    public PlanSettings withQualityFloor(double score) {
        return new PlanSettings(devices, models, engine, policy, slots, kvType, routes, baseline, assumptions, catalog,
                calibration, speeds, samples, seed, cloudSpeed, arrivals, score, maxQualityDrop, uptime);
    }

    public PlanSettings withMaxQualityDrop(Double points) {
        return new PlanSettings(devices, models, engine, policy, slots, kvType, routes, baseline, assumptions, catalog,
                calibration, speeds, samples, seed, cloudSpeed, arrivals, qualityFloor, points, uptime);
    }

    public PlanSettings withArrivals(ArrivalModel value) {
        return new PlanSettings(devices, models, engine, policy, slots, kvType, routes, baseline, assumptions, catalog,
                calibration, speeds, samples, seed, cloudSpeed, value, qualityFloor, maxQualityDrop, uptime);
    }

    public PlanSettings withUptime(Uptime value) {
        return new PlanSettings(devices, models, engine, policy, slots, kvType, routes, baseline, assumptions, catalog,
                calibration, speeds, samples, seed, cloudSpeed, arrivals, qualityFloor, maxQualityDrop, value);
    }

    /** Returns these settings with an on-demand rental stopped after {@code gap} without work. */
    public PlanSettings withRentalIdleGap(java.time.Duration gap) {
        return withUptime(uptime.withRentalIdleGap(gap));
    }

    /** Returns these settings with rentals kept in {@code mode}; null takes the cheaper of on-demand and always-on. */
    public PlanSettings withRentalMode(RentalMode mode) {
        return withUptime(uptime.withRentalMode(mode));
    }

    /** Returns these settings with owned machines left on outside working hours, or not. */
    public PlanSettings withOwnedAlwaysOn(boolean alwaysOn) {
        return withUptime(uptime.withOwnedAlwaysOn(alwaysOn));
    }
}
