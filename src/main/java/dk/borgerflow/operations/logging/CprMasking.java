package dk.borgerflow.operations.logging;

import java.util.regex.Pattern;

/**
 * Masks Danish CPR numbers ({@code DDMMYY-XXXX} or {@code DDMMYYXXXX}, day 01-31, month 01-12) in
 * free text. Digits directly before or after break the match, so longer numbers (timestamps, ids)
 * stay readable; the date check keeps most ten-digit non-CPR numbers (e.g. epoch seconds) as well.
 * UUIDs (inquiry and consultation ids) are left whole: their last group can hold ten CPR-shaped
 * digits, and a masked id cannot be looked up.
 */
public final class CprMasking {

    public static final String MASK = "XXXXXX-XXXX";

    private static final Pattern UUID_OR_CPR = Pattern.compile(
            "(?<uuid>(?<![0-9a-fA-F-])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
                    + "(?![0-9a-fA-F-]))"
                    + "|(?<![0-9])(?:0[1-9]|[12][0-9]|3[01])(?:0[1-9]|1[0-2])[0-9]{2}-?[0-9]{4}(?![0-9])");

    private CprMasking() {
    }

    public static String mask(String text) {
        if (text == null || text.length() < 10) {
            return text;
        }
        return UUID_OR_CPR.matcher(text).replaceAll(match -> match.group(1) != null
                ? java.util.regex.Matcher.quoteReplacement(match.group(1)) : MASK);
    }
}
