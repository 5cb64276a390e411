package dk.borgerflow.citizen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * A citizen's reference: 80 random bits in 16 characters of Crockford's base32, written in groups
 * of four ({@code 7QH2-M4XA-0PKD-3RZV}); read back forgivingly (case, spaces, O for 0, I and L for 1).
 * Only its SHA-256 hash is stored; with the page's rate limit it cannot be guessed.
 */
final class Reference {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int LENGTH = 16;

    private Reference() {
    }

    static String generate() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(RANDOM.nextInt(32)));
        }
        return sb.toString();
    }

    /** The reference in its written form, or empty if the text cannot be one. */
    static Optional<String> parse(String text) {
        if (text == null || text.length() > 40) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == ' ' || c == '-') {
                continue;
            }
            char d = c == 'O' ? '0' : (c == 'I' || c == 'L') ? '1' : c;
            if (ALPHABET.indexOf(d) < 0) {
                return Optional.empty();
            }
            sb.append(d);
        }
        if (sb.length() != LENGTH) {
            return Optional.empty();
        }
        return Optional.of(sb.substring(0, 4) + "-" + sb.substring(4, 8) + "-" + sb.substring(8, 12) + "-"
                + sb.substring(12));
    }

    static String hash(String reference) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(reference.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
