package costplan.importers.codex;

/**
 * The fields of one Codex CLI rollout line that matter for usage: the envelope's time and type, and from the
 * payload the session's identity ({@code session_meta}), the model ({@code turn_context}) or the token counts
 * ({@code event_msg} of type {@code token_count}). Mutable and short-lived, like the Claude Code importer's
 * {@code ClaudeLogEntry}.
 */
final class CodexLine {
    String timestamp;
    String type;
    String payloadType;
    String id;
    String cwd;
    String cliVersion;
    String forkedFromId;
    boolean subAgentSource;
    String model;
    /** Cumulative usage of the session so far: input (cached included), cached input, output, reasoning output. */
    long[] total;
    /** Usage of the last turn, same order; null when the event does not give it. */
    long[] last;
}
