package costplan.plan;

import costplan.catalog.Catalog;
import costplan.catalog.Device;
import costplan.catalog.RentalBilling;
import costplan.replay.ReplayResult;
import costplan.workload.WorkCalendar;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Hand-worked money for a 256 GB Mac Studio M3 Ultra ($5,599, 10 W idle, 200 W busy) that is busy 4 hours of an
 * 8-hour working day replacing $1,000 a month of API use, with electricity at $0.20/kWh; and for rented GPUs billed
 * per second, minute and hour. A month is 365.25 / 12 = 30.4375 days.
 */
class EconomicsTest {
    private static final Device MAC = Catalog.bundled().device("mac-studio-m3-ultra-256gb");
    private static final Device H100 = Catalog.bundled().device("rented-h100-runpod");
    private static final Scenario EXPECTED = new Scenario(1, 0.20, 0, 1, 1, 5599);
    private static final double MONTH = 30.4375;
    private static final double HOUR = 3600;

    static ReplayResult busyFourHoursOfOneDay() {
        return new ReplayResult(100, 100, 1_000_000, 1_000_000, Map.of(), new BitSet(), 4 * 3600, 86_400, 1, 1.1, 5, 9,
                500_000, 0, 60_000_000_000L);
    }

    /** One day of logs: one 8-hour stretch of work. */
    static WorkCalendar oneWorkingDay(double stretchHours) {
        return new WorkCalendar(LocalDate.of(2026, 1, 5), 1, 1, 1, 8, Duration.ofMinutes(15), List.of(stretchHours * HOUR));
    }

    static Economics economics(Device device, WorkCalendar calendar, Baseline baseline, boolean scales, Uptime uptime) {
        ReplayResult r = busyFourHoursOfOneDay();
        return new Economics(device, new OptionReplays(Uncertain.fixed(1), r, r, r, 0, 0, 0), calendar, 50, 1000, baseline,
                scales, 36, uptime, 0);
    }

    static Economics mac(Baseline baseline, boolean scales) {
        return economics(MAC, oneWorkingDay(8), baseline, scales, Uptime.DEFAULTS);
    }

    static Baseline api(double monthly) {
        return Baseline.api(monthly, 1);
    }

    static Baseline subscription(double monthly) {
        return new Baseline("max-20x", "Claude Max 20x", monthly, 0, true, 0, 1, "", new BitSet());
    }

    /** {@code d} billed in {@code billing} instead of its own terms. */
    static Device billedAs(Device d, RentalBilling billing) {
        return new Device(d.id(), d.name(), d.kind(), d.platform(), d.chip(), d.formFactor(), d.chipClass(), d.memoryGb(), d.usableMemoryShare(),
                d.memoryBandwidthGBps(), d.fp16Tflops(), d.gpuCount(), d.idleWatts(), d.loadWatts(), d.priceNewUsd(),
                d.priceNewDate(), d.priceNewRangeUsd(), d.priceUsedUsd(), d.hostSystemPriceUsd(), d.resale(), d.rentalUsdPerHour(),
                d.rentalUsdPerHourRange(), d.rentalProvider(), d.rentalDate(), billing, d.diskReadGBps(), d.notes(), d.sources());
    }

    @Nested
    class OwnedMachine {
        @Test
        void electricityAtBusyAndIdleHoursOfTheWorkingDayAndThePaybackOfTheSavings() {
            Economics.Outcome o = mac(api(1000), true).run(EXPECTED);
            // On for the 8 working hours, off otherwise: (4 h x 200 W + 4 h x 10 W) = 0.84 kWh a day = $0.168 a day.
            double electricity = 0.84 * 0.20 * MONTH;
            assertThat(o.firstMonthElectricityUsd()).isCloseTo(electricity, within(1e-9));
            assertThat(o.energyKwhPerMonth()).isCloseTo(0.84 * MONTH, within(1e-9));
            assertThat(o.firstMonthCloudUsd()).isZero();
            assertThat(o.rentalMode()).isNull();
            assertThat(o.paybackMonths()).isCloseTo(5599 / (1000 - electricity), within(1e-9));
            // Over 36 months: ($5,599 - 52 % resale) / 36 + electricity, the same now and on average (no growth).
            double depreciation = 5599 * (1 - 0.52) / 36;
            assertThat(o.depreciationPerMonthUsd()).isCloseTo(depreciation, within(1e-9));
            assertThat(o.nowMonthlyCostUsd()).isCloseTo(depreciation + electricity, within(1e-9));
            assertThat(o.averageMonthlyCostUsd()).isCloseTo(depreciation + electricity, within(1e-9));
            assertThat(o.averageMonthlySavingsUsd()).isCloseTo(1000 - depreciation - electricity, within(1e-9));
        }

        @Test
        void leftOnAroundTheClockItDrawsIdlePowerOutsideWork() {
            Economics e = economics(MAC, oneWorkingDay(8), api(1000), true, Uptime.DEFAULTS.withOwnedAlwaysOn(true));
            // (4 h x 200 W + 20 h x 10 W) = 1.0 kWh a day.
            assertThat(e.run(EXPECTED).firstMonthElectricityUsd()).isCloseTo(1.0 * 0.20 * MONTH, within(1e-9));
        }

        @Test
        void workTheLocalModelCannotDoStaysInTheCloudBill() {
            Economics.Outcome o = mac(api(1000), true).run(EXPECTED.withLocalCapableShare(0.5));
            // Half the work stays in the cloud ($500); busy 2 h of the 8: (2 x 200 + 6 x 10) W h = 0.46 kWh a day.
            double electricity = 0.46 * 0.20 * MONTH;
            assertThat(o.firstMonthCloudUsd()).isCloseTo(500, within(1e-9));
            assertThat(o.firstMonthElectricityUsd()).isCloseTo(electricity, within(1e-9));
            assertThat(o.paybackMonths()).isCloseTo(5599 / (500 - electricity), within(1e-9));
        }

        @Test
        void aFlatSubscriptionThatCostsLessThanElectricityNeverPaysBack() {
            Economics.Outcome o = mac(subscription(2), false).run(EXPECTED);
            assertThat(o.paysBack()).isFalse();
            assertThat(o.averageMonthlySavingsUsd()).isNegative();
        }

        @Test
        void growingPayAsYouGoUsagePaysBackSoonerAndTheNowFigureIgnoresGrowth() {
            Economics economics = mac(api(1000), true);
            double flat = economics.run(EXPECTED).paybackMonths();
            Economics.Outcome growing = economics.run(EXPECTED.withGrowth(0.05));
            assertThat(growing.paybackMonths()).isLessThan(flat).isBetween(5.0, 6.0);
            assertThat(growing.nowMonthlyCostUsd()).isCloseTo(economics.run(EXPECTED).nowMonthlyCostUsd(), within(1e-9));
            assertThat(growing.averageMonthlyCostUsd()).isGreaterThan(growing.nowMonthlyCostUsd());
        }

        @Test
        void theCrossoverVolumeIsWhereTheFixedCostsMeetTheMarginOverTheApi() {
            Economics economics = mac(api(1000), true);
            // Fixed: depreciation + idle power in working hours; per unit of volume: the busy hours' extra power.
            double depreciation = 5599 * (1 - 0.52) / 36;
            double idle = 8 * 10 / 1000.0 * 0.20 * MONTH;
            double busyExtra = 4 * (200 - 10) / 1000.0 * 0.20 * MONTH;
            assertThat(economics.crossoverScale(EXPECTED)).isCloseTo((depreciation + idle) / (1000 - busyExtra), within(1e-9));
            assertThat(mac(subscription(200), false).crossoverScale(EXPECTED)).isNaN();
        }
    }

    @Nested
    class RentedMachine {
        private static final double RATE = 2.69;

        @Test
        void onDemandEachStretchIsBilledFromItsStartUpToTheIdleGapAfterIt() {
            Economics.Outcome o = economics(H100, oneWorkingDay(8), api(1000), true, Uptime.DEFAULTS).run(EXPECTED.withPurchase(0));
            // Per second: 0.25 h start-up + 8 h of work + 0.25 h idle before it stops = 8.5 h a working day.
            assertThat(o.rentalMode()).isEqualTo(RentalMode.ON_DEMAND);
            assertThat(o.firstMonthStartupsUsd()).isCloseTo(0.25 * RATE * MONTH, within(1e-9));
            assertThat(o.firstMonthRentalUsd()).isCloseTo(8.25 * RATE * MONTH, within(1e-9));
            // 50 GB of model files on a network volume at $0.07 per GB-month.
            assertThat(o.firstMonthStorageUsd()).isCloseTo(50 * 0.07, within(1e-9));
            assertThat(o.firstMonthElectricityUsd()).isZero();
            assertThat(o.nowMonthlyCostUsd()).isCloseTo(8.5 * RATE * MONTH + 3.5, within(1e-9));
        }

        @Test
        void billedPerHourAStretchIsRoundedUpToWholeHours() {
            Device hourly = billedAs(H100, new RentalBilling(3600, 0.07));
            Economics.Outcome o = economics(hourly, oneWorkingDay(7.6), api(1000), true, Uptime.DEFAULTS).run(EXPECTED.withPurchase(0));
            // 0.25 + 7.6 + 0.25 = 8.1 h, billed as 9 h: 0.25 h of it is the start-up.
            assertThat(o.firstMonthStartupsUsd() + o.firstMonthRentalUsd()).isCloseTo(9 * RATE * MONTH, within(1e-9));
            assertThat(o.firstMonthStartupsUsd()).isCloseTo(0.25 * RATE * MONTH, within(1e-9));
        }

        @Test
        void billedPerMinuteAStretchIsRoundedUpToWholeMinutes() {
            Device perMinute = billedAs(H100, new RentalBilling(60, 0.20));
            double stretch = 7 + 59.5 / 60;  // 7 h 59.5 min
            Economics.Outcome o = economics(perMinute, oneWorkingDay(stretch), api(1000), true, Uptime.DEFAULTS)
                    .run(EXPECTED.withPurchase(0));
            // 15 min + 7 h 59.5 min + 15 min = 8 h 29.5 min, billed as 8 h 30 min; storage 50 GB x $0.20.
            assertThat(o.firstMonthStartupsUsd() + o.firstMonthRentalUsd()).isCloseTo(8.5 * RATE * MONTH, within(1e-9));
            assertThat(o.firstMonthStorageUsd()).isCloseTo(10, within(1e-9));
        }

        @Test
        void aStretchOfAlmostAWholeDayIsCheaperAlwaysOn() {
            Economics.Outcome o = economics(H100, oneWorkingDay(23.6), api(1000), true, Uptime.DEFAULTS).run(EXPECTED.withPurchase(0));
            // On demand: 0.25 + 23.6 + 0.25 = 24.1 h a day, more than the month's 730.5 hours: kept always on.
            assertThat(o.rentalMode()).isEqualTo(RentalMode.ALWAYS_ON);
            assertThat(o.firstMonthRentalUsd()).isCloseTo(24 * MONTH * RATE, within(1e-9));
            assertThat(o.firstMonthStartupsUsd()).isZero();
            assertThat(o.firstMonthStorageUsd()).isCloseTo(3.5, within(1e-9));
        }

        @Test
        void aModeSetIsKeptEvenWhenTheOtherIsCheaper() {
            Economics e = economics(H100, oneWorkingDay(8), api(1000), true, Uptime.DEFAULTS.withRentalMode(RentalMode.ALWAYS_ON));
            assertThat(e.run(EXPECTED.withPurchase(0)).firstMonthRentalUsd()).isCloseTo(24 * MONTH * RATE, within(1e-9));
        }

        @Test
        void daysWithoutWorkCostOnlyStorage() {
            // 249 days of logs with work on 6 of them, one 2-hour stretch each.
            WorkCalendar sparse = new WorkCalendar(LocalDate.of(2026, 1, 5), 249, 6, 36, 12, Duration.ofMinutes(15),
                    List.of(2 * HOUR, 2 * HOUR, 2 * HOUR, 2 * HOUR, 2 * HOUR, 2 * HOUR));
            Economics.Outcome o = economics(H100, sparse, api(1000), true, Uptime.DEFAULTS).run(EXPECTED.withPurchase(0));
            // 6 start-ups over 249 days is 6 / 249 x 30.4375 = 0.733 a month, not 30.4375.
            double stretchesPerMonth = 6 / 249.0 * MONTH;
            assertThat(o.firstMonthStartupsUsd()).isCloseTo(stretchesPerMonth * 0.25 * RATE, within(1e-9));
            assertThat(o.firstMonthRentalUsd()).isCloseTo(stretchesPerMonth * (2 + 0.25) * RATE, within(1e-9));
            assertThat(o.firstMonthStorageUsd()).isCloseTo(3.5, within(1e-9));
        }
    }
}
