package dk.borgerflow.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Danish CPR numbers in free text: {@code DDMMYY-SSSS} or {@code DDMMYYSSSS} with a day of
 * 01-31 and a month of 01-12, the two parts also separated by a space (or no-break space), a dot or
 * any dash (hyphen, en dash, em dash, minus sign, ...), optionally with a space on either side of the
 * dot or dash ({@code 010203 1234}, {@code 010203.1234}, {@code 010203 – 1234}).
 * <p>
 * Not a CPR number: digits inside a longer run of digits (an 11-digit number, epoch milliseconds),
 * and UUIDs (inquiry and consultation ids), whose last group can hold ten CPR-shaped digits. The
 * rules err on the side of caution: any other ten CPR-shaped digits count, even inside a word.
 * <p>
 * The single definition of "CPR-shaped" in Borgerflow: the log masker
 * ({@code operations.logging.CprMasking}) uses {@link #replaceCpr}, the API and the engine guard use
 * {@link #containsCpr}. Plain Java without Spring, as Logback calls it before the context exists.
 */
public final class CprInText {

    /**
     * Why a free-text field was refused, and where the CPR number belongs (Danish; read by agents in
     * Tasklist, by callers of our API and by external consultees on the answer page).
     */
    public static final String WHERE_IT_BELONGS = "Teksten ser ud til at indeholde et CPR-nummer. CPR-numre må "
            + "ikke stå i fritekst, hvor alle medarbejdere kan læse dem: fjern nummeret, og skriv fx "
            + "\"CPR-nummer oplyst\" i stedet. Borgerens CPR-nummer hører kun hjemme i feltet citizen.cpr, når "
            + "henvendelsen oprettes; derfra slår medarbejdere det op med CPR-opslaget, som logges.";

    /** Space, no-break space, narrow no-break space. */
    private static final String SPACE = "[ \\u00A0\\u202F]";
    /** Dot, hyphen-minus, soft hyphen, hyphen … horizontal bar, minus, small and fullwidth hyphen-minus. */
    private static final String DOT_OR_DASH = "[.\\-\\u00AD\\u2010-\\u2015\\u2212\\uFE58\\uFE63\\uFF0D]";
    private static final String SEPARATOR = "(?:" + SPACE + "?" + DOT_OR_DASH + SPACE + "?|" + SPACE + ")?";
    private static final String HEX = "[0-9a-fA-F]";

    /** A UUID (group {@code uuid}, matched first so that its digits are not taken) or a CPR number. */
    private static final Pattern UUID_OR_CPR = Pattern.compile(
            "(?<uuid>(?<![0-9a-fA-F-])" + HEX + "{8}-" + HEX + "{4}-" + HEX + "{4}-" + HEX + "{4}-" + HEX + "{12}"
                    + "(?![0-9a-fA-F-]))"
                    + "|(?<![0-9])(?:0[1-9]|[12][0-9]|3[01])(?:0[1-9]|1[0-2])[0-9]{2}" + SEPARATOR
                    + "[0-9]{4}(?![0-9])");

    /** The shortest CPR number: ten digits. */
    private static final int SHORTEST = 10;

    private CprInText() {
    }

    /** Whether the text holds a CPR-shaped number (see the class comment for what counts). */
    public static boolean containsCpr(CharSequence text) {
        if (text == null || text.length() < SHORTEST) {
            return false;
        }
        Matcher m = UUID_OR_CPR.matcher(text);
        while (m.find()) {
            if (m.group("uuid") == null) {
                return true;
            }
        }
        return false;
    }

    /** The text with every CPR-shaped number (with its separator) replaced by {@code replacement}. */
    public static String replaceCpr(String text, String replacement) {
        if (text == null || text.length() < SHORTEST) {
            return text;
        }
        String literal = Matcher.quoteReplacement(replacement);
        // group 1: the UUID (MatchResult has no named groups before Java 20)
        return UUID_OR_CPR.matcher(text).replaceAll(m -> m.group(1) != null
                ? Matcher.quoteReplacement(m.group(1)) : literal);
    }
}
