package dk.borgerflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {

    @Test
    void readsDayRangesAndSingleDaysInEnglishOrDanish() {
        OpeningHours hours = OpeningHours.parse("man-tor 10:00-18:00, Fri 10.00-14.00");
        assertThat(hours.on(DayOfWeek.THURSDAY)).contains(new OpeningHours.Span(LocalTime.of(10, 0), LocalTime.of(18, 0)));
        assertThat(hours.on(DayOfWeek.FRIDAY)).contains(new OpeningHours.Span(LocalTime.of(10, 0), LocalTime.of(14, 0)));
        assertThat(hours.opensOn(DayOfWeek.SATURDAY)).isFalse();
        assertThat(hours).hasToString("Mon-Thu 10:00-18:00, Fri 10:00-14:00");
    }

    @Test
    void refusesClosingBeforeOpening() {
        assertThatThrownBy(() -> OpeningHours.parse("Mon-Fri 18:00-08:00")).hasMessageContaining("closes");
    }

    @Test
    void refusesADayListedTwice() {
        assertThatThrownBy(() -> OpeningHours.parse("Mon-Fri 08:00-18:00, Fri 09:00-12:00")).hasMessageContaining("twice");
    }

    @Test
    void refusesUnreadableText() {
        assertThatThrownBy(() -> OpeningHours.parse("weekdays eight to six")).hasMessageContaining("cannot read");
    }

    @Test
    void readsYearlyAndOneOffClosingDays() {
        assertThat(ClosingDay.parse("06-05").matches(java.time.LocalDate.parse("2031-06-05"))).isTrue();
        assertThat(ClosingDay.parse("2026-05-15").matches(java.time.LocalDate.parse("2027-05-15"))).isFalse();
        assertThatThrownBy(() -> ClosingDay.parse("15/5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsWorkingDurationsOfDaysAndHoursOnly() {
        assertThat(WorkingDuration.parse("P2D")).isEqualTo(new WorkingDuration(2, java.time.Duration.ZERO));
        assertThat(WorkingDuration.parse("P1DT2H30M")).hasToString("P1DT2H30M");
        assertThat(WorkingDuration.tryParse("P1W")).isEmpty();
        assertThat(WorkingDuration.tryParse("2026-06-01T10:00:00")).isEmpty();
        assertThat(WorkingDuration.tryParse("R3/PT1H")).isEmpty();
        assertThat(WorkingDuration.tryParse("PT")).isEmpty();
    }
}
