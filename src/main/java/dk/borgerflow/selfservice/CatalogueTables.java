package dk.borgerflow.selfservice;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The catalogue's revision counter and the missed-search counts (plain SQL, the same on H2 and PostgreSQL). */
@Component
class CatalogueTables {

    private final JdbcTemplate jdbc;

    private final TransactionTemplate own;

    CatalogueTables(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    long revision() {
        Long revision = jdbc.queryForObject("select revision from self_service_revision where id = 1", Long.class);
        return revision == null ? 0 : revision;
    }

    /** In the caller's transaction: the change and the new revision commit together. */
    void raiseRevision() {
        jdbc.update("update self_service_revision set revision = revision + 1 where id = 1");
    }

    /**
     * Counts one search without a hit, in a transaction of its own (a search writes nothing else); two
     * nodes counting the first miss of a query at once: the loser's insert fails and it counts again.
     */
    public void countMiss(String municipality, String query, Instant at) {
        try {
            own.executeWithoutResult(s -> countOnce(municipality, query, at));
        } catch (DataIntegrityViolationException concurrentFirstMiss) {
            own.executeWithoutResult(s -> countOnce(municipality, query, at));
        }
    }

    private void countOnce(String municipality, String query, Instant at) {
        Timestamp when = Timestamp.from(at);
        if (jdbc.update("update self_service_missed_search set searches = searches + 1, last_at = ? "
                + "where municipality = ? and query = ?", when, municipality, query) == 0) {
            jdbc.update("insert into self_service_missed_search (municipality, query, searches, last_at) "
                    + "values (?, ?, 1, ?)", municipality, query, when);
        }
    }

    List<MissedSearch> misses(String municipality, int limit) {
        return jdbc.query("select query, searches, last_at from self_service_missed_search where municipality = ? "
                + "order by searches desc, last_at desc", (rs, i) -> new MissedSearch(rs.getString(1), rs.getInt(2),
                        rs.getTimestamp(3).toInstant()), municipality).stream().limit(limit).toList();
    }
}
