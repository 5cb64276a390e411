package dk.borgerflow.reporting;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The citizen's key in the read model: HMAC-SHA256 of the identifying value under a secret key, so
 * the same citizen gets the same key while nobody can go back from the key to the CPR number
 * (a plain hash of a CPR number could be reversed by trying all of them).
 *
 * <p>The key is {@code borgerflow.reporting.pseudonym-key} ({@code BORGERFLOW_REPORTING_PSEUDONYM_KEY})
 * when set; otherwise a random 256-bit key generated once per installation and kept in the table
 * {@code report_secret}: the first node that needs it inserts it if absent, every node then reads the
 * stored row, so nodes starting at once end up with the same key. The key is never logged.
 */
@Component
class Pseudonyms implements UnaryOperator<String> {

    static final String KEY_NAME = "pseudonym-key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String configured;
    private final JdbcTemplate jdbc;
    private final String name;
    private volatile SecretKeySpec key;

    @Autowired
    Pseudonyms(ReportingProperties properties, JdbcTemplate jdbc) {
        this(properties.pseudonymKey(), jdbc, KEY_NAME);
    }

    /** Tests: another node's view of the key stored under {@code name}. */
    Pseudonyms(String configured, JdbcTemplate jdbc, String name) {
        this.configured = configured == null || configured.isBlank() ? null : configured;
        this.jdbc = jdbc;
        this.name = name;
    }

    /** Reads (or creates) the key at start, outside any caller's transaction; never logs it. */
    @EventListener(ApplicationStartedEvent.class)
    void loadKey() {
        key();
    }

    @Override
    public String apply(String identity) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return HexFormat.of().formatHex(mac.doFinal(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            synchronized (this) {
                k = key;
                if (k == null) {
                    byte[] bytes = configured != null ? configured.getBytes(StandardCharsets.UTF_8)
                            : HexFormat.of().parseHex(stored());
                    key = k = new SecretKeySpec(bytes, "HmacSHA256");
                }
            }
        }
        return k;
    }

    /** The installation's key: inserted if absent (a concurrent insert of another node wins), then read. */
    private String stored() {
        List<String> found = read();
        if (found.isEmpty()) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            try {
                jdbc.update("insert into report_secret (name, secret, created_at) select ?, ?, ?"
                        + " where not exists (select 1 from report_secret where name = ?)", name,
                        HexFormat.of().formatHex(fresh), OffsetDateTime.now(ZoneOffset.UTC), name);
            } catch (DataIntegrityViolationException anotherNodeWasFirst) {
                // its key is the installation's key
            }
            found = read();
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no pseudonym key in report_secret");
        }
        return found.get(0);
    }

    private List<String> read() {
        return jdbc.queryForList("select secret from report_secret where name = ?", String.class, name);
    }
}
