package dk.borgerflow.consultation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GDPR retention of consultation answers ({@link AnswerRetentionProperties}): once a consultation was
 * decided (approved, rejected) or cancelled longer than {@code after-decision} ago, each answer's text
 * is replaced by {@link #REMOVED}, who signed it and the administration's comment (also its copy in
 * the audit) are removed, and the PDFs attached to answers are deleted. The consultation, its
 * proposal and attachments, who was asked and when they answered stay, so the notat still renders.
 * Runs daily ({@code borgerflow.retention.cron}) on every node; one consultation per transaction,
 * and a consultation whose answers another node removed meanwhile is skipped (its update finds
 * nothing left), so a run is idempotent and safe to run twice at once.
 */
@Component
class AnswerRetention {

    static final String REMOVED = "(Høringssvaret er slettet efter opbevaringsfristen.)";
    private static final Logger log = LoggerFactory.getLogger(AnswerRetention.class);
    private static final String FINAL = "('APPROVED', 'REJECTED', 'CANCELLED')";
    /** When the consultation ended: the decision, or for a cancelled one its last recorded step. */
    private static final String ENDED = "coalesce(c.decided_at, c.replies_closed_at, c.sent_at, c.created_at)";
    private static final String HOLDS_ANSWERS = """
            (exists (select 1 from consultation_consultee p where p.consultation_id = c.id
                     and ((p.answer_text is not null and p.answer_text <> ?) or p.answered_by is not null
                          or p.admin_comment is not null))
             or exists (select 1 from consultation_attachment a where a.consultation_id = c.id
                        and a.consultee_id is not null))""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final AnswerRetentionProperties properties;

    AnswerRetention(JdbcTemplate jdbc, TransactionTemplate transaction, AnswerRetentionProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.properties = properties;
    }

    @Scheduled(cron = "${borgerflow.retention.cron:0 15 3 * * *}")
    void scheduled() {
        run();
    }

    /** The number of consultations whose answers this run removed. */
    int run() {
        OffsetDateTime endedBefore = ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC)
                .minus(properties.afterDecision());
        int total = 0;
        List<String> batch;
        do {
            batch = jdbc.queryForList("select c.id from consultation c where c.status in " + FINAL + " and " + ENDED
                    + " < ? and " + HOLDS_ANSWERS + " order by c.id limit ?", String.class, endedBefore, REMOVED,
                    properties.batchSize());
            int removed = 0;
            for (String id : batch) {
                removed += transaction.execute(tx -> removeAnswers(id)) ? 1 : 0;
            }
            total += removed;
            if (removed > 0) {
                log.info("Retention: answers removed from consultations ended before {}: {} so far",
                        endedBefore.toInstant(), total);
            }
            // a batch the other node took entirely leaves nothing new to find: stop
            if (removed == 0) {
                break;
            }
        } while (batch.size() == properties.batchSize());
        return total;
    }

    /** Whether this transaction removed anything (false: another node did it meanwhile). */
    private boolean removeAnswers(String consultationId) {
        int consultees = jdbc.update("""
                update consultation_consultee
                set answer_text = case when answer_text is null then null else cast(? as varchar(20000)) end, answered_by = null,
                    admin_comment = null, admin_comment_by = null, version = version + 1
                where consultation_id = ?
                  and ((answer_text is not null and answer_text <> ?) or answered_by is not null
                       or admin_comment is not null)""", REMOVED, consultationId, REMOVED);
        int files = jdbc.update("delete from consultation_attachment where consultation_id = ? and consultee_id is not null",
                consultationId);
        if (consultees + files == 0) {
            return false;
        }
        jdbc.update("update consultation_audit set detail = null where consultation_id = ? and action = 'COMMENTED'",
                consultationId);
        jdbc.update("""
                insert into consultation_audit (consultation_id, consultee_id, occurred_at, actor, action, detail)
                values (?, null, ?, 'system', 'ANSWERS_REMOVED', ?)""", consultationId,
                ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC),
                "Høringssvar, underskrivere, bemærkninger og svarbilag slettet efter opbevaringsfristen ("
                        + properties.afterDecision() + " efter afgørelsen)");
        return true;
    }
}
