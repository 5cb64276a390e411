package dk.borgerflow.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Serialises the start-up tasks of cluster nodes. Several modules set up shared data when the
 * application is ready (tenants, role groups and authorizations, Tasklist filters, the admin user),
 * each "create if absent". Two nodes starting at the same moment would both find a row absent and
 * one would die on a unique constraint. On PostgreSQL this holds a session advisory lock from before
 * the first {@code ApplicationReadyEvent} listener until the node accepts traffic (published after
 * the last ready listener), so the second node waits,
 * then finds everything present. On H2 (one node only) it does nothing.
 */
@Component
class ClusterStartupLock {

    /** Arbitrary, fixed: "borgerflow startup". */
    static final long LOCK_KEY = 0x626f7267_73747274L;
    private static final Logger log = LoggerFactory.getLogger(ClusterStartupLock.class);

    private final DataSource dataSource;
    private Connection connection;

    ClusterStartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Integer.MIN_VALUE)
    synchronized void acquire() throws SQLException {
        Connection c = dataSource.getConnection();
        if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
            c.close();
            return;
        }
        long started = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
        }
        connection = c;
        log.debug("Start-up lock acquired after {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Spring Boot announces readiness right after all ApplicationReadyEvent listeners have run. */
    @EventListener
    void releaseWhenReady(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            release();
        }
    }

    /** Also when a start-up task failed and the context closes. */
    @EventListener(ContextClosedEvent.class)
    void releaseOnClose() {
        release();
    }

    private synchronized void release() {
        if (connection == null) {
            return;
        }
        try (Connection c = connection; Statement s = c.createStatement()) {
            s.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
        } catch (SQLException e) {
            log.warn("Could not release the start-up lock; it ends with the connection: {}", e.getMessage());
        } finally {
            connection = null;
        }
    }
}
