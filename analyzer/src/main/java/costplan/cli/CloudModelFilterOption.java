package costplan.cli;

import picocli.CommandLine.Option;

/**
 * {@code --cloud-model TEXT}: keep only the requests to cloud models whose id contains the text. It is named apart
 * from {@code --model}, which in the commands that plan names the local model to try.
 */
final class CloudModelFilterOption {
    @Option(names = "--cloud-model", paramLabel = "TEXT",
            description = "Only requests to cloud models whose id contains TEXT (any case). Default: all.")
    String text;
}
