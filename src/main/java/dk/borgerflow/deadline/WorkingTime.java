package dk.borgerflow.deadline;

import dk.borgerflow.municipality.Tier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Arithmetic in a municipality's working time (opening hours of a tier, holidays, closing days).
 * A {@code null} municipality means the default calendar (Danish holidays and closing days,
 * Europe/Copenhagen, default opening hours); an unknown one throws {@link UnknownMunicipalityException}.
 * See {@link WorkingCalendar} for how durations are counted.
 */
public interface WorkingTime {

    /**
     * Adds an ISO-8601 amount of working time: {@code P2D} is two working days (same clock time on
     * the second working day after), {@code PT4H} four opening hours. Counting starts at the next
     * opening when {@code from} is outside opening hours.
     *
     * @throws IllegalArgumentException if the text is no working-time duration (see {@link WorkingDuration})
     */
    Instant plus(String municipality, Tier tier, Instant from, String isoDuration);

    /** Adds opening time (e.g. a share of a deadline or the time a paused clock stood still). */
    Instant plus(String municipality, Tier tier, Instant from, Duration openingTime);

    /** The opening hours of the tier between two instants (zero if {@code to} is not after {@code from}). */
    Duration between(String municipality, Tier tier, Instant from, Instant to);

    /** The working day {@code days} working days before {@code date} (for reminders before a date). */
    LocalDate workingDaysBefore(String municipality, LocalDate date, int days);

    /** Whether the municipality's contact center opens that day (no weekend, holiday or closing day). */
    boolean isWorkingDay(String municipality, LocalDate date);

    /** The municipality's time zone. */
    ZoneId zone(String municipality);

    /** The calendar of one municipality and tier, for repeated arithmetic without look-ups. */
    WorkingCalendar calendar(String municipality, Tier tier);
}
