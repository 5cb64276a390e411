package dk.borgerflow.reporting;

import dk.borgerflow.deadline.WorkingTime;
import dk.borgerflow.inquiry.InquiryFacts;
import dk.borgerflow.municipality.Tier;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the read model. Every write is idempotent and commutative: an inquiry's row is replaced
 * only by facts of the same or a newer version of the inquiry, and the repeat-contact links are a
 * min/max over the citizen's inquiries, so events may arrive twice, late or out of order.
 */
@Component
class ReadModel {

    private final JdbcTemplate jdbc;
    private final WorkingTime workingTime;

    ReadModel(JdbcTemplate jdbc, WorkingTime workingTime) {
        this.jdbc = jdbc;
        this.workingTime = workingTime;
    }

    /** The inquiry's row from these facts, unless the row already holds a newer version. */
    @Transactional
    void project(InquiryFacts f) {
        Row row = Row.of(f, workingTime);
        if (update(row) == 0) {
            try {
                insert(row);
                linkRepeatContacts(row);
            } catch (DuplicateKeyException concurrentInsert) {
                update(row);
            }
        }
    }

    private int update(Row r) {
        int updated = jdbc.update("""
                update report_inquiry set source_version = ?, status = ?, outcome = ?, tier = ?, first_tier = ?,
                  resolved_at = ?, closed_at = ?, due_at = ?, resolved_at_first_tier = ?, deadline_met = ?,
                  handling_seconds = ?, handling_working_seconds = ?, warnings = ?, escalations = ?,
                  catalogue_had_answer = ?
                where id = ? and source_version <= ?""",
                r.f.version(), r.f.status().name(), name(r.f.outcome()), r.f.tier().name(), r.f.firstTier().name(),
                ts(r.f.resolvedAt()), ts(r.f.closedAt()), ts(r.f.dueAt()), r.f.resolvedAtFirstTier(), r.deadlineMet,
                r.handlingSeconds, r.workingSeconds, r.f.warnings(), r.f.escalations().size(),
                r.f.catalogueHadAnswer(), r.f.id(), r.f.version());
        if (updated > 0) {
            writeEscalations(r);
        }
        return updated > 0 ? updated : exists(r.f.id()) ? 1 : 0;
    }

    private boolean exists(String id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from report_inquiry where id = ?",
                Boolean.class, id));
    }

    private void insert(Row r) {
        jdbc.update("""
                insert into report_inquiry (id, source_version, municipality, channel, topic, received_at,
                  received_day, status, outcome, first_tier, tier, resolved_at, closed_at, due_at,
                  resolved_at_first_tier, deadline_met, handling_seconds, handling_working_seconds, warnings,
                  escalations, digitally_exempt, aged_75_plus, needs_interpreter, citizen_key, catalogue_had_answer)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                r.f.id(), r.f.version(), r.f.municipality(), r.f.channel().name(), r.f.topic(), ts(r.f.receivedAt()),
                Date.valueOf(r.day), r.f.status().name(), name(r.f.outcome()), r.f.firstTier().name(),
                r.f.tier().name(), ts(r.f.resolvedAt()), ts(r.f.closedAt()), ts(r.f.dueAt()),
                r.f.resolvedAtFirstTier(), r.deadlineMet, r.handlingSeconds, r.workingSeconds, r.f.warnings(),
                r.f.escalations().size(), r.f.digitallyExempt(), r.f.aged75Plus(), r.f.needsInterpreter(),
                r.f.citizenKey(), r.f.catalogueHadAnswer());
        writeEscalations(r);
    }

    private void writeEscalations(Row r) {
        jdbc.update("delete from report_escalation where inquiry_id = ?", r.f.id());
        int position = 0;
        for (InquiryFacts.EscalationFact e : r.f.escalations()) {
            jdbc.update("""
                    insert into report_escalation (inquiry_id, position, municipality, received_day, at, from_tier,
                      to_tier) values (?, ?, ?, ?, ?, ?, ?)""", r.f.id(), position++, r.f.municipality(),
                    Date.valueOf(r.day), ts(e.at()), e.fromTier().name(), e.toTier());
        }
    }

    /**
     * The nearest earlier and later inquiry of the same citizen about the same topic, on this row and
     * on its neighbours (min/max: the result does not depend on the order rows arrive in).
     */
    private void linkRepeatContacts(Row r) {
        String key = r.f.citizenKey();
        if (key == null) {
            return;
        }
        OffsetDateTime at = ts(r.f.receivedAt());
        jdbc.update("""
                update report_inquiry set next_contact_at = ? where citizen_key = ? and topic = ? and received_at < ?
                  and (next_contact_at is null or next_contact_at > ?)""", at, key, r.f.topic(), at, at);
        jdbc.update("""
                update report_inquiry set prev_contact_at = ? where citizen_key = ? and topic = ? and received_at > ?
                  and (prev_contact_at is null or prev_contact_at < ?)""", at, key, r.f.topic(), at, at);
        jdbc.update("""
                update report_inquiry set
                  next_contact_at = (select min(o.received_at) from report_inquiry o where o.citizen_key = ?
                    and o.topic = ? and o.received_at > ?),
                  prev_contact_at = (select max(o.received_at) from report_inquiry o where o.citizen_key = ?
                    and o.topic = ? and o.received_at < ?)
                where id = ?""", key, r.f.topic(), at, key, r.f.topic(), at, r.f.id());
    }

    /** A consultee's answer (or its absence); an answer wins over a missed svarfrist whatever the order. */
    @Transactional
    void consultee(String consulteeId, String consultationId, String municipality, Instant deadlineAt,
            Instant answeredAt, Boolean inTime) {
        boolean answered = answeredAt != null;
        LocalDate day = LocalDate.ofInstant(answered ? answeredAt : deadlineAt != null ? deadlineAt : Instant.now(),
                workingTime.zone(municipality));
        int updated = answered
                ? jdbc.update("update report_consultee set answered = true, answered_at = ?, in_time = ?, at_day = ?"
                        + " where consultee_id = ?", ts(answeredAt), inTime, Date.valueOf(day), consulteeId)
                : jdbc.queryForObject("select count(*) from report_consultee where consultee_id = ?", Integer.class,
                        consulteeId);
        if (updated == 0) {
            try {
                jdbc.update("""
                        insert into report_consultee (consultee_id, consultation_id, municipality, deadline_at,
                          answered_at, in_time, answered, at_day) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                        consulteeId, consultationId, municipality, ts(deadlineAt), ts(answeredAt),
                        answered ? inTime : Boolean.FALSE, answered, Date.valueOf(day));
            } catch (DuplicateKeyException concurrent) {
                if (answered) {
                    consultee(consulteeId, consultationId, municipality, deadlineAt, answeredAt, inTime);
                }
            }
        }
    }

    /** Empties the read model of inquiries (before a rebuild). */
    @Transactional
    void clearInquiries() {
        jdbc.update("delete from report_escalation");
        jdbc.update("delete from report_inquiry");
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** What the row holds beyond the facts themselves. */
    record Row(InquiryFacts f, LocalDate day, Boolean deadlineMet, Long handlingSeconds, Long workingSeconds) {

        static Row of(InquiryFacts f, WorkingTime workingTime) {
            LocalDate day = LocalDate.ofInstant(f.receivedAt(), workingTime.zone(f.municipality()));
            Boolean met = !f.escalations().isEmpty() ? Boolean.FALSE
                    : f.resolvedAt() != null && f.dueAt() != null ? !f.resolvedAt().isAfter(f.dueAt()) : null;
            Long clock = null;
            Long working = null;
            if (f.resolvedAt() != null) {
                clock = Math.max(0, Duration.between(f.receivedAt(), f.resolvedAt()).toSeconds());
                working = workingTime.between(f.municipality(), Tier.CONTACT_CENTER, f.receivedAt(), f.resolvedAt())
                        .toSeconds();
            }
            return new Row(f, day, met, clock, working);
        }
    }
}
