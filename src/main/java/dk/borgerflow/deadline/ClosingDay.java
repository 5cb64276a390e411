package dk.borgerflow.deadline;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;

/**
 * A day the municipality's offices are closed although it is no public holiday: every year
 * ({@code "06-05"}, Grundlovsdag) or once ({@code "2026-05-15"}, the day after Ascension).
 */
public record ClosingDay(MonthDay everyYear, LocalDate once) {

    public ClosingDay {
        if ((everyYear == null) == (once == null)) {
            throw new IllegalArgumentException("a closing day is either every year or once");
        }
    }

    /** Parses {@code MM-DD} (every year) or {@code YYYY-MM-DD} (once). */
    public static ClosingDay parse(String text) {
        String t = text == null ? "" : text.trim();
        try {
            if (t.matches("\\d{2}-\\d{2}")) {
                return new ClosingDay(MonthDay.parse("--" + t), null);
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return new ClosingDay(null, LocalDate.parse(t));
            }
        } catch (DateTimeParseException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("\"" + t + "\" is neither a date (YYYY-MM-DD) nor a yearly day (MM-DD)");
    }

    /** For configuration binding: {@code closing-days: ["06-05", "2026-05-15"]}. */
    public static ClosingDay valueOf(String text) {
        return parse(text);
    }

    public boolean isYearly() {
        return everyYear != null;
    }

    public boolean matches(LocalDate date) {
        return once != null ? once.equals(date) : everyYear.getMonthValue() == date.getMonthValue()
                && everyYear.getDayOfMonth() == date.getDayOfMonth();
    }

    @Override
    public String toString() {
        return once != null ? once.toString() : everyYear.toString().substring(2);
    }
}
