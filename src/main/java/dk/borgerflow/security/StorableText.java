package dk.borgerflow.security;

/**
 * Text that the database, XML and PDF can hold. Refused on input (a 400 naming the field):
 * NUL (PostgreSQL cannot store it in a text column), lone surrogates (no UTF-8 form: the JDBC
 * driver would silently write {@code ?}) and Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF
 * and the last two code points of every plane; U+FFFE/U+FFFF are not XML characters, so the
 * høringsnotat could not be rendered). Other control characters are accepted and made printable
 * where text is rendered.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why the text cannot be stored, or {@code null} if it can (also for {@code null}). */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain NUL characters";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    if (isNoncharacter(text.codePointAt(i))) {
                        return "must not contain Unicode noncharacters";
                    }
                    i++;
                    continue;
                }
                return "must not contain lone surrogates (broken Unicode)";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain lone surrogates (broken Unicode)";
            }
            if (isNoncharacter(c)) {
                return "must not contain Unicode noncharacters";
            }
        }
        return null;
    }

    public static boolean isStorable(String text) {
        return problem(text) == null;
    }

    /** U+FDD0–U+FDEF and U+xxFFFE/U+xxFFFF of every plane. */
    public static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }
}
