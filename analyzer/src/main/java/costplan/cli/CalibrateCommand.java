package costplan.cli;

import costplan.calibration.BenchResult;
import costplan.calibration.CalibrationFit;
import costplan.calibration.ChipCalibration;
import costplan.calibration.LlamaBenchParser;
import costplan.catalog.Catalog;
import costplan.catalog.Device;
import costplan.catalog.Engine;
import costplan.catalog.ModelChoice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code costplan calibrate}: fit the speed model's efficiency factors to a person's own llama-bench run. */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Fit the speed model to your own llama-bench results and write a calibration file.",
        description = {"Reads llama-bench output (-o json, -o jsonl or the default markdown table) of one model on one "
                + "machine: generation (tg) tests give the share of memory bandwidth reached, prompt (pp) tests the share "
                + "of peak compute, generation tests at depth (-d) the KV-cache read efficiency. The file it writes is "
                + "used by speed, plan and breakeven with --calibration FILE.",
                "Example: llama-bench -m model.gguf -p 512 -n 128 -d 0,8192 -o json > bench.json"})
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CatalogOptions catalogOptions;

    @Parameters(paramLabel = "FILE", description = "llama-bench output.")
    private Path file;

    @Option(names = "--device", paramLabel = "ID", required = true, description = "The machine the benchmark ran on.")
    private String device;

    @Option(names = "--model", paramLabel = "ID:QUANT", required = true, description = "The catalog model and quantization benchmarked.")
    private String model;

    @Option(names = "--engine", paramLabel = "E", defaultValue = "llama-cpp", description = "Default: ${DEFAULT-VALUE}.")
    private String engine;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Where to write the calibration. Default: print it.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        if (!Files.isRegularFile(file)) throw new java.io.IOException(file + ": no such file");
        Catalog catalog = catalogOptions.catalog();
        Device d = catalog.device(device);
        Engine e = catalog.engine(engine);
        ModelChoice m = catalog.modelChoice(model);
        List<BenchResult> results = LlamaBenchParser.read(file);
        ChipCalibration fitted = CalibrationFit.fit(results, d, e, m, file.getFileName().toString());
        var before = e.efficiency();
        stdout.printf(Locale.ROOT, "%d tests of %s on %s (%s):%n", results.size(), m, d.id(), d.chip());
        stdout.printf(Locale.ROOT, "  decode bandwidth efficiency %.3f (catalog %.3f), from %d generation tests%n",
                fitted.decodeBandwidthEfficiency(), before.decodeBandwidth().of(d), fitted.decodeTests());
        stdout.printf(Locale.ROOT, "  prefill compute efficiency  %.3f (catalog %.3f), from %d prompt tests%n",
                fitted.prefillComputeEfficiency(), before.prefillCompute().of(d), fitted.prefillTests());
        stdout.println(fitted.kvReadBandwidthEfficiency() == null ? "  KV read efficiency: no generation test at depth (add -d 8192)"
                : String.format(Locale.ROOT, "  KV read efficiency          %.3f (catalog %.3f)", fitted.kvReadBandwidthEfficiency(),
                before.kvReadBandwidth().of(d)));
        if (out == null) {
            stdout.println(fitted.toJson());
        } else {
            Files.writeString(out, fitted.toJson() + "\n");
            stdout.println("wrote " + out + "; use it with --calibration " + out);
        }
        return ExitCodes.OK;
    }
}
