package costplan.catalog;

import java.util.List;

/**
 * Tokens a model family's tokenizer makes from text that Claude's tokenizer counted as one token, from
 * {@code tokenizers.json}. Logged counts are Claude's, so replayed prefill and decode work scales by this ratio.
 *
 * @param family               family name ({@code default} for models not listed)
 * @param models               catalog model ids of the family
 * @param tokensPerClaudeToken the central value
 * @param range                low and high, to sample in the Monte Carlo
 * @param estimate             true when not measured on this family
 * @param source               where it comes from, or how it was estimated
 */
public record TokenizerRatio(String family, List<String> models, double tokensPerClaudeToken, Range range, boolean estimate,
                             String source) {
    public TokenizerRatio {
        models = List.copyOf(models);
        if (tokensPerClaudeToken < range.low() || tokensPerClaudeToken > range.high())
            throw new IllegalArgumentException("ratio " + tokensPerClaudeToken + " lies outside its range " + range);
    }

    /** Scales a count of Claude tokens to this family's tokens. */
    public double tokensFor(double claudeTokens) {
        return claudeTokens * tokensPerClaudeToken;
    }
}
