package costplan.replay;

import costplan.catalog.Catalog;
import costplan.catalog.KvCacheType;
import costplan.catalog.Range;
import costplan.importers.TokenCounts;
import costplan.importers.UsageRecord;
import costplan.speed.SpeedModel;
import costplan.speed.Throughput;
import costplan.workload.CloudSpeed;
import costplan.workload.Trace;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Hand-worked replays. The speed model used here prefills 1,000 tokens/s shared by the running requests and
 * decodes 20 tokens/s per request; the cloud answers in 1 s plus 50 output tokens/s, so a 100-token answer takes 3 s.
 */
class ReplayTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final CloudSpeed CLOUD = new CloudSpeed(1, 50);
    /** qwen3-coder-30b-a3b keeps 98,304 bytes of KV per token at f16. */
    private static final long KV_PER_TOKEN = 98_304;

    static SpeedModel fixedSpeed(double scale) {
        return (device, model, engine, context, parallel, kv) -> new Throughput(1000 * scale, 20 * parallel * scale,
                new Range(1000 * scale, 1000 * scale), new Range(20 * scale, 20 * scale));
    }

    /** A request of {@code session} whose cloud answer was logged {@code loggedAt} seconds after T0. */
    static UsageRecord request(String session, double loggedAt, long input, long write, long read, long output, String model) {
        return UsageRecord.ofRequest("claude-code", T0.plusMillis(Math.round(loggedAt * 1000)), model, "/p", session, "r" + loggedAt + session,
                "m" + loggedAt + session, new TokenCounts(input, output, write, read), write, 0, 0, null, false, false,
                List.of(), null, null);
    }

    static LocalOption option(CachePolicy policy, int slots, long kvBudget, List<RouteRule> routes) {
        return new LocalOption(CATALOG.device("mac-studio-m3-ultra-256gb"), CATALOG.modelChoice("qwen3-coder-30b-a3b:q4_k_m"),
                CATALOG.engine("llama-cpp"), slots, policy, KvCacheType.F16, routes, kvBudget, 20_000_000_000L);
    }

    static ReplayResult replay(List<UsageRecord> records, LocalOption option, double speedScale) {
        Trace trace = Trace.of(records, CLOUD);
        SpeedTable table = SpeedTable.of(fixedSpeed(speedScale), option.device(), option.model(), option.engine(),
                option.kvType(), option.slots(), option.contextTokens(), 1);
        return Replay.run(trace, option, table);
    }

    /** Two turns of one session: the second re-reads the first turn's 1,000-token prompt from the cloud cache. */
    static List<UsageRecord> oneSession() {
        return List.of(request("a", 3, 10, 990, 0, 100, "claude-sonnet-4-5"),
                request("a", 53, 10, 990, 1000, 100, "claude-sonnet-4-5"));
    }

    @Test
    void traceRecoversThinkTimeByRemovingTheCloudsResponseTime() {
        Trace trace = Trace.of(oneSession(), CLOUD);
        assertThat(trace.requests()).hasSize(2);
        assertThat(trace.requests().get(0).cloudStartSeconds()).isEqualTo(0);
        assertThat(trace.requests().get(0).cloudEndSeconds()).isEqualTo(3);
        // The second request was sent at 50 s (logged at 53 s less 3 s); the first answer came at 3 s.
        assertThat(trace.requests().get(0).gapAfterSeconds()).isEqualTo(47);
        assertThat(trace.requests().get(1).cloudStartSeconds()).isEqualTo(50);
    }

    @Test
    void theWorkloadSummaryCountsWorkingTimeNotWallTime() {
        var activity = costplan.ledger.SessionActivity.of(oneSession());
        var summary = costplan.workload.WorkloadSummary.of(Trace.of(oneSession(), CLOUD), activity);
        // The session is active from its first logged request (3 s) to its last (53 s): 50 s.
        assertThat(summary.activeHours()).isCloseTo(50 / 3600.0, within(1e-12));
        assertThat(summary.tokens()).isEqualTo(1100 + 2100);
        assertThat(summary.requestsPerActiveHour()).isCloseTo(2 / (50 / 3600.0), within(1e-9));
        assertThat(activity.peakParallelSessions()).isEqualTo(1);
        assertThat(summary.promptP50()).isEqualTo(1000);
        assertThat(summary.promptP90()).isEqualTo(2000);
    }

    @Test
    void withoutACacheEveryRequestPrefillsItsWholePrompt() {
        ReplayResult r = replay(oneSession(), option(CachePolicy.NONE, 1, 10_000_000_000L, List.of()), 1);
        // Turn 1: 1,000 tokens at 1,000/s + 100 tokens at 20/s = 6 s; turn 2 is ready 47 s later: 2 s + 5 s = 7 s.
        assertThat(r.prefilledTokens()).isEqualTo(3000);
        assertThat(r.busySeconds()).isCloseTo(13, within(1e-9));
        assertThat(r.latencyP50Seconds()).isCloseTo(6, within(1e-9));
        assertThat(r.latencyP95Seconds()).isCloseTo(7, within(1e-9));
        // Working time: locally 6 + 47 + 7 = 60 s, in the cloud 3 + 47 + 3 = 53 s.
        assertThat(r.slowdown()).isCloseTo(60.0 / 53, within(1e-9));
        assertThat(r.localShareOfRequests()).isEqualTo(1);
        assertThat(r.spanSeconds()).isCloseTo(60, within(1e-9));
    }

    @Test
    void keepingTheSessionsCachePrefillsOnlyTheNewTokens() {
        ReplayResult r = replay(oneSession(), option(CachePolicy.SESSION, 1, 10_000_000_000L, List.of()), 1);
        assertThat(r.prefilledTokens()).isEqualTo(2000);
        assertThat(r.slowdown()).isCloseTo(59.0 / 53, within(1e-9));
        // The session holds 2,000 prompt + 100 output tokens of KV at the end.
        assertThat(r.memoryHighWaterBytes()).isEqualTo(20_000_000_000L + 2100 * KV_PER_TOKEN);
    }

    @Test
    void twoSessionsShareOneSlotByQueueing() {
        List<UsageRecord> both = List.of(request("a", 3, 10, 990, 0, 100, "m"), request("b", 3, 10, 990, 0, 100, "m"));
        ReplayResult oneSlot = replay(both, option(CachePolicy.NONE, 1, 10_000_000_000L, List.of()), 1);
        // a runs 0-6 s; b waits and runs 6-12 s.
        assertThat(oneSlot.latencyP95Seconds()).isCloseTo(12, within(1e-9));
        assertThat(oneSlot.busySeconds()).isCloseTo(12, within(1e-9));
        ReplayResult twoSlots = replay(both, option(CachePolicy.NONE, 2, 10_000_000_000L, List.of()), 1);
        // a starts alone (6 s); b starts beside it and prefills at half speed: 2 s + 5 s = 7 s.
        assertThat(twoSlots.latencyP50Seconds()).isCloseTo(6, within(1e-9));
        assertThat(twoSlots.latencyP95Seconds()).isCloseTo(7, within(1e-9));
        assertThat(twoSlots.busySeconds()).isCloseTo(7, within(1e-9));
    }

    /** Sessions a and b take turns; the KV budget holds one long session, so each evicts the other. */
    static List<UsageRecord> alternatingSessions() {
        return List.of(request("a", 3, 10, 990, 0, 100, "m"), request("b", 13, 10, 990, 0, 100, "m"),
                request("a", 23, 10, 990, 1000, 100, "m"), request("b", 33, 10, 990, 1000, 100, "m"));
    }

    @Test
    void evictedSessionsPrefillAgainOrReloadFromDisk() {
        long budget = 220_000_000;  // two 1,100-token sessions (108 MB each) fit; a 2,100-token one (206 MB) and another do not
        ReplayResult session = replay(alternatingSessions(), option(CachePolicy.SESSION, 1, budget, List.of()), 1);
        // a1 0-6, b1 10-16, a2 ready 6+17=23: reuses its 1,000 tokens (b is evicted), 23-29;
        // b2 ready 16+17=33: evicted, prefills all 2,000 tokens, 33-40.
        assertThat(session.prefilledTokens()).isEqualTo(1000 + 1000 + 1000 + 2000);
        assertThat(session.reloadedTokens()).isZero();
        assertThat(session.busySeconds()).isCloseTo(6 + 6 + 6 + 7, within(1e-9));
        ReplayResult persisted = replay(alternatingSessions(), option(CachePolicy.PERSISTED, 1, budget, List.of()), 1);
        assertThat(persisted.prefilledTokens()).isEqualTo(4000);
        assertThat(persisted.reloadedTokens()).isEqualTo(1000);
        double reload = 1000 * KV_PER_TOKEN / (CATALOG.device("mac-studio-m3-ultra-256gb").diskReadGBps() * 1e9);
        assertThat(persisted.busySeconds()).isCloseTo(6 + 6 + 6 + 6 + reload, within(1e-9));
    }

    @Test
    void routingRulesSendRequestsToTheCloudAndCountWhy() {
        List<UsageRecord> records = new ArrayList<>(oneSession());
        records.add(request("c", 5, 10, 990, 0, 100, "claude-opus-4-5"));
        ReplayResult r = replay(records, option(CachePolicy.SESSION, 1, 10_000_000_000L,
                List.of(RouteRule.parse("model:opus"), RouteRule.parse("context>1500"))), 1);
        assertThat(r.fallbacks()).isEqualTo(Map.of("model kept in cloud", 1, "prompt over 1500 tokens", 1));
        assertThat(r.localRequests()).isEqualTo(1);
        assertThat(r.cloudRouted().cardinality()).isEqualTo(2);
        assertThat(r.localShareOfTokens()).isCloseTo(1100.0 / (1100 + 2100 + 1100), within(1e-9));
    }

    @Test
    void aRequestWaitingLongerThanTheLimitGoesToTheCloud() {
        List<UsageRecord> both = List.of(request("a", 3, 10, 990, 0, 100, "m"), request("b", 3, 10, 990, 0, 100, "m"));
        ReplayResult r = replay(both, option(CachePolicy.NONE, 1, 10_000_000_000L, List.of(RouteRule.parse("wait>2"))), 1);
        assertThat(r.fallbacks()).isEqualTo(Map.of("queue wait over limit", 1));
        assertThat(r.busySeconds()).isCloseTo(6, within(1e-9));
    }

    @Test
    void aShareOfTheWorkStaysInTheCloudTheSameWayEveryRun() {
        List<UsageRecord> many = randomTrace(new Random(3), 400);
        LocalOption option = option(CachePolicy.SESSION, 2, 10_000_000_000L, List.of(RouteRule.parse("share:0.25")));
        ReplayResult first = replay(many, option, 1);
        assertThat(first.fallbacks().get("beyond the local model")).isBetween(70, 130);
        assertThat(replay(many, option, 1).cloudRouted()).isEqualTo(first.cloudRouted());
    }

    @Test
    void fasterHardwareNeverSlowsTheDayAndCacheReuseNeverAddsPrefill() {
        Random random = new Random(11);
        for (int round = 0; round < 20; round++) {
            List<UsageRecord> trace = randomTrace(random, 60);
            for (int slots = 1; slots <= 3; slots++) {
                double previous = Double.MAX_VALUE;
                for (double scale : new double[]{0.5, 1, 2, 8}) {
                    double slowdown = replay(trace, option(CachePolicy.SESSION, slots, 500_000_000L, List.of()), scale).slowdown();
                    assertThat(slowdown).isLessThanOrEqualTo(previous + 1e-9);
                    previous = slowdown;
                }
                long none = replay(trace, option(CachePolicy.NONE, slots, 500_000_000L, List.of()), 1).prefilledTokens();
                long session = replay(trace, option(CachePolicy.SESSION, slots, 500_000_000L, List.of()), 1).prefilledTokens();
                long persisted = replay(trace, option(CachePolicy.PERSISTED, slots, 500_000_000L, List.of()), 1).prefilledTokens();
                assertThat(session).isLessThanOrEqualTo(none);
                assertThat(persisted).isLessThanOrEqualTo(session);
            }
        }
    }

    /** Sessions of growing conversations, each turn re-reading the previous prompt. */
    static List<UsageRecord> randomTrace(Random random, int requests) {
        List<UsageRecord> records = new ArrayList<>();
        int sessions = 1 + random.nextInt(4);
        double[] clock = new double[sessions];
        long[] context = new long[sessions];
        for (int i = 0; i < requests; i++) {
            int s = random.nextInt(sessions);
            clock[s] += 5 + random.nextInt(120);
            long added = 50 + random.nextInt(2000);
            records.add(request("s" + s, clock[s], 5, added, context[s], 20 + random.nextInt(400), "m"));
            context[s] += added + 5;
        }
        return records;
    }
}
