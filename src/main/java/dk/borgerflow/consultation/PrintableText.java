package dk.borgerflow.consultation;

import dk.borgerflow.security.StorableText;

/**
 * Makes any stored text printable in the pages and in the høringsnotat, whatever came in before
 * input was checked (or through a path that does not check): the XHTML that the PDF renderer parses
 * cannot hold C0 control characters other than tab and line breaks, U+FFFE/U+FFFF or lone
 * surrogates. Control characters become a space, broken or noncharacter code points U+FFFD (the
 * replacement character); everything else (RTL text, combining marks, emoji) stays as it is.
 * Escaping of markup is the template engine's job, not this class's.
 */
final class PrintableText {

    static final char REPLACEMENT = '\uFFFD';

    private PrintableText() {
    }

    static String of(String text) {
        if (text == null || isPrintable(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = text.codePointAt(i);
                out.append(StorableText.isNoncharacter(codePoint) ? String.valueOf(REPLACEMENT)
                        : new String(Character.toChars(codePoint)));
                i++;
            } else if (Character.isSurrogate(c) || StorableText.isNoncharacter(c)) {
                out.append(REPLACEMENT);
            } else if (isControl(c)) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * An uploaded file's name as stored and shown: no path separators, quotes or control characters,
     * nothing {@link StorableText} refuses (each becomes {@code _}), at most 200 characters;
     * {@code bilag.pdf} when there is none.
     */
    static String filename(String name) {
        if (name == null || name.isBlank()) {
            return "bilag.pdf";
        }
        StringBuilder out = new StringBuilder(Math.min(name.length(), 400));
        for (int i = 0; i < name.length() && out.length() < 200; i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))
                    && !StorableText.isNoncharacter(name.codePointAt(i))) {
                out.append(c).append(name.charAt(++i));
            } else if (c == '\\' || c == '/' || c == '"' || Character.getType(c) == Character.CONTROL
                    || Character.isSurrogate(c) || StorableText.isNoncharacter(c)) {
                out.append('_');
                if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                    i++;
                }
            } else {
                out.append(c);
            }
        }
        String cleaned = out.toString().strip();
        return cleaned.isEmpty() ? "bilag.pdf" : cleaned;
    }

    private static boolean isPrintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c) || StorableText.isNoncharacter(c) || isControl(c)) {
                return false;
            }
        }
        return true;
    }

    /** C0 controls other than tab, LF and CR (not XML characters), DEL and C1 controls (not printable). */
    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }
}
