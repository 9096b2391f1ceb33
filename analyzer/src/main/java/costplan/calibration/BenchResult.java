package costplan.calibration;

/**
 * One llama-bench test result: a prompt-processing test ({@code promptTokens} > 0) or a generation test
 * ({@code generatedTokens} > 0), at {@code depth} tokens already in context, and its average tokens per second.
 */
public record BenchResult(String modelType, long modelBytes, long modelParams, int promptTokens, int generatedTokens,
                          long depth, double tokensPerSecond, int line) {
    public boolean prefill() {
        return promptTokens > 0 && generatedTokens == 0;
    }

    public boolean decode() {
        return generatedTokens > 0 && promptTokens == 0;
    }
}
