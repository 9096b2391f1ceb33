package costplan.fit;

import costplan.importers.CostplanException;
import costplan.catalog.ModelChoice;

/** A model kept loaded, with how many sessions it serves at once and how long each session's context gets. */
public record ResidentModel(ModelChoice model, int sessions, long contextTokens) {
    public ResidentModel {
        if (sessions < 1 || sessions > 4096) throw CostplanException.badUsage("sessions must be 1 to 4096 but was " + sessions);
        if (contextTokens < 1) throw CostplanException.badUsage("context must be at least 1 token but was " + contextTokens);
        if (contextTokens > model.model().maxContextLength())
            throw CostplanException.badUsage("context " + contextTokens + " is above " + model.model().id()
                    + "'s longest supported context (" + model.model().maxContextLength() + " tokens)");
    }
}
