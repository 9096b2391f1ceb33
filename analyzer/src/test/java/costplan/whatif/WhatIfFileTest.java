package costplan.whatif;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WhatIfFileTest {
    @TempDir
    Path dir;

    WhatIf read(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return WhatIfFile.read(file);
    }

    void fails(String text, String message) {
        assertThatThrownBy(() -> read("bad.yaml", text)).isInstanceOf(WhatIfFileException.class)
                .hasMessage(dir.resolve("bad.yaml") + ":" + message);
    }

    @Test
    void readsEverySection() throws IOException {
        WhatIf w = read("s.yaml", """
                question: What if electricity doubles?
                workload:
                  daily: {tokensPerDay: 2_000_000, outputShare: 0.05, sessions: 3, model: claude-opus-4-6}
                growthPerMonth: 0.03
                baselines: [api, max-5x]
                options:
                  - {device: rtx-5090, model: qwen3-coder-30b-a3b:q4_k_m, engine: vllm, policy: persisted, slots: 4, kvType: q8_0, routes: [share:0.1]}
                overrides:
                  electricityUsdPerKwh: 0.34
                  devices:
                    rtx-5090: {purchaseUsd: 2500, loadWatts: 450, resale: [0.8, 0.6, 0.5]}
                  cloudPrices:
                    claude-opus-4-6: {input: 2.5, output: 12.5, cacheRead: 0.2}
                sweep: {parameter: overrides.electricityUsdPerKwh, from: 0.1, to: 0.5, steps: 5}
                samples: 100
                """);
        assertThat(w.name()).isEqualTo("s");
        assertThat(w.workload()).isEqualTo(new WorkloadSpec.Daily(new costplan.workload.DailyWorkload(2_000_000, 0.05, 0.9, 3, 8, 30, 5,
                java.time.LocalDate.of(2026, 3, 2), 9, "claude-opus-4-6")));
        assertThat(w.growthPerMonth()).isEqualTo(0.03);
        assertThat(w.baselines()).containsExactly("api", "max-5x");
        assertThat(w.options()).containsExactly(new OptionSpec("rtx-5090", "qwen3-coder-30b-a3b:q4_k_m", "vllm", "persisted", 4, "q8_0",
                java.util.List.of("share:0.1")));
        assertThat(w.overrides().electricityUsdPerKwh()).isEqualTo(0.34);
        assertThat(w.overrides().device("rtx-5090")).isEqualTo(new DeviceOverride(2500.0, null, 450.0, null,
                new costplan.catalog.Resale(0.8, 0.6, 0.5)));
        assertThat(w.overrides().cloudPrices().get("claude-opus-4-6")).isEqualTo(new CloudPrice(2.5, 12.5, null, null, 0.2));
        assertThat(w.sweep()).isEqualTo(new Sweep("overrides.electricityUsdPerKwh", 0.1, 0.5, 5));
        assertThat(w.sweep().values()).containsExactly(0.1, 0.2, 0.30000000000000004, 0.4, 0.5);
        assertThat(w.samples()).isEqualTo(100);
    }

    @Test
    void readsJsonByItsExtensionAndLogPathsFromTheFilesFolder() throws IOException {
        WhatIf w = read("s.json", "{\"workload\": {\"logs\": \"claude\"}, \"baselines\": \"max-20x\"}");
        assertThat(w.workload()).isEqualTo(new WorkloadSpec.Logs(dir.resolve("claude").toAbsolutePath()));
        assertThat(w.baselines()).containsExactly("max-20x");
    }

    @Test
    void namesAnUnknownKeyWithItsLineTheValidKeysAndTheClosest() {
        fails("""
                workload:
                  daily: {tokensPerDay: 1000}
                overrides:
                  electricty: 0.3
                """, "4: unknown key 'electricty' at line 4 in overrides; valid keys: electricityUsdPerKwh, "
                + "localCapableShare, resaleScale, lifeMonths, maxSlowdown, devices, cloudPrices; did you mean 'electricityUsdPerKwh'?");
    }

    @Test
    void namesTheFieldOfAWrongValue() {
        fails("workload:\n  daily:\n    sessions: many\n", "3: field workload.daily.sessions: expected a number but was 'many'");
        fails("workload:\n  daily:\n    outputShare: 1.5\n",
                "3: field workload.daily.outputShare: the output share must be above 0 and below 1 but was 1.5");
        fails("workload: {daily: {}}\noptions:\n  - {model: gemma-4-31b}\n", "3: field options[0]: missing key 'device'");
        fails("workload: {daily: {}}\noverrides: {lifeMonths: 3.5}\n", "2: field overrides.lifeMonths: 'overrides.lifeMonths' must be a whole number but was 3.5");
        fails("workload: {daily: {}, logs: x}\n", "1: workload needs exactly one of logs, daily or sessions but had daily, logs");
        fails("baselines: [api]\n", "1: missing key 'workload' (one of logs, daily or sessions)");
        fails("workload: {daily: {}}\nworkload: {daily: {}}\n", "2: key 'workload' is given twice");
    }

    @Test
    void checksTheSweptNumberAgainstTheWorkload() {
        fails("""
                workload: {daily: {}}
                sweep:
                  parameter: workload.sessions.parallelSessions
                  from: 1
                  to: 4
                  steps: 4
                """, "3: field sweep.parameter: 'parallelSessions' applies to a sessions workload, but this scenario's workload is "
                + "8,000,000 claude-sonnet-4-6 tokens a day (1 % output, 90 % of input from cache), 2 sessions, 8 h a day for 5 days");
    }

    @Test
    void everyNumberKeyOfTheFileIsANumberTheScenarioTakes() {
        WhatIf sessions = WhatIf.DEFAULT.withSessions(WhatIf.DEFAULT_SESSIONS).withCloudPrice("m", 1, 5);
        for (String key : WhatIf.NUMBER_KEYS) {
            String concrete = key.replace("<id>", key.contains("devices") ? "rtx-5090" : "m");
            WhatIf base = key.startsWith("workload.sessions.") ? sessions : WhatIf.DEFAULT.withCloudPrice("m", 1, 5);
            double[] values = key.contains("Share") || key.contains("growth") ? new double[]{0.2, 0.4}
                    : key.endsWith("compactAtTokens") ? new double[]{100_000, 200_000} : new double[]{1, 2};
            assertThat(base.with(concrete, values[0])).as(key).isNotEqualTo(base.with(concrete, values[1]));
        }
    }
}
