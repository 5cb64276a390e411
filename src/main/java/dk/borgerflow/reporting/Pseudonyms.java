package dk.borgerflow.reporting;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The citizen's key in the read model: HMAC-SHA256 of the identifying value under a secret key, so
 * the same citizen gets the same key while nobody can go back from the key to the CPR number
 * (a plain hash of a CPR number could be reversed by trying all of them).
 */
@Component
class Pseudonyms implements UnaryOperator<String> {

    private final SecretKeySpec key;

    Pseudonyms(ReportingProperties properties) {
        this.key = new SecretKeySpec(properties.pseudonymKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @Override
    public String apply(String identity) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
