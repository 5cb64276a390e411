package dk.borgerflow.operations.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.testsupport.AtOnce;
import dk.borgerflow.testsupport.PostgresTestDatabase;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two nodes setting up an empty PostgreSQL schema at the same moment, as the production profile does
 * (Borgerflow's Flyway, then Camunda's), each on its own connections: both must come through, with
 * each migration applied once. Without {@link SchemaMigrationLock} the second node's Flyway found no
 * history table, then, let in after the first, refused to baseline one that "already contains
 * migrations" and the node died (CI, ConcurrentTaskWorkPostgresIT).
 */
class SchemaSetupRacePostgresIT {

    static final int ROUNDS = 5;

    final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void cleanUp() {
        threads.shutdownNow();
        PostgresTestDatabase.resetSchema();
    }

    @Test
    void twoNodesSettingUpAnEmptySchemaAtOnceBothStart() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            PostgresTestDatabase.resetSchema();

            List<String> nodes = AtOnce.run(threads, () -> setUpAsANode("a"), () -> setUpAsANode("b"));

            assertThat(nodes).as("round %d", round).containsExactly("a", "b");
            assertThat(PostgresTestDatabase.count(
                    "select count(*) from camunda_schema_history where version = '1' and success"))
                    .as("Camunda's schema created once").isEqualTo(1);
            assertThat(PostgresTestDatabase.count(
                    "select count(*) from borgerflow_schema_history where version = '1' and success"))
                    .as("Borgerflow's first migration applied once").isEqualTo(1);
            assertThat(PostgresTestDatabase.count("select count(*) from act_ge_property where name_ = 'schema.version'"))
                    .isEqualTo(1);
        }
    }

    /** What a node does before its engine starts (application.yml spring.flyway + CamundaSchemaMigration). */
    private static String setUpAsANode(String name) throws Exception {
        DataSource node = new DriverManagerDataSource(PostgresTestDatabase.URL, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD);
        CamundaSchemaMigration configuration = new CamundaSchemaMigration();
        Flyway borgerflow = Flyway.configure().dataSource(node).locations("classpath:db/migration")
                .table("borgerflow_schema_history").baselineOnMigrate(true).baselineVersion("0").load();
        configuration.lockedBorgerflowMigration(node).migrate(borgerflow);
        configuration.camundaSchemaFlyway(node).afterPropertiesSet();
        return name;
    }
}
