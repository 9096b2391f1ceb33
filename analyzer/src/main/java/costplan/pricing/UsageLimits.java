package costplan.pricing;

/**
 * What a subscription's usage limits are estimated to allow, from the hours its seller publishes: the 5-hour
 * window as a multiple of Claude Pro's, and the weekly guidance in hours. An estimate: no token figure is published.
 *
 * @param sessionMultiple the plan's 5-hour window as a multiple of Pro's (Pro 1, Max 5x 5, Max 20x 20)
 * @param weeklyHoursLow the low end of the hours of work a week the plan allows (all models)
 * @param weeklyOpusHoursLow the low end of the hours of Opus a week, or null where none is published
 * @param promptsPerWindow the messages a 5-hour window allows in short conversations, or null where none is published;
 *        long agentic conversations allow fewer, so this is a generous bound
 * @param source where the figures come from, with the date
 */
public record UsageLimits(double sessionMultiple, double weeklyHoursLow, Double weeklyOpusHoursLow, Integer promptsPerWindow,
                          String source) {
    public UsageLimits {
        if (promptsPerWindow != null && promptsPerWindow < 1)
            throw new IllegalArgumentException("prompts per window must be at least 1 but were " + promptsPerWindow);
        if (!(sessionMultiple > 0) || !(weeklyHoursLow > 0) || weeklyOpusHoursLow != null && !(weeklyOpusHoursLow > 0))
            throw new IllegalArgumentException("usage limits must be above 0 but were " + sessionMultiple + ", "
                    + weeklyHoursLow + ", " + weeklyOpusHoursLow);
        if (source == null || source.isBlank()) throw new IllegalArgumentException("usage limits need a source");
    }
}
