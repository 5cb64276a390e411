package dk.borgerflow.reporting;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Parses and checks the reports' query parameters; each refusal names its parameter. */
final class ReportParameters {

    static final int MAX_DAYS = 3 * 366 + 1;

    private ReportParameters() {
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidReportParameter(name, "is required (a date as YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidReportParameter(name, "must be a date as YYYY-MM-DD");
        }
    }

    static void range(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidReportParameter("to", "must not be before from");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidReportParameter("to", "must be at most three years after from");
        }
    }

    static String groupBy(String value) {
        String g = value == null || value.isBlank() ? "month" : value.trim().toLowerCase(java.util.Locale.ROOT);
        if (!KpiService.GROUPINGS.contains(g)) {
            throw new InvalidReportParameter("groupBy", "must be one of " + KpiService.GROUPINGS);
        }
        return g;
    }

    static Duration repeatWindow(String value, Duration configured) {
        if (value == null || value.isBlank()) {
            return configured;
        }
        try {
            int days = Integer.parseInt(value.trim());
            if (days < 0 || days > 365) {
                throw new InvalidReportParameter("repeatWindowDays", "must be between 0 and 365");
            }
            return Duration.ofDays(days);
        } catch (NumberFormatException e) {
            throw new InvalidReportParameter("repeatWindowDays", "must be a whole number of days");
        }
    }

    static YearMonth month(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidReportParameter("month", "is required (YYYY-MM)");
        }
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidReportParameter("month", "must be a month as YYYY-MM");
        }
    }

    static long positive(String name, String value, long max, Long fallback) {
        if (value == null || value.isBlank()) {
            if (fallback != null) {
                return fallback;
            }
            throw new InvalidReportParameter(name, "is required");
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n < 0 || n > max) {
                throw new InvalidReportParameter(name, "must be between 0 and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidReportParameter(name, "must be a whole number");
        }
    }

    static boolean csv(String format) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
            return false;
        }
        if (format.equalsIgnoreCase("csv")) {
            return true;
        }
        throw new InvalidReportParameter("format", "must be json or csv");
    }
}
