package dk.borgerflow.inquiry;

import java.time.Instant;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GDPR retention of the CPR number ({@link CprRetentionProperties}): removes it (with the request
 * fingerprint, a hash over a request that held it) from inquiries closed longer than
 * {@code after-close}, and deletes the reads of CPR numbers older than {@code access-audit}. Runs
 * daily ({@code borgerflow.retention.cron}, {@code "-"} switches it off) on every node: each step is
 * an UPDATE or DELETE with a cutoff, in batches of its own transaction, so two nodes running it at
 * once change each row once and a run that stops half-way is finished by the next one.
 */
@Component
class CprRetention {

    private static final Logger log = LoggerFactory.getLogger(CprRetention.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final CprRetentionProperties properties;

    CprRetention(JdbcTemplate jdbc, TransactionTemplate transaction, CprRetentionProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.properties = properties;
    }

    /** What one run removed. */
    record Result(int cprNumbersRemoved, int accessesDeleted) {
    }

    @Scheduled(cron = "${borgerflow.retention.cron:0 15 3 * * *}")
    void scheduled() {
        run();
    }

    Result run() {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant closedBefore = now.atOffset(ZoneOffset.UTC).minus(properties.afterClose()).toInstant();
        Instant readBefore = now.atOffset(ZoneOffset.UTC).minus(properties.accessAudit()).toInstant();
        // the version moves on, so a stale copy of the inquiry in another transaction cannot write the CPR back;
        // the outer condition is checked again on a row another node changed meanwhile (PostgreSQL), so
        // each row is changed once
        int cpr = inBatches("CPR numbers removed from inquiries closed before " + closedBefore, """
                update inquiry set citizen_cpr = null, idempotency_hash = null, version = version + 1
                where id in (select id from inquiry where closed_at < ?
                             and (citizen_cpr is not null or idempotency_hash is not null) limit ?)
                  and (citizen_cpr is not null or idempotency_hash is not null)""",
                closedBefore);
        int audit = inBatches("reads of CPR numbers before " + readBefore + " deleted from the audit", """
                delete from cpr_access_audit
                where id in (select id from cpr_access_audit where accessed_at < ? limit ?)""", readBefore);
        return new Result(cpr, audit);
    }

    private int inBatches(String what, String sql, Instant cutoff) {
        int total = 0;
        int batch;
        do {
            batch = transaction.execute(tx -> jdbc.update(sql, cutoff.atOffset(ZoneOffset.UTC), properties.batchSize()));
            total += batch;
            if (batch > 0) {
                log.info("Retention: {}: {} so far", what, total);
            }
        } while (batch > 0);
        log.debug("Retention: {}: {} in all", what, total);
        return total;
    }
}
