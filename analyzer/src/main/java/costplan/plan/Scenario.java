package costplan.plan;

/** One draw of the uncertain inputs. */
public record Scenario(double efficiency, double electricityUsdPerKwh, double growthPerMonth, double resaleScale,
                       double localCapableShare, double purchaseUsd) {

    public Scenario withEfficiency(double value) {
        return new Scenario(value, electricityUsdPerKwh, growthPerMonth, resaleScale, localCapableShare, purchaseUsd);
    }

    public Scenario withElectricity(double value) {
        return new Scenario(efficiency, value, growthPerMonth, resaleScale, localCapableShare, purchaseUsd);
    }

    public Scenario withGrowth(double value) {
        return new Scenario(efficiency, electricityUsdPerKwh, value, resaleScale, localCapableShare, purchaseUsd);
    }

    public Scenario withResaleScale(double value) {
        return new Scenario(efficiency, electricityUsdPerKwh, growthPerMonth, value, localCapableShare, purchaseUsd);
    }

    public Scenario withLocalCapableShare(double value) {
        return new Scenario(efficiency, electricityUsdPerKwh, growthPerMonth, resaleScale, value, purchaseUsd);
    }

    public Scenario withPurchase(double value) {
        return new Scenario(efficiency, electricityUsdPerKwh, growthPerMonth, resaleScale, localCapableShare, value);
    }
}
