package dk.borgerflow.deadline;

import static dk.borgerflow.deadline.CalendarFixtures.SLAGELSE;
import static dk.borgerflow.deadline.CalendarFixtures.SPANGA_TENSTA;
import static dk.borgerflow.deadline.CalendarFixtures.aBridgeDayAfterAscension2026;
import static dk.borgerflow.deadline.CalendarFixtures.aDeskClosingEarlyOnFridays;
import static dk.borgerflow.deadline.CalendarFixtures.calendars;
import static dk.borgerflow.deadline.CalendarFixtures.copenhagen;
import static dk.borgerflow.deadline.CalendarFixtures.stockholm;
import static dk.borgerflow.deadline.CalendarFixtures.theDefaultCalendars;
import static dk.borgerflow.municipality.Tier.CONTACT_CENTER;
import static dk.borgerflow.municipality.Tier.DESK;
import static dk.borgerflow.municipality.Tier.SELF_SERVICE;
import static dk.borgerflow.municipality.Tier.SPECIALIST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.borgerflow.municipality.Tier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Working-time arithmetic for Danish and Swedish municipalities; plain JUnit, no Spring. */
class WorkingTimeCalendarTest {

    private final BusinessTimeCalendar calendars = theDefaultCalendars();

    private Instant inSlagelse(Tier tier, String from, String duration) {
        return calendars.plus(SLAGELSE, tier, copenhagen(from), duration);
    }

    private Instant inSpangaTensta(String from, String duration) {
        return calendars.plus(SPANGA_TENSTA, CONTACT_CENTER, stockholm(from), duration);
    }

    // --- Weekends ---

    @Test
    void fourOpeningHoursFromFridayAfternoonEndOnMondayMorning() {
        assertThat(inSlagelse(CONTACT_CENTER, "2026-06-12T16:00", "PT4H")).isEqualTo(copenhagen("2026-06-15T10:00"));
    }

    @Test
    void twoWorkingDaysFromFridayEndOnTuesdayAtTheSameClockTime() {
        assertThat(inSlagelse(CONTACT_CENTER, "2026-06-12T10:00", "P2D")).isEqualTo(copenhagen("2026-06-16T10:00"));
    }

    @Test
    void theDeskOpensLaterSoItsHoursRunOutLaterOnMonday() {
        assertThat(inSlagelse(DESK, "2026-06-12T16:00", "PT4H")).isEqualTo(copenhagen("2026-06-15T12:00"));
    }

    @Test
    void selfServiceCountsInContactCenterHours() {
        assertThat(inSlagelse(SELF_SERVICE, "2026-06-12T16:00", "PT4H")).isEqualTo(copenhagen("2026-06-15T10:00"));
    }

    @Test
    void tenWorkingDaysForSpecialistsSkipWeekendsAndGrundlovsdag() {
        assertThat(inSlagelse(SPECIALIST, "2026-06-01T09:00", "P10D")).isEqualTo(copenhagen("2026-06-16T09:00"));
    }

    @Test
    void openingTimeBetweenFridayAfternoonAndMondayMorningLeavesOutTheWeekend() {
        assertThat(calendars.between(SLAGELSE, CONTACT_CENTER, copenhagen("2026-06-12T16:00"),
                copenhagen("2026-06-15T10:00"))).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void aDayAndSomeHoursAddDaysFirst() {
        assertThat(inSlagelse(CONTACT_CENTER, "2026-06-11T16:00", "P1DT3H")).isEqualTo(copenhagen("2026-06-15T09:00"));
    }

    // --- OutsideOpeningHours ---

    @Test
    void countingStartsAtTheNextOpeningWhenReceivedOnSaturday() {
        assertThat(inSlagelse(CONTACT_CENTER, "2026-06-13T11:00", "P2D")).isEqualTo(copenhagen("2026-06-17T08:00"));
        assertThat(inSlagelse(CONTACT_CENTER, "2026-06-13T11:00", "PT4H")).isEqualTo(copenhagen("2026-06-15T12:00"));
    }

    @Test
    void countingStartsAtTheNextOpeningWhenReceivedAfterClosing() {
        assertThat(inSlagelse(CONTACT_CENTER, "2026-06-12T19:30", "PT4H")).isEqualTo(copenhagen("2026-06-15T12:00"));
        assertThat(inSlagelse(CONTACT_CENTER, "2026-06-12T18:00", "P1D")).isEqualTo(copenhagen("2026-06-16T08:00"));
    }

    @Test
    void countingStartsAtOpeningWhenReceivedEarlyInTheMorning() {
        assertThat(inSlagelse(DESK, "2026-06-15T06:30", "PT1H")).isEqualTo(copenhagen("2026-06-15T11:00"));
    }

    @Test
    void hoursThatRunOutExactlyAtClosingEndAtClosing() {
        assertThat(inSlagelse(CONTACT_CENTER, "2026-06-12T14:00", "PT4H")).isEqualTo(copenhagen("2026-06-12T18:00"));
    }

    @Test
    void aWorkingDayAfterALateStartIsClampedToAnEarlierClosing() {
        BusinessTimeCalendar earlyFriday = calendars(CalendarProperties.standard(), aDeskClosingEarlyOnFridays());
        assertThat(earlyFriday.plus(SLAGELSE, DESK, copenhagen("2026-06-10T17:00"), "P2D"))
                .isEqualTo(copenhagen("2026-06-12T14:00"));
    }

    @Test
    void nothingIsAddedForAZeroDuration() {
        assertThat(inSlagelse(CONTACT_CENTER, "2026-06-13T11:00", "PT0S")).isEqualTo(copenhagen("2026-06-13T11:00"));
    }

    // --- DanishHolidays ---

    @Test
    void easterSkipsSkaertorsdagLangfredagAndSecondEasterDay() {
        assertThat(inSlagelse(CONTACT_CENTER, "2026-04-01T14:00", "P2D")).isEqualTo(copenhagen("2026-04-08T14:00"));
        assertThat(calendars.isWorkingDay(SLAGELSE, LocalDate.parse("2026-04-02"))).isFalse();
        assertThat(calendars.isWorkingDay(SLAGELSE, LocalDate.parse("2026-04-03"))).isFalse();
        assertThat(calendars.isWorkingDay(SLAGELSE, LocalDate.parse("2026-04-06"))).isFalse();
    }

    @Test
    void kristiHimmelfartsdagIsSkipped() {
        assertThat(inSlagelse(CONTACT_CENTER, "2026-05-13T12:00", "P1D")).isEqualTo(copenhagen("2026-05-15T12:00"));
    }

    @Test
    void aBridgeDayAddedByTheMunicipalityIsSkippedToo() {
        BusinessTimeCalendar withBridgeDay = calendars(CalendarProperties.standard(), aBridgeDayAfterAscension2026());
        assertThat(withBridgeDay.plus(SLAGELSE, CONTACT_CENTER, copenhagen("2026-05-13T12:00"), "P1D"))
                .isEqualTo(copenhagen("2026-05-18T12:00"));
    }

    @Test
    void secondPentecostDayIsSkipped() {
        assertThat(inSlagelse(CONTACT_CENTER, "2026-05-22T16:00", "PT4H")).isEqualTo(copenhagen("2026-05-26T10:00"));
    }

    @Test
    void grundlovsdagIsAMunicipalClosingDay() {
        assertThat(inSlagelse(CONTACT_CENTER, "2026-06-04T17:00", "PT2H")).isEqualTo(copenhagen("2026-06-08T09:00"));
        assertThat(calendars.isWorkingDay(SLAGELSE, LocalDate.parse("2026-06-05"))).isFalse();
    }

    @Test
    void christmasEveAndChristmasAreSkipped() {
        assertThat(inSlagelse(CONTACT_CENTER, "2026-12-23T12:00", "P2D")).isEqualTo(copenhagen("2026-12-29T12:00"));
    }

    @Test
    void newYearsEveAndNewYearsDayAreSkippedAcrossTheYearBoundary() {
        assertThat(inSlagelse(CONTACT_CENTER, "2026-12-30T12:00", "P1D")).isEqualTo(copenhagen("2027-01-04T12:00"));
    }

    @Test
    void namesDanishHolidaysInDanishAndSwedishInSwedish() {
        assertThat(new PublicHolidays().holidays("DK", 2026)).containsEntry(LocalDate.parse("2026-04-02"), "Skærtorsdag")
                .containsEntry(LocalDate.parse("2026-05-25"), "2. pinsedag").doesNotContainKey(LocalDate.parse("2026-06-05"));
        assertThat(new PublicHolidays().holidays("SE", 2026)).containsKey(LocalDate.parse("2026-06-19"));
    }

    @Test
    void storeBededagIsAWorkingDaySince2024() {
        assertThat(calendars.isWorkingDay(SLAGELSE, LocalDate.parse("2023-05-05"))).isFalse();
        assertThat(calendars.isWorkingDay(SLAGELSE, LocalDate.parse("2024-04-26"))).isTrue();
    }

    @Test
    void closingDaysCanBeConfiguredPerMunicipality() {
        CalendarProperties properties = new CalendarProperties(null, Map.of(SLAGELSE,
                new CalendarProperties.MunicipalityCalendar(null, List.of(ClosingDay.parse("2026-06-15")))), null);
        assertThat(calendars(properties, CalendarOverrides.NONE)
                .plus(SLAGELSE, CONTACT_CENTER, copenhagen("2026-06-12T16:00"), "PT4H"))
                .isEqualTo(copenhagen("2026-06-16T10:00"));
    }

    @Test
    void openingHoursCanBeConfiguredPerTierForAllMunicipalities() {
        CalendarProperties properties = new CalendarProperties(new CalendarProperties.Defaults(
                Map.of(CONTACT_CENTER, OpeningHours.parse("Mon-Fri 09:00-15:00")), null, null, null), null, null);
        assertThat(calendars(properties, CalendarOverrides.NONE)
                .plus(SLAGELSE, CONTACT_CENTER, copenhagen("2026-06-12T14:00"), "PT4H"))
                .isEqualTo(copenhagen("2026-06-15T12:00"));
    }

    // --- SwedishHolidays ---

    @Test
    void trettondedagJulIsSkipped() {
        assertThat(inSpangaTensta("2026-01-05T17:00", "PT2H")).isEqualTo(stockholm("2026-01-07T09:00"));
    }

    @Test
    void midsommaraftonIsSkipped() {
        assertThat(inSpangaTensta("2026-06-18T17:00", "PT2H")).isEqualTo(stockholm("2026-06-22T09:00"));
    }

    @Test
    void nationaldagenIsSkipped() {
        assertThat(inSpangaTensta("2025-06-05T12:00", "P1D")).isEqualTo(stockholm("2025-06-09T12:00"));
    }

    @Test
    void theDanishGrundlovsdagIsAWorkingDayInSweden() {
        assertThat(calendars.isWorkingDay(SPANGA_TENSTA, LocalDate.parse("2026-06-05"))).isTrue();
        assertThat(calendars.zone(SPANGA_TENSTA)).isEqualTo(ZoneId.of("Europe/Stockholm"));
    }

    // --- DaylightSaving ---

    @Test
    void hoursOverTheSpringChangeEndAtTheSameWallClockTime() {
        assertThat(inSlagelse(CONTACT_CENTER, "2026-03-27T16:00", "PT4H")).isEqualTo(copenhagen("2026-03-30T10:00"));
        assertThat(inSpangaTensta("2026-03-27T16:00", "PT4H")).isEqualTo(stockholm("2026-03-30T10:00"));
    }

    @Test
    void daysOverTheAutumnChangeKeepTheWallClockTime() {
        assertThat(inSlagelse(CONTACT_CENTER, "2026-10-23T10:00", "P2D")).isEqualTo(copenhagen("2026-10-27T10:00"));
        assertThat(inSpangaTensta("2026-10-23T10:00", "P2D")).isEqualTo(stockholm("2026-10-27T10:00"));
    }

    @Test
    void openingTimeOverTheChangeCountsOnlyOpeningHours() {
        assertThat(calendars.between(SLAGELSE, CONTACT_CENTER, copenhagen("2026-03-27T08:00"),
                copenhagen("2026-03-30T18:00"))).isEqualTo(Duration.ofHours(20));
    }

    @Test
    void aNightShiftOnTheSpringChangeDayIsOneHourShorter() {
        WorkingCalendar nightShift = new WorkingCalendar(ZoneId.of("Europe/Copenhagen"),
                OpeningHours.parse("Sun 00:00-06:00"), date -> false);
        assertThat(nightShift.between(copenhagen("2026-03-29T00:00"), copenhagen("2026-03-29T06:00")))
                .isEqualTo(Duration.ofHours(5));
        assertThat(nightShift.between(copenhagen("2026-10-25T00:00"), copenhagen("2026-10-25T06:00")))
                .isEqualTo(Duration.ofHours(7));
    }

    // --- Rules ---

    @Test
    void refusesMonthsBecauseTheirWorkingLengthIsAmbiguous() {
        assertThatThrownBy(() -> inSlagelse(CONTACT_CENTER, "2026-06-12T10:00", "P1M"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P1M");
    }

    @Test
    void refusesAnUnknownMunicipality() {
        assertThatThrownBy(() -> calendars.plus("atlantis", CONTACT_CENTER, copenhagen("2026-06-12T10:00"), "P1D"))
                .isInstanceOf(UnknownMunicipalityException.class);
    }

    @Test
    void withoutAMunicipalityTheDanishDefaultsApply() {
        assertThat(calendars.plus(null, CONTACT_CENTER, copenhagen("2026-06-04T17:00"), "PT2H"))
                .isEqualTo(copenhagen("2026-06-08T09:00"));
    }

    @Test
    void countsBackWorkingDaysBeforeADate() {
        assertThat(calendars.workingDaysBefore(SLAGELSE, LocalDate.parse("2026-06-08"), 2))
                .isEqualTo(LocalDate.parse("2026-06-03"));
    }

}
