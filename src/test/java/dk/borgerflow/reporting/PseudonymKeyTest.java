package dk.borgerflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.BorgerflowTest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Without BORGERFLOW_REPORTING_PSEUDONYM_KEY every node uses one random 256-bit key of the
 * installation, stored in the database, and never the old demo default. A second node is a second
 * {@link Pseudonyms} on the same database (a second Spring context with an engine is not allowed in
 * one JVM, see {@link BorgerflowTest}).
 */
@BorgerflowTest
class PseudonymKeyTest {

    static final String OLD_DEFAULT = "borgerflow-demo-pseudonym-key-change-me";

    @Autowired
    Pseudonyms pseudonyms;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theApplicationsKeyIsARandom256BitKeyStoredOnceNotTheOldDefault() throws Exception {
        String identity = "0101801234";
        List<String> stored = jdbc.queryForList("select secret from report_secret where name = ?", String.class,
                Pseudonyms.KEY_NAME);
        assertThat(stored).hasSize(1);
        assertThat(HexFormat.of().parseHex(stored.get(0))).hasSize(32);
        assertThat(pseudonyms.apply(identity)).isEqualTo(hmac(HexFormat.of().parseHex(stored.get(0)), identity))
                .isNotEqualTo(hmac(OLD_DEFAULT.getBytes(StandardCharsets.UTF_8), identity));

        Pseudonyms nextStart = new Pseudonyms("", jdbc, Pseudonyms.KEY_NAME);
        assertThat(nextStart.apply(identity)).isEqualTo(pseudonyms.apply(identity));
        assertThat(jdbc.queryForList("select secret from report_secret where name = ?", String.class,
                Pseudonyms.KEY_NAME)).isEqualTo(stored);
    }

    @Test
    void nodesStartingAtOnceEndUpWithOneKey() throws Exception {
        String name = "test-" + UUID.randomUUID();
        int nodes = 6;
        CyclicBarrier together = new CyclicBarrier(nodes);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Callable<String>> starts = java.util.stream.IntStream.range(0, nodes)
                    .<Callable<String>>mapToObj(i -> () -> {
                        Pseudonyms node = new Pseudonyms(null, jdbc, name);
                        together.await();
                        return node.apply("0101801234");
                    }).toList();
            List<String> seen = pool.invokeAll(starts).stream().map(PseudonymKeyTest::get).distinct().toList();
            assertThat(seen).hasSize(1);
            assertThat(jdbc.queryForObject("select count(*) from report_secret where name = ?", Integer.class, name))
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
            jdbc.update("delete from report_secret where name = ?", name);
        }
    }

    @Test
    void aConfiguredKeyWinsOverTheStoredOne() throws Exception {
        Pseudonyms configured = new Pseudonyms("operator-set-key", jdbc, Pseudonyms.KEY_NAME);
        assertThat(configured.apply("x")).isEqualTo(hmac("operator-set-key".getBytes(StandardCharsets.UTF_8), "x"))
                .isNotEqualTo(pseudonyms.apply("x"));
    }

    private static String get(Future<String> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(byte[] key, String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }
}
