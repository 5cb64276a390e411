package dk.borgerflow.deadline;

import dk.borgerflow.municipality.Tier;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** Named municipalities and moments for calendar tests, no Spring. */
final class CalendarFixtures {

    static final String SLAGELSE = "slagelse";
    static final String SPANGA_TENSTA = "spanga-tensta";
    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private CalendarFixtures() {
    }

    /** Slagelse (DK) and Spånga-Tensta (SE) with the built-in default hours and closing days. */
    static BusinessTimeCalendar theDefaultCalendars() {
        return calendars(CalendarProperties.standard(), CalendarOverrides.NONE);
    }

    static BusinessTimeCalendar calendars(CalendarProperties properties, CalendarOverrides slagelseAdminChanges) {
        Map<String, BusinessTimeCalendar.Site> sites = Map.of(
                SLAGELSE, new BusinessTimeCalendar.Site(COPENHAGEN, "DK"),
                SPANGA_TENSTA, new BusinessTimeCalendar.Site(STOCKHOLM, "SE"));
        return new BusinessTimeCalendar(properties, slug -> Optional.ofNullable(sites.get(slug)),
                slug -> SLAGELSE.equals(slug) ? slagelseAdminChanges : CalendarOverrides.NONE,
                new PublicHolidays(), System::nanoTime);
    }

    /** Slagelse's borgerservice closes early on Fridays. */
    static CalendarOverrides aDeskClosingEarlyOnFridays() {
        return new CalendarOverrides(Map.of(Tier.DESK, OpeningHours.parse("Mon-Thu 10:00-18:00, Fri 10:00-14:00")),
                java.util.List.of());
    }

    /** Slagelse closes the Friday after Ascension Day 2026 (a common municipal bridge day). */
    static CalendarOverrides aBridgeDayAfterAscension2026() {
        return new CalendarOverrides(Map.of(), java.util.List.of(ClosingDay.parse("2026-05-15")));
    }

    /** Local time in Copenhagen, e.g. {@code copenhagen("2026-06-12T16:00")}. */
    static Instant copenhagen(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(COPENHAGEN).toInstant();
    }

    static Instant stockholm(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(STOCKHOLM).toInstant();
    }
}
