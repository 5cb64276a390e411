package dk.borgerflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.municipality.Tier;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;

/** {@code borgerflow.calendars} binds from the text forms process owners write in YAML. */
class CalendarPropertiesTest {

    private static CalendarProperties bind(Map<String, String> yaml) {
        return new Binder(java.util.List.of(new MapConfigurationPropertySource(yaml)), null,
                ApplicationConversionService.getSharedInstance())
                .bindOrCreate("borgerflow.calendars", Bindable.of(CalendarProperties.class));
    }

    @Test
    void bindsOpeningHoursPerTierAndKeepsTheDefaultsOfTiersNotMentioned() {
        CalendarProperties properties = bind(Map.of(
                "borgerflow.calendars.defaults.opening-hours.desk", "Mon-Thu 10:00-18:00, Fri 10:00-14:00",
                "borgerflow.calendars.cache-ttl", "PT30S"));

        assertThat(properties.defaults().openingHours().get(Tier.DESK))
                .hasToString("Mon-Thu 10:00-18:00, Fri 10:00-14:00");
        assertThat(properties.defaults().openingHours().get(Tier.SPECIALIST)).hasToString("Mon-Fri 08:00-16:00");
        assertThat(properties.cacheTtl()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void bindsClosingDaysPerCountryAndPerMunicipality() {
        CalendarProperties properties = bind(Map.of(
                "borgerflow.calendars.defaults.closing-days.DK[0]", "06-05",
                "borgerflow.calendars.municipalities.spanga-tensta.closing-days[0]", "2026-12-23",
                "borgerflow.calendars.municipalities.spanga-tensta.opening-hours.contact-center", "Mon-Fri 09:00-16:00"));

        assertThat(properties.defaults().closingDays("DK")).containsExactly(ClosingDay.parse("06-05"));
        assertThat(properties.municipality("spanga-tensta").closingDays()).containsExactly(ClosingDay.parse("2026-12-23"));
        assertThat(properties.municipality("spanga-tensta").openingHours().get(Tier.CONTACT_CENTER))
                .hasToString("Mon-Fri 09:00-16:00");
    }

    @Test
    void withoutConfigurationTheDanishDefaultsApply() {
        CalendarProperties properties = bind(Map.of());

        assertThat(properties.defaults().zone()).isEqualTo(ZoneId.of("Europe/Copenhagen"));
        assertThat(properties.defaults().closingDays("DK")).extracting(ClosingDay::toString)
                .containsExactly("06-05", "12-24", "12-31");
        assertThat(properties.defaults().openingHours().get(Tier.SELF_SERVICE)).hasToString("Mon-Fri 08:00-18:00");
    }
}
