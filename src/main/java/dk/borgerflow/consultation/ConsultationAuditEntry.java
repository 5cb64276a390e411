package dk.borgerflow.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who did what when in a consultation; written once, never changed. */
@Entity
@Table(name = "consultation_audit")
public class ConsultationAuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "consultation_id", nullable = false)
    private String consultationId;
    @Column(name = "consultee_id")
    private String consulteeId;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Column(nullable = false)
    private String actor;
    @Column(nullable = false)
    private String action;
    @Column(length = 2000)
    private String detail;

    protected ConsultationAuditEntry() {
    }

    ConsultationAuditEntry(String consultationId, String consulteeId, Instant occurredAt, String actor, String action,
            String detail) {
        this.consultationId = consultationId;
        this.consulteeId = consulteeId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    }

    public String consulteeId() {
        return consulteeId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String detail() {
        return detail;
    }
}
