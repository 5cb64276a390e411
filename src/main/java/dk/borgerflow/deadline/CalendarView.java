package dk.borgerflow.deadline;

import java.util.List;
import java.util.Map;

/** A municipality's effective calendar as the API shows it; {@code source} is default, configuration or admin. */
record CalendarView(String municipality, String country, String zone, Map<String, Hours> openingHours,
        List<Day> closingDays, int year, List<Holiday> holidays) {

    record Hours(String hours, String source) {
    }

    record Day(String day, String reason, String source) {
    }

    record Holiday(String date, String name) {
    }
}
