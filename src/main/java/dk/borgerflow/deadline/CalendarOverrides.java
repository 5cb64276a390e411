package dk.borgerflow.deadline;

import dk.borgerflow.municipality.Tier;
import java.util.List;
import java.util.Map;

/** What an administrator changed for one municipality through the API (on top of the configuration). */
record CalendarOverrides(Map<Tier, OpeningHours> openingHours, List<ClosingDay> closingDays) {

    static final CalendarOverrides NONE = new CalendarOverrides(Map.of(), List.of());

    CalendarOverrides {
        openingHours = Map.copyOf(openingHours);
        closingDays = List.copyOf(closingDays);
    }
}
