package costplan.plan;

/** How a rented GPU is kept: started for each stretch of work and stopped after it, or kept running all month. */
public enum RentalMode {
    ON_DEMAND("on-demand"), ALWAYS_ON("always-on");

    private final String id;

    RentalMode(String id) {
        this.id = id;
    }

    /** The name used in options and JSON: {@code on-demand} or {@code always-on}. */
    public String id() {
        return id;
    }

    /** Returns the mode named {@code id}. */
    public static RentalMode parse(String id) {
        for (RentalMode m : values()) if (m.id.equals(id)) return m;
        throw new IllegalArgumentException("unknown rental mode '" + id + "'; expected on-demand or always-on");
    }
}
