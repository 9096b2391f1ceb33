package costplan.importers.internal;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoInstantsTest {

    @Test
    void agreesWithInstantParseOnEveryDayFrom1970To2100() {
        for (LocalDate day = LocalDate.of(1970, 1, 1); day.getYear() <= 2100; day = day.plusDays(1)) {
            String text = day + "T" + String.format("%02d:%02d:%02d.%03dZ", day.getDayOfMonth() % 24,
                    day.getDayOfYear() % 60, day.getMonthValue() * 4, day.getDayOfYear() % 1000);
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
            String whole = day + "T23:59:59Z";
            assertThat(IsoInstants.parse(whole)).as(whole).isEqualTo(Instant.parse(whole));
        }
    }

    @Test
    void readsOtherOffsetsAndRejectsDaysThatDoNotExist() {
        assertThat(IsoInstants.parse("2026-02-11T22:41:48.049+01:00")).isEqualTo(Instant.parse("2026-02-11T21:41:48.049Z"));
        assertThat(IsoInstants.parse("2024-02-29T00:00:00.000Z")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
        assertThatThrownBy(() -> IsoInstants.parse("2025-02-29T00:00:00.000Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoInstants.parse("2025-04-31T00:00:00.000Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoInstants.parse("yesterday")).isInstanceOf(DateTimeParseException.class);
    }
}
