package costplan.plan;

import costplan.catalog.Catalog;
import costplan.catalog.Device;
import costplan.replay.ReplayResult;
import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Hand-worked money for a 256 GB Mac Studio M3 Ultra ($5,599, 10 W idle, 200 W busy) that is busy 4 hours a day
 * replacing $1,000 a month of API use, with electricity at $0.20/kWh. A month is 365.25 / 12 = 30.4375 days.
 */
class EconomicsTest {
    private static final Device MAC = Catalog.bundled().device("mac-studio-m3-ultra-256gb");
    private static final Scenario EXPECTED = new Scenario(1, 0.20, 0, 1, 1, 5599);

    static ReplayResult busyFourHoursOfOneDay() {
        return new ReplayResult(100, 100, 1_000_000, 1_000_000, Map.of(), new BitSet(), 4 * 3600, 86_400, 1, 1.1, 5, 9,
                500_000, 0, 60_000_000_000L);
    }

    static Economics economics(Baseline baseline, boolean scales) {
        ReplayResult r = busyFourHoursOfOneDay();
        return new Economics(MAC, new OptionReplays(Uncertain.fixed(1), r, r, r, 0, 0, 0), 1, 1000, 8, baseline, scales, 36);
    }

    @Test
    void electricityAtBusyAndIdleHoursAndThePaybackOfTheSavings() {
        Economics.Outcome o = economics(new Baseline("api", 1000, ""), true).run(EXPECTED);
        // (4 h x 200 W + 20 h x 10 W) = 1.0 kWh a day = $0.20 a day = $6.0875 a month.
        assertThat(o.firstMonthElectricityUsd()).isCloseTo(6.0875, within(1e-9));
        assertThat(o.firstMonthCloudUsd()).isZero();
        // $5,599 / ($1,000 - $6.0875) a month.
        assertThat(o.paybackMonths()).isCloseTo(5599 / (1000 - 6.0875), within(1e-9));
        // Over 36 months: ($5,599 - 52 % resale) / 36 + $6.0875.
        double depreciation = 5599 * (1 - 0.52) / 36;
        assertThat(o.depreciationPerMonthUsd()).isCloseTo(depreciation, within(1e-9));
        assertThat(o.averageMonthlyCostUsd()).isCloseTo(depreciation + 6.0875, within(1e-9));
        assertThat(o.averageMonthlySavingsUsd()).isCloseTo(1000 - depreciation - 6.0875, within(1e-9));
    }

    @Test
    void workTheLocalModelCannotDoStaysInTheCloudBill() {
        Economics.Outcome o = economics(new Baseline("api", 1000, ""), true).run(EXPECTED.withLocalCapableShare(0.5));
        // Half the work stays in the cloud ($500); the machine is busy 2 h: (2 x 200 + 22 x 10) W h = 0.62 kWh a day.
        double electricity = 0.62 * 0.20 * 30.4375;
        assertThat(o.firstMonthCloudUsd()).isCloseTo(500, within(1e-9));
        assertThat(o.firstMonthElectricityUsd()).isCloseTo(electricity, within(1e-9));
        assertThat(o.paybackMonths()).isCloseTo(5599 / (500 - electricity), within(1e-9));
    }

    @Test
    void aFlatSubscriptionThatCostsLessThanElectricityNeverPaysBack() {
        Economics.Outcome o = economics(new Baseline("claude-pro", 5, ""), false).run(EXPECTED);
        assertThat(o.paysBack()).isFalse();
        assertThat(o.averageMonthlySavingsUsd()).isNegative();
    }

    @Test
    void growingPayAsYouGoUsagePaysBackSooner() {
        Economics economics = economics(new Baseline("api", 1000, ""), true);
        double flat = economics.run(EXPECTED).paybackMonths();
        double growing = economics.run(EXPECTED.withGrowth(0.05)).paybackMonths();
        assertThat(growing).isLessThan(flat);
        // Month by month: 1000 x 1.05^(m-1) of baseline less electricity; the machine is paid in month 6.
        assertThat(growing).isBetween(5.0, 6.0);
    }

    @Test
    void aRentedMachineIsPaidByTheHourItIsUp() {
        Device h100 = Catalog.bundled().device("rented-h100-runpod");
        ReplayResult r = busyFourHoursOfOneDay();
        Economics e = new Economics(h100, new OptionReplays(Uncertain.fixed(1), r, r, r, 0, 0, 0), 1, 1000, 8,
                new Baseline("api", 1000, ""), true, 36);
        Economics.Outcome o = e.run(EXPECTED.withPurchase(0));
        // Up for the 8 working hours a day plus a quarter of an hour to start, at $2.69 an hour.
        assertThat(o.firstMonthRentalUsd()).isCloseTo(8.25 * 2.69 * 30.4375, within(1e-9));
        assertThat(o.firstMonthElectricityUsd()).isZero();
        assertThat(o.averageMonthlySavingsUsd()).isCloseTo(1000 - 8.25 * 2.69 * 30.4375, within(1e-9));
    }

    @Test
    void theCrossoverVolumeIsWhereTheFixedCostsMeetTheMarginOverTheApi() {
        Economics economics = economics(new Baseline("api", 1000, ""), true);
        // Fixed: depreciation + idle power around the clock; per unit of volume: the busy hours' extra power.
        double depreciation = 5599 * (1 - 0.52) / 36;
        double idle = 24 * 10 / 1000.0 * 0.20 * 30.4375;
        double busyExtra = 4 * (200 - 10) / 1000.0 * 0.20 * 30.4375;
        assertThat(economics.crossoverScale(EXPECTED)).isCloseTo((depreciation + idle) / (1000 - busyExtra), within(1e-9));
        assertThat(economics(new Baseline("max-20x", 200, ""), false).crossoverScale(EXPECTED)).isNaN();
        assertThat(economics.run(EXPECTED).energyKwhPerMonth()).isCloseTo(1.0 * 30.4375, within(1e-9));
    }
}
