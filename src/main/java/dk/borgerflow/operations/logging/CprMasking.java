package dk.borgerflow.operations.logging;

import dk.borgerflow.security.CprInText;

/**
 * Masks Danish CPR numbers in free text, by the rules of {@link CprInText} (the one definition):
 * {@code DDMMYY-XXXX} or {@code DDMMYYXXXX}, day 01-31, month 01-12, the parts also separated by a
 * space, a dot or any dash. Digits directly before or after break the match, so longer numbers
 * (timestamps, ids) stay readable; the date check keeps most ten-digit non-CPR numbers (e.g. epoch
 * seconds) as well. UUIDs (inquiry and consultation ids) are left whole: their last group can hold
 * ten CPR-shaped digits, and a masked id cannot be looked up.
 */
public final class CprMasking {

    public static final String MASK = "XXXXXX-XXXX";

    private CprMasking() {
    }

    public static String mask(String text) {
        return CprInText.replaceCpr(text, MASK);
    }
}
