package costplan.calibration;

/**
 * One llama-bench test result: a prompt-processing test ({@code promptTokens} > 0) or a generation test
 * ({@code generatedTokens} > 0), at {@code depth} tokens already in context, and its average tokens per second.
 * {@code ubatch} is the physical batch (-ub) the run used, 512 (llama-bench's default) when the output does not say.
 */
public record BenchResult(String modelType, long modelBytes, long modelParams, int promptTokens, int generatedTokens,
                          long depth, int ubatch, double tokensPerSecond, int line) {
    /** llama-bench's default physical batch. */
    public static final int DEFAULT_UBATCH = 512;

    public boolean prefill() {
        return promptTokens > 0 && generatedTokens == 0;
    }

    public boolean decode() {
        return generatedTokens > 0 && promptTokens == 0;
    }
}
