package costplan.whatif;

import costplan.importers.ClaudeCodeLogImporter;
import costplan.importers.UsageRecord;
import costplan.workload.CloudSpeed;
import costplan.workload.DailyWorkload;
import costplan.workload.SyntheticWorkload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where a scenario's requests come from: a person's logs, or one of the two synthetic workloads. */
public sealed interface WorkloadSpec {

    /** The requests, as the cloud logged (or would have logged) them at {@code cloud} speed. */
    List<UsageRecord> records(CloudSpeed cloud);

    /** Claude Code logs: a config folder, a projects folder or one {@code .jsonl} file. */
    record Logs(Path path) implements WorkloadSpec {
        @Override
        public List<UsageRecord> records(CloudSpeed cloud) {
            List<UsageRecord> records = new ArrayList<>();
            try {
                new ClaudeCodeLogImporter().read(List.of(path), records::add);
            } catch (IOException e) {
                throw new UncheckedIOException(path + ": " + e.getMessage(), e);
            }
            if (records.isEmpty()) throw new IllegalArgumentException(path + ": no Claude Code requests found");
            return records;
        }

        @Override
        public String toString() {
            return "logs in " + path;
        }
    }

    /** Parallel agentic sessions that grow turn by turn (see {@link SyntheticWorkload}). */
    record Sessions(SyntheticWorkload shape) implements WorkloadSpec {
        @Override
        public List<UsageRecord> records(CloudSpeed cloud) {
            return shape.records(cloud);
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
        public List<UsageRecord> records(CloudSpeed cloud) {
            return volume.records(cloud);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%,d %s tokens a day (%.0f %% output, %.0f %% of input from cache), "
                            + "%d session%s, %.0f h a day for %d days", volume.tokensPerDay(), volume.model(), volume.outputShare() * 100,
                    volume.cacheReadShare() * 100, volume.sessions(), volume.sessions() == 1 ? "" : "s", volume.workingHours(), volume.days());
        }
    }
}
