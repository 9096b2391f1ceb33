package costplan.plan;

import java.time.Duration;

/**
 * When the machines of a plan are running, and so what they cost beyond their work.
 *
 * @param rentalIdleGap a pause longer than this ends a stretch of work: an on-demand rental is stopped after it
 * @param rentalMode how rentals are kept, or null for whichever of on-demand and always-on costs less
 * @param ownedAlwaysOn whether a bought machine is left on outside working hours (else it is off then)
 */
public record Uptime(Duration rentalIdleGap, RentalMode rentalMode, boolean ownedAlwaysOn) {
    /** Stretches end after 15 minutes idle, rentals in the cheaper mode, owned machines on during working hours only. */
    public static final Uptime DEFAULTS = new Uptime(Duration.ofMinutes(15), null, false);

    public Uptime {
        if (rentalIdleGap.isNegative() || rentalIdleGap.compareTo(Duration.ofHours(24)) > 0)
            throw new IllegalArgumentException("the idle gap must be 0 to 24 hours but was " + rentalIdleGap);
    }

    /** Returns the same uptime with a rental stopped after {@code gap} without work. */
    public Uptime withRentalIdleGap(Duration gap) {
        return new Uptime(gap, rentalMode, ownedAlwaysOn);
    }

    /** Returns the same uptime with rentals kept in {@code mode} (null: the cheaper). */
    public Uptime withRentalMode(RentalMode mode) {
        return new Uptime(rentalIdleGap, mode, ownedAlwaysOn);
    }

    /** Returns the same uptime with owned machines left on outside working hours, or not. */
    public Uptime withOwnedAlwaysOn(boolean alwaysOn) {
        return new Uptime(rentalIdleGap, rentalMode, alwaysOn);
    }
}
