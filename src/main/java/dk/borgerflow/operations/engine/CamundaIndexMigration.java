package dk.borgerflow.operations.engine;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Borgerflow's indexes on Camunda's tables (the agent queue's tenant + due-date order, the job
 * acquisition), as Flyway migrations of their own: history table {@code camunda_index_history},
 * scripts in {@code db/camunda-indexes/<database>} (V60-V69), on H2 and PostgreSQL alike.
 * <p>
 * They need Camunda's tables, which exist only once the process engine is built: on PostgreSQL
 * {@link CamundaSchemaMigration} creates them before the engine, on H2 (the demo) the engine
 * creates them itself. So this Flyway runs after the {@link ProcessEngine} bean, not with
 * Borgerflow's own migrations (which must run before JPA and so before the engine). Several nodes
 * starting at once: like the other two Flyways it migrates under {@link SchemaMigrationLock}, so one
 * node creates the history table and the indexes and the others find them done.
 */
@Configuration(proxyBeanMethods = false)
class CamundaIndexMigration {

    static final String HISTORY_TABLE = "camunda_index_history";
    static final String LOCATION = "classpath:db/camunda-indexes/";

    private static final Logger log = LoggerFactory.getLogger(CamundaIndexMigration.class);

    /** Applied Camunda-table indexes; the engine parameter orders this after Camunda's schema exists. */
    @Bean
    CamundaIndexes camundaIndexes(DataSource dataSource, ProcessEngine engine) throws SQLException {
        String database = database(dataSource);
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations(LOCATION + database)
                // Camunda's and Borgerflow's tables are there already: start from an empty history
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        MigrateResult result = SchemaMigrationLock.around(dataSource, flyway::migrate);
        log.info("Indexes on Camunda's tables ({}): {} migration(s) applied, now at version {} ({}, engine {})",
                database, result.migrationsExecuted, flyway.info().current() == null ? "-"
                        : flyway.info().current().getVersion(), HISTORY_TABLE, engine.getName());
        return new CamundaIndexes(database, flyway);
    }

    /** The folder of the database's scripts: {@code postgres} or {@code h2}; any other is refused. */
    static String database(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if ("PostgreSQL".equals(product)) {
                return "postgres";
            }
            if ("H2".equals(product)) {
                return "h2";
            }
            throw new IllegalStateException("no indexes for Camunda's tables written for " + product
                    + " (db/camunda-indexes has postgres and h2)");
        }
    }

    /** What was applied, for tests and operations. */
    record CamundaIndexes(String database, Flyway flyway) {
    }
}
