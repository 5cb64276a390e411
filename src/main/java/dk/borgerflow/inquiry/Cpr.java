package dk.borgerflow.inquiry;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Danish CPR numbers: DDMMYY-SSSS with a real date (modulus 11 is no longer guaranteed). */
final class Cpr {

    private Cpr() {
    }

    /** The normalised form DDMMYYSSSS, or empty if the digits do not form a valid CPR number. */
    static java.util.Optional<String> normalise(String value) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        String digits = value.replace("-", "");
        if (!digits.matches("\\d{10}")) {
            return java.util.Optional.empty();
        }
        int day = Integer.parseInt(digits.substring(0, 2));
        int month = Integer.parseInt(digits.substring(2, 4));
        int year = Integer.parseInt(digits.substring(4, 6));
        try {
            LocalDate.of(2000 + year, month, day); // leap years: 29 Feb is checked against 2000+yy
            return java.util.Optional.of(digits);
        } catch (DateTimeException e) {
            return java.util.Optional.empty();
        }
    }
}
