package costplan.whatif;

import costplan.importers.CostplanException;
import costplan.usage.Usage;
import costplan.usage.UsageQuery;
import costplan.workload.CloudSpeed;
import costplan.workload.DailyWorkload;
import costplan.workload.SyntheticWorkload;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Where a scenario's requests come from: a person's logs and exports, or one of the two synthetic workloads. */
public sealed interface WorkloadSpec {

    /**
     * The usage, as the cloud logged (or would have logged) it at {@code cloud} speed, priced and cut into days as
     * {@code pricing} says (its paths are not used).
     */
    Usage usage(UsageQuery pricing, CloudSpeed cloud) throws IOException;

    /**
     * Usage read like {@code costplan analyze} reads it: Claude Code logs, Codex sessions, provider exports, or a
     * folder of them.
     */
    record Logs(Path path) implements WorkloadSpec {
        @Override
        public Usage usage(UsageQuery pricing, CloudSpeed cloud) throws IOException {
            Usage usage = pricing.withPaths(List.of(path)).read();
            if (usage.ledger().records().isEmpty())
                throw CostplanException.badInput(path + ": no usage found (" + usage.imported().filesRead() + " files read); "
                        + "give Claude Code logs, Codex sessions or a provider's export");
            return usage;
        }

        @Override
        public String toString() {
            return "logs in " + path;
        }
    }

    /** Parallel agentic sessions that grow turn by turn (see {@link SyntheticWorkload}). */
    record Sessions(SyntheticWorkload shape) implements WorkloadSpec {
        @Override
        public Usage usage(UsageQuery pricing, CloudSpeed cloud) {
            return Usage.of(shape.records(cloud), pricing);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%d parallel %s sessions, %.0f h a day for %d days, %,d-token boot context",
                    shape.parallelSessions(), shape.model(), shape.workingHours(), shape.days(), shape.bootContextTokens());
        }
    }

    /** A daily token volume (see {@link DailyWorkload}). */
    record Daily(DailyWorkload volume) implements WorkloadSpec {
        @Override
        public Usage usage(UsageQuery pricing, CloudSpeed cloud) {
            return Usage.of(volume.records(cloud), pricing);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%,d %s tokens a day (%.0f %% output, %.0f %% of input from cache), "
                            + "%d session%s, %.0f h a day for %d days", volume.tokensPerDay(), volume.model(), volume.outputShare() * 100,
                    volume.cacheReadShare() * 100, volume.sessions(), volume.sessions() == 1 ? "" : "s", volume.workingHours(), volume.days());
        }
    }
}
