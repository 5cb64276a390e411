package dk.borgerflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.testsupport.AppNode;
import dk.borgerflow.testsupport.CrashDurability;
import dk.borgerflow.testsupport.PostgresTestDatabase;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL under write load, restart, check: every acknowledged write is there and complete (process
 * instance with its task), nothing half-written. On PostgreSQL and on the H2 file database of the
 * demo, for two workloads: the engine alone (a probe process through engine-rest) and the inquiry API
 * (each acknowledged inquiry has its row, its process instance and one open task; rows and process
 * instances pair one to one).
 */
class CrashDurabilityIT {

    static final String ADMIN_PASSWORD = "it-Crash-Password-2026";
    static final int WRITERS = 4;
    static final int KILL_AFTER_ACKNOWLEDGED = 40;
    static final String MUNICIPALITIES = NodeLossPostgresIT.MUNICIPALITIES;

    /** The nodes are gone when a test ends (CrashDurability kills/stops them); leave the shared database empty. */
    @AfterEach
    void emptyTheTestDatabase() {
        PostgresTestDatabase.resetSchema();
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigkillOnPostgres() throws Exception {
        PostgresTestDatabase.resetSchema();
        AppNode node = AppNode.postgres("crash-postgres", ADMIN_PASSWORD);

        var result = CrashDurability.run(node, ADMIN_PASSWORD, probe(), WRITERS, KILL_AFTER_ACKNOWLEDGED,
                CrashDurability.defaultBootTimeout());

        report("PostgreSQL", result);
        assertThat(result.acknowledged()).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKNOWLEDGED);
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigkillOnTheH2FileDatabase() throws Exception {
        // the default configuration unchanged (H2 file ./data/borgerflow), in a directory of its own
        AppNode node = AppNode.custom("crash-h2", Map.of("BORGERFLOW_ADMIN_PASSWORD", ADMIN_PASSWORD))
                .inDirectory(Path.of("target", "it-h2", "crash-" + UUID.randomUUID()));

        var result = CrashDurability.run(node, ADMIN_PASSWORD, probe(), WRITERS, KILL_AFTER_ACKNOWLEDGED,
                CrashDurability.defaultBootTimeout());

        report("H2 file", result);
        assertThat(result.acknowledged()).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKNOWLEDGED);
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void everyAcknowledgedInquirySurvivesSigkillWithItsProcessAndTaskOnPostgres() throws Exception {
        PostgresTestDatabase.resetSchema();
        AppNode node = AppNode.postgres("crash-inquiries-postgres", ADMIN_PASSWORD, MUNICIPALITIES);

        var result = CrashDurability.run(node, ADMIN_PASSWORD, CrashDurability.inquiries("slagelse"), WRITERS,
                KILL_AFTER_ACKNOWLEDGED, CrashDurability.defaultBootTimeout());

        report("PostgreSQL, inquiry API", result);
        assertThat(result.acknowledged()).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKNOWLEDGED);
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void everyAcknowledgedInquirySurvivesSigkillWithItsProcessAndTaskOnTheH2FileDatabase() throws Exception {
        AppNode node = AppNode.custom("crash-inquiries-h2", Map.of("BORGERFLOW_ADMIN_PASSWORD", ADMIN_PASSWORD),
                MUNICIPALITIES).inDirectory(Path.of("target", "it-h2", "crash-inquiries-" + UUID.randomUUID()));

        var result = CrashDurability.run(node, ADMIN_PASSWORD, CrashDurability.inquiries("slagelse"), WRITERS,
                KILL_AFTER_ACKNOWLEDGED, CrashDurability.defaultBootTimeout());

        report("H2 file, inquiry API", result);
        assertThat(result.acknowledged()).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKNOWLEDGED);
        assertThat(result.problems()).isEmpty();
    }

    private static void report(String database, CrashDurability.Result result) {
        System.out.printf("Crash durability on %s: %d writes attempted, %d acknowledged before/around SIGKILL, "
                + "%d problems after restart%n", database, result.attempted(), result.acknowledged().size(),
                result.problems().size());
    }

    private static CrashDurability.Workload probe() throws Exception {
        try (var in = CrashDurabilityIT.class.getResourceAsStream("/it-processes/durability-probe.bpmn")) {
            return CrashDurability.probeProcessInstances("Process_DurabilityProbe", in.readAllBytes());
        }
    }
}
