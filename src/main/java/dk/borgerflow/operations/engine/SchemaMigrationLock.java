package dk.borgerflow.operations.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One schema change at a time across the cluster. A node runs two Flyways (Borgerflow's tables, then
 * Camunda's), each with its own history table, and the second always finds a non-empty schema, so it
 * baselines. Flyway looks for its history table <em>before</em> it takes its own lock, so two nodes
 * starting at the same moment can both find it absent and both try to create and baseline it; today
 * Flyway survives that overlap only through its create-and-retry loop and its "already baselined"
 * check. Holding a session advisory lock of ours around each whole {@code migrate()} makes the second
 * node look only after the first is done, so cluster start-up does not depend on those internals
 * ({@code SchemaSetupRacePostgresIT} starts two set-ups at once, five times).
 * <p>
 * PostgreSQL only (H2 runs one node); the lock ends with the connection if the node dies.
 */
final class SchemaMigrationLock {

    /** Arbitrary, fixed: "borgerflow schema". */
    static final long LOCK_KEY = 0x626f7267_7363686dL;
    private static final Logger log = LoggerFactory.getLogger(SchemaMigrationLock.class);

    private SchemaMigrationLock() {
    }

    static <T> T around(DataSource dataSource, Supplier<T> migration) {
        try (Connection c = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
                return migration.get();
            }
            long started = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
            }
            log.debug("Schema lock acquired after {} ms", (System.nanoTime() - started) / 1_000_000);
            try {
                return migration.get();
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the schema migration lock: " + e.getMessage(), e);
        }
    }
}
