package costplan.plan;

import costplan.catalog.ModelQuality;
import costplan.catalog.QualityScore;
import costplan.workload.TraceRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The stated rule from benchmark scores to the share of requests a local model can take over.
 * <p>
 * Assumption: tasks are nested by difficulty, so a local model scoring {@code s_local} on a harness that also ran
 * the cloud model can do {@code min(1, s_local / s_cloud)} of the requests that the cloud model (scoring
 * {@code s_cloud}) served; the rest stay in the cloud. The reference is the cloud model that served each request, so
 * a trace of Haiku sub-agent requests moves more easily than one of Opus requests.
 * <ul>
 * <li>Both scored on one shared harness: the most preferred such harness; the range is the spread of the ratio over
 * the shared harnesses that scored both, widened by {@link #RUN_NOISE_POINTS} either way.</li>
 * <li>Scored on different shared harnesses: the local score is carried over by the mean ratio of the models both
 * harnesses scored (bridges), its range by their spread.</li>
 * <li>A cloud model without a score: the best score of its family (the id up to its first digit, e.g.
 * {@code claude-opus-}) on that harness, a conservative stand-in; with none its requests stay in the cloud.</li>
 * <li>A local model without a shared-harness score (quality unknown, offered only when named): a maker-reported
 * figure less {@link #MAKER_GAP_POINTS} (open models' own figures run 10-25 points above shared-harness runs), or a
 * single other run as it is, each within a wide range; with neither, none of the requests move.</li>
 * <li>{@code maxQualityDrop}: a cloud model scoring more than that many points above the local model keeps its
 * requests.</li>
 * </ul>
 */
public final class QualityRule {
    static final String SHARED = "shared harness";
    static final String BENCHMARK = "swe-bench-verified";
    /** Points a single run's score moves between runs of one harness (an estimate). */
    static final double RUN_NOISE_POINTS = 2;
    /** Most likely gap between an open model's maker-reported score and a shared harness's, and its range. */
    static final double MAKER_GAP_POINTS = 17.5;
    static final double MAKER_GAP_LOW = 10;
    static final double MAKER_GAP_HIGH = 25;
    /** Range of a single run on an unshared harness (another maker's launch table, one team's submission). */
    static final double OTHER_RUN_POINTS = 10;

    private final ModelQuality quality;
    private final Predicate<String> isCatalogModel;
    private final Double maxQualityDrop;

    /**
     * @param quality the scores, with cloud ids mapped as the price book maps a request's model
     * @param isCatalogModel whether an id is an open model of the catalog (the others are cloud models)
     * @param maxQualityDrop the most points a cloud model may score above the local model for its requests to move, or null
     */
    public QualityRule(ModelQuality quality, Predicate<String> isCatalogModel, Double maxQualityDrop) {
        this.quality = quality;
        this.isCatalogModel = isCatalogModel;
        this.maxQualityDrop = maxQualityDrop;
    }

    /** A local score as compared: where from, on which harness, the most likely value and its range. */
    private record LocalScore(String harness, Uncertain score, String basis) {
    }

    /**
     * Returns the estimate for {@code localModel} on {@code engine} against the cloud models of {@code requests}, the
     * money weighted by {@code costUsd} (by trace index).
     */
    public QualityEstimate estimate(String localModel, String engine, List<TraceRequest> requests, double[] costUsd) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, double[]> costs = new LinkedHashMap<>();
        for (TraceRequest r : requests) {
            counts.computeIfAbsent(r.model(), m -> new long[1])[0]++;
            costs.computeIfAbsent(r.model(), m -> new double[1])[0] += costUsd[r.index()];
        }
        Optional<LocalScore> local = localScore(localModel);
        List<QualityEstimate.CloudModelShare> rows = new ArrayList<>();
        double requestWeighted = 0, costLow = 0, costMode = 0, costHigh = 0, totalCost = 0;
        long total = 0;
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            String cloud = e.getKey();
            long n = e.getValue()[0];
            double cost = costs.get(cloud)[0];
            Share share = local.map(l -> share(localModel, l, cloud)).orElse(Share.none("the local model has no coding score"));
            rows.add(new QualityEstimate.CloudModelShare(cloud, share.cloudScore, share.localScore, share.harness, n,
                    share.ratio.mode(), share.basis));
            total += n;
            requestWeighted += n * share.ratio.mode();
            totalCost += cost;
            costLow += cost * share.ratio.low();
            costMode += cost * share.ratio.mode();
            costHigh += cost * share.ratio.high();
        }
        rows.sort(Comparator.comparingLong(QualityEstimate.CloudModelShare::requests).reversed()
                .thenComparing(QualityEstimate.CloudModelShare::model));
        // With no priced request the money does not depend on the share; the request-weighted one stands in.
        double mode = total == 0 ? 0 : requestWeighted / total;
        Uncertain costShare = totalCost > 0 ? new Uncertain(costLow / totalCost, costMode / totalCost, costHigh / totalCost)
                : Uncertain.fixed(mode);
        return new QualityEstimate(BENCHMARK, local.map(LocalScore::harness).orElse(null),
                local.map(l -> l.score().mode()).orElse(null), local.map(LocalScore::basis).orElse("no coding score"),
                rows, mode, costShare, quality.toolCallingRisk(localModel, engine), quality.tokenizer(localModel));
    }

    /** Returns the tokens per Claude token of {@code localModel}'s tokenizer family. */
    public costplan.catalog.TokenizerRatio tokenizer(String localModel) {
        return quality.tokenizer(localModel);
    }

    /** Returns whether {@code localModel} scores at least {@code floor} on a shared harness: a default candidate. */
    public boolean meetsFloor(String localModel, double floor) {
        return quality.referenceScore(localModel).map(s -> s.score() >= floor).orElse(false);
    }

    private Optional<LocalScore> localScore(String model) {
        Optional<QualityScore> shared = quality.referenceScore(model);
        if (shared.isPresent())
            return Optional.of(new LocalScore(shared.get().harness(), Uncertain.fixed(shared.get().score()), SHARED));
        Optional<QualityScore> maker = quality.scores(model).stream().filter(QualityScore::makerReported)
                .max(Comparator.comparing(QualityScore::date));
        if (maker.isPresent()) {
            double s = maker.get().score();
            return Optional.of(new LocalScore(maker.get().harness(), new Uncertain(Math.max(0, s - MAKER_GAP_HIGH),
                    Math.max(0, s - MAKER_GAP_POINTS), Math.max(0, s - MAKER_GAP_LOW)),
                    "estimate: maker-reported " + s + " less " + MAKER_GAP_POINTS + " points"));
        }
        Optional<QualityScore> other = quality.scores(model).stream().max(Comparator.comparing(QualityScore::date));
        return other.map(o -> new LocalScore(o.harness(), new Uncertain(Math.max(0, o.score() - OTHER_RUN_POINTS), o.score(),
                Math.min(100, o.score() + OTHER_RUN_POINTS)), "estimate: one run on " + o.harness() + " (" + o.score() + ")"));
    }

    /** The share of one cloud model's requests, with the scores compared. */
    private record Share(Uncertain ratio, Double cloudScore, Double localScore, String harness, String basis) {
        static Share none(String why) {
            return new Share(Uncertain.fixed(0), null, null, null, why + ": its requests stay in the cloud");
        }
    }

    private Share share(String localModel, LocalScore local, String cloud) {
        if (!local.basis().equals(SHARED)) {
            Optional<QualityScore> reference = cloudScore(cloud, null);
            return reference.map(c -> ratio(local.score(), c.score(), c.harness(), local.basis() + " against "
                    + c.model() + " on " + c.harness())).orElse(Share.none("no score for " + cloud + " or its family"));
        }
        List<Double> ratios = new ArrayList<>();
        Share first = null;
        for (String harness : ModelQuality.SHARED_HARNESSES) {
            Optional<QualityScore> l = quality.score(localModel, harness);
            Optional<QualityScore> c = quality.score(cloud, harness);
            if (l.isEmpty() || c.isEmpty()) continue;
            ratios.add(Math.min(1, l.get().score() / c.get().score()));
            if (first == null) first = ratio(Uncertain.fixed(l.get().score()), c.get().score(), harness, "both on " + harness);
        }
        if (first != null) {
            double low = Math.min(first.ratio.low(), ratios.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
            double high = Math.max(first.ratio.high(), ratios.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
            return new Share(new Uncertain(low, first.ratio.mode(), high), first.cloudScore, first.localScore, first.harness, first.basis);
        }
        Optional<QualityScore> c = cloudScore(cloud, null);
        if (c.isEmpty()) return Share.none("no score for " + cloud + " or its family");
        Optional<Uncertain> bridged = bridge(local.harness(), c.get().harness(), local.score().mode());
        if (bridged.isEmpty()) return Share.none("no model scored on both " + local.harness() + " and " + c.get().harness());
        return ratio(bridged.get(), c.get().score(), c.get().harness(), "local " + local.harness() + " score carried to "
                + c.get().harness() + " through the models both scored, against " + c.get().model());
    }

    /** The ratio of a local score to a cloud score, its range widened by a run's noise. */
    private Share ratio(Uncertain localScore, double cloudScore, String harness, String basis) {
        double mode = localScore.mode();
        if (maxQualityDrop != null && cloudScore - mode > maxQualityDrop)
            return new Share(Uncertain.fixed(0), cloudScore, mode, harness, String.format(java.util.Locale.ROOT,
                    "%s; %.1f points below, more than --max-quality-drop %.1f: its requests stay in the cloud",
                    basis, cloudScore - mode, maxQualityDrop));
        double low = Math.min(1, Math.max(0, localScore.low() - RUN_NOISE_POINTS) / cloudScore);
        double high = Math.min(1, (localScore.high() + RUN_NOISE_POINTS) / cloudScore);
        return new Share(new Uncertain(low, Math.min(1, mode / cloudScore), high), cloudScore, mode, harness, basis);
    }

    /**
     * The score of a cloud model on {@code harness} (or its reference score when null), else the best score of its
     * family there.
     */
    private Optional<QualityScore> cloudScore(String cloud, String harness) {
        Optional<QualityScore> own = harness == null ? quality.referenceScore(cloud) : quality.score(cloud, harness);
        if (own.isPresent()) return own;
        String family = family(cloud);
        for (String h : harness == null ? ModelQuality.SHARED_HARNESSES : List.of(harness)) {
            Optional<QualityScore> best = quality.scores().stream()
                    .filter(s -> s.harness().equals(h) && !isCatalogModel.test(s.model()) && family(s.model()).equals(family))
                    .max(Comparator.comparingDouble(QualityScore::score));
            if (best.isPresent()) return best;
        }
        return Optional.empty();
    }

    /** Carries a score from harness {@code from} to {@code to} by the scores of the models both ran. */
    private Optional<Uncertain> bridge(String from, String to, double score) {
        List<Double> factors = new ArrayList<>();
        for (QualityScore a : quality.scores()) {
            if (!a.harness().equals(from)) continue;
            quality.score(a.model(), to).ifPresent(b -> factors.add(b.score() / a.score()));
        }
        if (factors.isEmpty()) return Optional.empty();
        double mean = factors.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double low = factors.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double high = factors.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return Optional.of(new Uncertain(score * low, score * mean, score * high));
    }

    /** A model's family: its id up to the first digit ({@code claude-opus-4-5} is {@code claude-opus-}). */
    static String family(String id) {
        for (int i = 0; i < id.length(); i++) if (Character.isDigit(id.charAt(i))) return id.substring(0, i);
        return id;
    }
}
