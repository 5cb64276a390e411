package dk.borgerflow.deadline;

import dk.borgerflow.municipality.Tier;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Working-time calendars ({@code borgerflow.calendars}): default opening hours per tier, default
 * closing days per country (Denmark: Grundlovsdag, 24 and 31 December, which jollyday does not
 * list as holidays), and per-municipality overrides of both. Admin overrides from the API come on
 * top (see {@link CalendarAdministration}). Tiers missing from a map keep the built-in defaults.
 *
 * @param defaults       used by every municipality unless overridden
 * @param municipalities per municipality slug: opening hours per tier, extra closing days
 * @param cacheTtl       how long a node keeps a municipality's calendar before re-reading overrides
 */
@ConfigurationProperties("borgerflow.calendars")
public record CalendarProperties(Defaults defaults, Map<String, MunicipalityCalendar> municipalities,
        Duration cacheTtl) {

    /** Contact center Mon-Fri 08-18, desk Mon-Fri 10-18, specialists Mon-Fri 08-16; self-service as contact center. */
    public static final Map<Tier, OpeningHours> STANDARD_HOURS = Map.of(
            Tier.SELF_SERVICE, OpeningHours.parse("Mon-Fri 08:00-18:00"),
            Tier.CONTACT_CENTER, OpeningHours.parse("Mon-Fri 08:00-18:00"),
            Tier.DESK, OpeningHours.parse("Mon-Fri 10:00-18:00"),
            Tier.SPECIALIST, OpeningHours.parse("Mon-Fri 08:00-16:00"));

    /** Grundlovsdag, juleaftensdag and nytårsaftensdag: Danish municipal offices close. */
    public static final Map<String, List<ClosingDay>> STANDARD_CLOSING_DAYS = Map.of(
            "DK", List.of(ClosingDay.parse("06-05"), ClosingDay.parse("12-24"), ClosingDay.parse("12-31")),
            "SE", List.of());

    public CalendarProperties {
        defaults = defaults == null ? new Defaults(null, null, null, null) : defaults;
        municipalities = municipalities == null ? Map.of() : Map.copyOf(municipalities);
        cacheTtl = cacheTtl == null ? Duration.ofMinutes(1) : cacheTtl;
    }

    /** The built-in defaults, no overrides (for tests and as documentation). */
    public static CalendarProperties standard() {
        return new CalendarProperties(null, null, null);
    }

    public MunicipalityCalendar municipality(String slug) {
        return municipalities.getOrDefault(slug, new MunicipalityCalendar(null, null));
    }

    /**
     * @param openingHours per tier ({@code contact-center: "Mon-Fri 08:00-18:00"})
     * @param closingDays  per country code (DK, SE): {@code MM-DD} every year or {@code YYYY-MM-DD}
     * @param country      calendar for process instances without a municipality (DK)
     * @param zone         time zone for process instances without a municipality (Europe/Copenhagen)
     */
    public record Defaults(Map<Tier, OpeningHours> openingHours, Map<String, List<ClosingDay>> closingDays,
            String country, ZoneId zone) {

        public Defaults {
            Map<Tier, OpeningHours> hours = new EnumMap<>(STANDARD_HOURS);
            if (openingHours != null) {
                hours.putAll(openingHours);
            }
            openingHours = Map.copyOf(hours);
            Map<String, List<ClosingDay>> days = new HashMap<>(STANDARD_CLOSING_DAYS);
            if (closingDays != null) {
                closingDays.forEach((c, list) -> days.put(c.toUpperCase(Locale.ROOT), List.copyOf(list)));
            }
            closingDays = Map.copyOf(days);
            country = country == null ? "DK" : country.toUpperCase(Locale.ROOT);
            zone = zone == null ? ZoneId.of("Europe/Copenhagen") : zone;
        }

        public List<ClosingDay> closingDays(String country) {
            return closingDays.getOrDefault(country, List.of());
        }
    }

    /**
     * @param openingHours tiers whose hours differ from the defaults
     * @param closingDays  closing days in addition to the country's defaults
     */
    public record MunicipalityCalendar(Map<Tier, OpeningHours> openingHours, List<ClosingDay> closingDays) {

        public MunicipalityCalendar {
            openingHours = openingHours == null ? Map.of() : Map.copyOf(openingHours);
            closingDays = closingDays == null ? List.of() : List.copyOf(closingDays);
        }
    }
}
