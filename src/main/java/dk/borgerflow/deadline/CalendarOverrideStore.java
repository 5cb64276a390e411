package dk.borgerflow.deadline;

import dk.borgerflow.municipality.Tier;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Persists the admin overrides of opening hours and closing days. */
@Component
class CalendarOverrideStore {

    private final OpeningHoursOverrides hours;
    private final ClosingDayEntries closingDays;

    CalendarOverrideStore(OpeningHoursOverrides hours, ClosingDayEntries closingDays) {
        this.hours = hours;
        this.closingDays = closingDays;
    }

    @Transactional(readOnly = true)
    CalendarOverrides overridesFor(String municipality) {
        Map<Tier, OpeningHours> byTier = new EnumMap<>(Tier.class);
        hours.findByMunicipality(municipality).forEach(o -> byTier.put(o.tier(), o.hours()));
        return new CalendarOverrides(byTier, closingDays.findByMunicipalityOrderByClosedOn(municipality).stream()
                .map(ClosingDayEntry::day).toList());
    }

    @Transactional(readOnly = true)
    List<ClosingDayEntry> closingDays(String municipality) {
        return closingDays.findByMunicipalityOrderByClosedOn(municipality);
    }

    @Transactional
    void setOpeningHours(String municipality, Tier tier, OpeningHours openingHours, String by, Instant at) {
        OpeningHoursOverride override = hours.findByMunicipalityAndTier(municipality, tier)
                .orElseGet(() -> new OpeningHoursOverride(municipality, tier));
        override.change(openingHours, by, at);
        hours.save(override);
    }

    @Transactional
    boolean clearOpeningHours(String municipality, Tier tier) {
        Optional<OpeningHoursOverride> override = hours.findByMunicipalityAndTier(municipality, tier);
        override.ifPresent(hours::delete);
        return override.isPresent();
    }

    /** False if the day was already added. */
    @Transactional
    boolean addClosingDay(String municipality, ClosingDay day, String reason, String by, Instant at) {
        if (closingDays.findByMunicipalityAndClosedOn(municipality, day.toString()).isPresent()) {
            return false;
        }
        closingDays.save(new ClosingDayEntry(municipality, day, reason, by, at));
        return true;
    }

    @Transactional
    boolean removeClosingDay(String municipality, ClosingDay day) {
        Optional<ClosingDayEntry> entry = closingDays.findByMunicipalityAndClosedOn(municipality, day.toString());
        entry.ifPresent(closingDays::delete);
        return entry.isPresent();
    }
}
