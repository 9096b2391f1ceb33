package costplan.workload;

/**
 * One request of a person's trace, as the replay needs it. Times are seconds since the trace's first request.
 *
 * @param index position in the trace (arrival order)
 * @param stream the closed loop the request belongs to: a session's main thread, or its sub-agents
 * @param cloudStartSeconds when the request was sent in the cloud (its log time less the cloud's response time)
 * @param cloudEndSeconds when its answer was logged
 * @param gapAfterSeconds the person's or tool's time before the stream's next request (0 for the last)
 * @param newInputTokens uncached input tokens
 * @param cacheWriteTokens tokens written to the prompt cache (the new part of the prompt, kept for later turns)
 * @param cacheReadTokens tokens read from the prompt cache (the earlier part of the conversation)
 * @param outputTokens output tokens, thinking included
 * @param model the cloud model id
 * @param usedTools whether the answer called tools
 * @param recordIndex the record's position in the ledger, to price it in the cloud
 */
public record TraceRequest(int index, int stream, double cloudStartSeconds, double cloudEndSeconds, double gapAfterSeconds,
                           long newInputTokens, long cacheWriteTokens, long cacheReadTokens, long outputTokens,
                           String model, boolean usedTools, int recordIndex) {

    public long promptTokens() {
        return newInputTokens + cacheWriteTokens + cacheReadTokens;
    }

    /** Tokens the prompt adds to the conversation: everything that was not read from the cloud's cache. */
    public long newPromptTokens() {
        return newInputTokens + cacheWriteTokens;
    }
}
