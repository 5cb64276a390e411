package dk.borgerflow.deadline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.Predicate;

/**
 * Working-time arithmetic for one municipality and tier: its time zone, weekly opening hours and
 * closed days (public holidays and municipal closing days). Pure and thread-safe.
 *
 * <p>Rules: opening spans are half-open ({@code [opens, closes)}), so a moment at closing time is
 * outside opening hours. Counting always starts at {@code from} if that is within opening hours,
 * otherwise at the next opening. {@code PT4H} is four hours of opening time counted from there;
 * a result exactly at a closing time stays there (not the next opening). {@code P2D} is the same
 * clock time as that start on the second working day after it (working days are the days the tier
 * opens); if that day closes earlier or opens later, the result is clamped into its span. Spans
 * are converted to instants per date, so daylight-saving changes count real hours.
 */
public final class WorkingCalendar {

    /** No tier is closed this long; a calendar that never opens is a configuration error. */
    private static final int MAX_DAYS = 3 * 366;

    private final ZoneId zone;
    private final OpeningHours hours;
    private final Predicate<LocalDate> closed;

    public WorkingCalendar(ZoneId zone, OpeningHours hours, Predicate<LocalDate> closed) {
        this.zone = zone;
        this.hours = hours;
        this.closed = closed;
    }

    public ZoneId zone() {
        return zone;
    }

    public OpeningHours openingHours() {
        return hours;
    }

    /** Whether the tier opens on this date (weekday with opening hours, no holiday, no closing day). */
    public boolean isWorkingDay(LocalDate date) {
        return hours.opensOn(date.getDayOfWeek()) && !closed.test(date);
    }

    /** Adds working days, then opening time (see the class comment). */
    public Instant plus(Instant from, WorkingDuration duration) {
        if (duration.isZero()) {
            return from;
        }
        Instant t = from;
        if (duration.days() > 0) {
            t = plusWorkingDays(nextOpening(from), duration.days());
        }
        return duration.openingTime().isZero() ? t : plusOpeningTime(t, duration.openingTime());
    }

    /** {@code from} if within opening hours, else the next opening. */
    public Instant nextOpening(Instant from) {
        LocalDate date = LocalDate.ofInstant(from, zone);
        for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
            OpeningHours.Span span = spanOf(date);
            if (span != null) {
                Instant opens = at(date, span.opens());
                Instant closes = at(date, span.closes());
                if (from.isBefore(closes)) {
                    return from.isBefore(opens) ? opens : from;
                }
            }
        }
        throw neverOpens();
    }

    /** Adds opening time; counting starts at {@code from} or at the next opening. */
    public Instant plusOpeningTime(Instant from, Duration openingTime) {
        if (openingTime.isNegative()) {
            throw new IllegalArgumentException("opening time must not be negative");
        }
        if (openingTime.isZero()) {
            return from;
        }
        Duration left = openingTime;
        LocalDate date = LocalDate.ofInstant(from, zone);
        for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
            OpeningHours.Span span = spanOf(date);
            if (span == null) {
                continue;
            }
            Instant closes = at(date, span.closes());
            Instant start = max(from, at(date, span.opens()));
            if (start.isBefore(closes)) {
                Duration available = Duration.between(start, closes);
                if (left.compareTo(available) <= 0) {
                    return start.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw neverOpens();
    }

    /** The opening time between two instants; zero if {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate date = LocalDate.ofInstant(from, zone); !date.isAfter(last); date = date.plusDays(1)) {
            OpeningHours.Span span = spanOf(date);
            if (span != null) {
                Instant start = max(from, at(date, span.opens()));
                Instant end = min(to, at(date, span.closes()));
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** The working day {@code days} working days before {@code date}. */
    public LocalDate workingDaysBefore(LocalDate date, int days) {
        LocalDate d = date;
        int guard = 0;
        for (int left = days; left > 0; ) {
            d = d.minusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
            if (++guard > MAX_DAYS) {
                throw neverOpens();
            }
        }
        return d;
    }

    private Instant plusWorkingDays(Instant start, int days) {
        ZonedDateTime local = start.atZone(zone);
        LocalTime clock = local.toLocalTime();
        LocalDate date = local.toLocalDate();
        int guard = 0;
        for (int left = days; left > 0; ) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                left--;
            }
            if (++guard > MAX_DAYS) {
                throw neverOpens();
            }
        }
        OpeningHours.Span span = hours.spanOn(date.getDayOfWeek());
        LocalTime t = clock.isBefore(span.opens()) ? span.opens() : clock.isAfter(span.closes()) ? span.closes() : clock;
        return at(date, t);
    }

    private OpeningHours.Span spanOf(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        OpeningHours.Span span = hours.spanOn(day);
        return span == null || closed.test(date) ? null : span;
    }

    private Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static IllegalStateException neverOpens() {
        return new IllegalStateException("the calendar has no opening hours within three years");
    }
}
