package costplan.catalog;

/** A low and a high value of the same quantity. */
public record Range(double low, double high) {
    public Range {
        if (low > high) throw new IllegalArgumentException("low " + low + " is above high " + high);
    }
}
