package dk.borgerflow.deadline;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 amount of working time: whole working days ({@code P2D}) and/or opening hours
 * ({@code PT4H}, {@code PT30M}, {@code P1DT2H}). Weeks, months and years are refused: their length
 * in working time is ambiguous, so a rule must say days.
 */
public record WorkingDuration(int days, Duration openingTime) {

    private static final Pattern ISO = Pattern.compile(
            "P(?:(\\d{1,4})D)?(?:T(?=\\d)(?:(\\d{1,6})H)?(?:(\\d{1,7})M)?(?:(\\d{1,9})S)?)?");

    public WorkingDuration {
        if (days < 0 || openingTime.isNegative()) {
            throw new IllegalArgumentException("must not be negative");
        }
    }

    /** Parses the ISO form; throws {@link IllegalArgumentException} with a message for the user. */
    public static WorkingDuration parse(String iso) {
        return tryParse(iso).orElseThrow(() -> new IllegalArgumentException("\"" + iso
                + "\" is not an ISO-8601 duration of working days and hours (e.g. P2D, PT4H, P1DT2H)"));
    }

    /** Empty if the text is no working-time duration (e.g. a date, a cycle or {@code P1M}). */
    public static Optional<WorkingDuration> tryParse(String iso) {
        if (iso == null) {
            return Optional.empty();
        }
        Matcher m = ISO.matcher(iso.trim().toUpperCase(java.util.Locale.ROOT));
        if (!m.matches() || iso.trim().equals("P") || iso.trim().endsWith("T")) {
            return Optional.empty();
        }
        int days = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        Duration time = Duration.ofHours(number(m.group(2))).plusMinutes(number(m.group(3)))
                .plusSeconds(number(m.group(4)));
        return Optional.of(new WorkingDuration(days, time));
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }

    public boolean isZero() {
        return days == 0 && openingTime.isZero();
    }

    @Override
    public String toString() {
        if (isZero()) {
            return "PT0S";
        }
        String time = openingTime.isZero() ? "" : openingTime.toString().substring(1);
        return "P" + (days > 0 ? days + "D" : "") + time;
    }
}
