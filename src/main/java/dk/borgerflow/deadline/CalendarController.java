package dk.borgerflow.deadline;

import dk.borgerflow.security.CurrentUser;
import jakarta.validation.Valid;
import java.time.format.DateTimeFormatter;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Working-time calendars: check when a duration ends, see a municipality's calendar, and (admins
 * and process owners) override opening hours or add closing days per municipality.
 */
@RestController
@RequestMapping("/api/calendars/{municipality}")
class CalendarController {

    private final CalendarAdministration calendars;

    CalendarController(CalendarAdministration calendars) {
        this.calendars = calendars;
    }

    /** {@code GET /api/calendars/slagelse/contact-center/due?from=2026-06-12T16:00:00+02:00&duration=PT4H}. */
    @GetMapping("/{tier}/due")
    DueResponse due(@AuthenticationPrincipal CurrentUser user, @PathVariable String municipality,
            @PathVariable String tier, @RequestParam(required = false) String from,
            @RequestParam(required = false) String duration) {
        return new DueResponse(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                calendars.due(user, municipality, tier, from, duration)));
    }

    @GetMapping
    CalendarView calendar(@AuthenticationPrincipal CurrentUser user, @PathVariable String municipality,
            @RequestParam(required = false) Integer year) {
        return calendars.view(user, municipality, year);
    }

    @PutMapping("/opening-hours/{tier}")
    CalendarView setOpeningHours(@AuthenticationPrincipal CurrentUser user, @PathVariable String municipality,
            @PathVariable String tier, @Valid @RequestBody OpeningHoursRequest request) {
        return calendars.setOpeningHours(user, municipality, tier, request.hours());
    }

    @DeleteMapping("/opening-hours/{tier}")
    CalendarView resetOpeningHours(@AuthenticationPrincipal CurrentUser user, @PathVariable String municipality,
            @PathVariable String tier) {
        return calendars.resetOpeningHours(user, municipality, tier);
    }

    @PostMapping("/closing-days")
    @ResponseStatus(HttpStatus.CREATED)
    CalendarView addClosingDay(@AuthenticationPrincipal CurrentUser user, @PathVariable String municipality,
            @Valid @RequestBody ClosingDayRequest request) {
        return calendars.addClosingDay(user, municipality, request.date(), request.reason());
    }

    @DeleteMapping("/closing-days/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeClosingDay(@AuthenticationPrincipal CurrentUser user, @PathVariable String municipality,
            @PathVariable String date) {
        calendars.removeClosingDay(user, municipality, date);
    }

    /** The end of a working-time duration, ISO-8601 with the municipality's offset. */
    record DueResponse(String due) {
    }

    /** @param hours e.g. {@code "Mon-Thu 10:00-18:00, Fri 10:00-14:00"} */
    record OpeningHoursRequest(@NotBlank @Size(max = 500) String hours) {
    }

    /** @param date {@code YYYY-MM-DD} once or {@code MM-DD} every year */
    record ClosingDayRequest(@NotBlank String date, @Size(max = 200) String reason) {
    }
}
