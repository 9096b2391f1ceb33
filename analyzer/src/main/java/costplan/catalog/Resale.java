package costplan.catalog;

/** Expected resale value of a bought device as a share of its purchase price after one, two and three years. */
public record Resale(double afterYear1, double afterYear2, double afterYear3) {

    /**
     * Returns the share left after {@code years}: linear from 1.0 at purchase through the three catalog points,
     * then falling by the year-2-to-3 ratio each further year.
     */
    public double shareAfter(double years) {
        if (years <= 0) return 1.0;
        if (years <= 1) return 1.0 + (afterYear1 - 1.0) * years;
        if (years <= 2) return afterYear1 + (afterYear2 - afterYear1) * (years - 1);
        if (years <= 3) return afterYear2 + (afterYear3 - afterYear2) * (years - 2);
        double yearlyRatio = afterYear2 > 0 ? afterYear3 / afterYear2 : 0;
        return afterYear3 * Math.pow(yearlyRatio, years - 3);
    }
}
