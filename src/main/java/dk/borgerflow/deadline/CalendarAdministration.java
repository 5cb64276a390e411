package dk.borgerflow.deadline;

import dk.borgerflow.municipality.Municipality;
import dk.borgerflow.municipality.MunicipalityCatalogue;
import dk.borgerflow.municipality.Tier;
import dk.borgerflow.security.CurrentUser;
import dk.borgerflow.security.Groups;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * The calendar API's behaviour: checking a due date, showing a municipality's effective calendar,
 * and the overrides that administrators and process owners make per municipality. Input is
 * validated here (400 naming the field); users only see their own municipalities (403).
 */
@Service
class CalendarAdministration {

    private static final Map<String, String> DANISH_CLOSING_DAYS = Map.of(
            "06-05", "Grundlovsdag", "12-24", "Juleaftensdag", "12-31", "Nytårsaftensdag");

    private final MunicipalityCatalogue catalogue;
    private final BusinessTimeCalendar calendars;
    private final CalendarOverrideStore store;
    private final CalendarProperties properties;
    private final Clock clock;

    CalendarAdministration(MunicipalityCatalogue catalogue, BusinessTimeCalendar calendars,
            CalendarOverrideStore store, CalendarProperties properties) {
        this.catalogue = catalogue;
        this.calendars = calendars;
        this.store = store;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    OffsetDateTime due(CurrentUser user, String municipality, String tier, String from, String duration) {
        Municipality m = readable(user, municipality);
        Tier t = tier(tier);
        Instant start = instant("from", from);
        if (duration == null || duration.isBlank()) {
            throw new InvalidCalendarInput("duration", "is required, e.g. P2D or PT4H");
        }
        WorkingDuration d;
        try {
            d = WorkingDuration.parse(duration);
        } catch (IllegalArgumentException e) {
            throw new InvalidCalendarInput("duration", e.getMessage());
        }
        return calendars.calendar(m.slug(), t).plus(start, d).atZone(m.zone()).toOffsetDateTime();
    }

    CalendarView view(CurrentUser user, String municipality, Integer year) {
        Municipality m = readable(user, municipality);
        int y = year == null ? LocalDate.now(m.zone()).getYear() : year;
        if (y < 1990 || y > 2200) {
            throw new InvalidCalendarInput("year", "must lie between 1990 and 2200");
        }
        Map<String, CalendarView.Hours> hours = new LinkedHashMap<>();
        for (Tier t : Tier.values()) {
            hours.put(t.name(), new CalendarView.Hours(calendars.calendar(m.slug(), t).openingHours().toString(),
                    calendars.sourceOfHours(m.slug(), t)));
        }
        List<CalendarView.Day> closingDays = new ArrayList<>();
        properties.defaults().closingDays(m.country()).forEach(d -> closingDays.add(
                new CalendarView.Day(d.toString(), "DK".equals(m.country()) ? DANISH_CLOSING_DAYS.get(d.toString()) : null,
                        "default")));
        properties.municipality(m.slug()).closingDays().forEach(d -> closingDays.add(
                new CalendarView.Day(d.toString(), null, "configuration")));
        store.closingDays(m.slug()).forEach(e -> closingDays.add(
                new CalendarView.Day(e.day().toString(), e.reason(), "admin")));
        List<CalendarView.Holiday> holidays = calendars.holidays().holidays(m.country(), y).entrySet().stream()
                .map(e -> new CalendarView.Holiday(e.getKey().toString(), e.getValue())).toList();
        return new CalendarView(m.slug(), m.country(), m.zone().getId(), hours, closingDays, y, holidays);
    }

    CalendarView setOpeningHours(CurrentUser user, String municipality, String tier, String hours) {
        Municipality m = writable(user, municipality);
        Tier t = tier(tier);
        OpeningHours parsed;
        try {
            parsed = OpeningHours.parse(hours);
        } catch (IllegalArgumentException e) {
            throw new InvalidCalendarInput("hours", e.getMessage());
        }
        store.setOpeningHours(m.slug(), t, parsed, user.userId(), clock.instant());
        calendars.evict(m.slug());
        return view(user, m.slug(), null);
    }

    CalendarView resetOpeningHours(CurrentUser user, String municipality, String tier) {
        Municipality m = writable(user, municipality);
        if (!store.clearOpeningHours(m.slug(), tier(tier))) {
            throw new CalendarEntryNotFound("Åbningstiderne for " + tier + " er ikke ændret for " + m.name() + ".");
        }
        calendars.evict(m.slug());
        return view(user, m.slug(), null);
    }

    CalendarView addClosingDay(CurrentUser user, String municipality, String date, String reason) {
        Municipality m = writable(user, municipality);
        ClosingDay day = closingDay(date);
        if (!store.addClosingDay(m.slug(), day, reason, user.userId(), clock.instant())) {
            throw new CalendarConflict(day + " er allerede lukkedag for " + m.name() + ".");
        }
        calendars.evict(m.slug());
        return view(user, m.slug(), day.isYearly() ? null : day.once().getYear());
    }

    void removeClosingDay(CurrentUser user, String municipality, String date) {
        Municipality m = writable(user, municipality);
        ClosingDay day = closingDay(date);
        if (!store.removeClosingDay(m.slug(), day)) {
            throw new CalendarEntryNotFound(day + " er ikke tilføjet som lukkedag for " + m.name() + ".");
        }
        calendars.evict(m.slug());
    }

    private Municipality readable(CurrentUser user, String slug) {
        Municipality m = catalogue.municipality(slug)
                .orElseThrow(() -> new InvalidCalendarInput("municipality", "is not a municipality Borgerflow serves"));
        if (!user.canAccess(m.slug())) {
            throw forbidden("Du har ikke adgang til " + m.name() + ".");
        }
        return m;
    }

    private Municipality writable(CurrentUser user, String slug) {
        Municipality m = readable(user, slug);
        if (!user.isMemberOf(Groups.PROCESS_OWNER)) {
            throw forbidden("Kun administratorer og procesejere kan ændre kalenderen.");
        }
        return m;
    }

    private static Tier tier(String text) {
        return Tier.parse(text).orElseThrow(() -> new InvalidCalendarInput("tier",
                "must be one of self-service, contact-center, desk, specialist"));
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCalendarInput(field, "is required, e.g. 2026-06-12T16:00:00+02:00");
        }
        try {
            // a '+' sent unencoded in a query string arrives as a space
            return OffsetDateTime.parse(text.trim().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidCalendarInput(field, "must be an ISO-8601 date-time with offset, e.g. 2026-06-12T16:00:00+02:00");
        }
    }

    private static ClosingDay closingDay(String text) {
        try {
            return ClosingDay.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidCalendarInput("date", e.getMessage());
        }
    }

    private static ErrorResponseException forbidden(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setTitle("Ingen adgang");
        return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }
}
