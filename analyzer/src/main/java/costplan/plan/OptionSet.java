package costplan.plan;

import costplan.replay.LocalOption;

import java.util.ArrayList;
import java.util.List;

/**
 * The options a plan compares, and what was asked for but fits nowhere: a device id, or {@code device / model}
 * when models were named.
 */
public record OptionSet(List<LocalOption> fitting, List<String> notFitting) {
    public OptionSet {
        fitting = List.copyOf(fitting);
        notFitting = List.copyOf(notFitting);
    }

    /** Returns both sets of options together, this one's first. */
    public OptionSet plus(OptionSet other) {
        List<LocalOption> all = new ArrayList<>(fitting);
        all.addAll(other.fitting);
        List<String> none = new ArrayList<>(notFitting);
        none.addAll(other.notFitting);
        return new OptionSet(all, none);
    }
}
