package costplan.cli;

import picocli.CommandLine.Option;

/** {@code --model TEXT}: keep only the cloud models whose id contains the text. */
final class ModelFilterOption {
    @Option(names = "--model", paramLabel = "TEXT", description = "Only models whose id contains TEXT (any case). Default: all.")
    String text;
}
