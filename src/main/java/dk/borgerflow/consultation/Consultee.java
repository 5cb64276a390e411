package dk.borgerflow.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One party of a consultation: an internal committee or administration (a Camunda group, answers in
 * Tasklist) or an external organisation (answers through its personal link). An answer is
 * immutable once given; it is late if given at or after the end of the svarfrist.
 */
@Entity
@Table(name = "consultation_consultee")
public class Consultee {

    @Id
    private String id;
    @Version
    private Long version;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "consultation_id")
    private Consultation consultation;
    @Column(name = "parent_id")
    private String parentId;
    @Column(nullable = false)
    private int seq;
    @Column(nullable = false)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConsulteeRole role;
    @Column(name = "group_id")
    private String groupId;
    private String email;
    @Column(name = "token_hash")
    private String tokenHash;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConsulteeStatus status;
    @Column(name = "reply_deadline")
    private LocalDate replyDeadline;
    @Column(name = "reminder_at")
    private Instant reminderAt;
    @Column(name = "deadline_at")
    private Instant deadlineAt;
    @Column(name = "reminded_at")
    private Instant remindedAt;
    @Column(name = "branch_process_id")
    private String branchProcessId;
    @Column(name = "answer_text", length = 20000)
    private String answerText;
    @Column(name = "answered_at")
    private Instant answeredAt;
    @Column(name = "answered_by")
    private String answeredBy;
    @Column(nullable = false)
    private boolean late;
    @Column(name = "admin_comment", length = 4000)
    private String adminComment;
    @Column(name = "admin_comment_by")
    private String adminCommentBy;

    protected Consultee() {
    }

    Consultee(Consultation consultation, int seq, String parentId, String name, ConsulteeRole role, String groupId,
            String email, String tokenHash, LocalDate replyDeadline) {
        this.id = UUID.randomUUID().toString();
        this.consultation = consultation;
        this.seq = seq;
        this.parentId = parentId;
        this.name = name;
        this.role = role;
        this.groupId = groupId;
        this.email = email;
        this.tokenHash = tokenHash;
        this.replyDeadline = replyDeadline;
        this.status = role == ConsulteeRole.INFORM ? ConsulteeStatus.INFORMED : ConsulteeStatus.AWAITING;
    }

    /** The branch started: when to remind, when the svarfrist ends. */
    void schedule(Instant reminderAt, Instant deadlineAt, String branchProcessId) {
        if (this.branchProcessId != null && !this.branchProcessId.equals(branchProcessId)) {
            throw new IllegalStateException("Consultee " + id + " already answers in branch " + this.branchProcessId);
        }
        this.reminderAt = reminderAt;
        this.deadlineAt = deadlineAt;
        this.branchProcessId = branchProcessId;
    }

    /** Records the answer once; late if at or after the end of the svarfrist or after its branch closed without answer. */
    void answer(String text, String by, Instant now) {
        if (isAnswered()) {
            throw new ConsultationRuleViolation("Høringssvaret fra " + name + " er allerede afgivet og kan ikke ændres.");
        }
        if (role != ConsulteeRole.ANSWER) {
            throw new ConsultationRuleViolation(name + " er kun til orientering og afgiver ikke høringssvar.");
        }
        if (text == null || text.isBlank()) {
            throw new ConsultationRuleViolation("Skriv høringssvaret.");
        }
        this.answerText = text.strip();
        this.answeredBy = by;
        this.answeredAt = now;
        this.late = status == ConsulteeStatus.NO_ANSWER || (deadlineAt != null && !now.isBefore(deadlineAt));
        this.status = ConsulteeStatus.ANSWERED;
    }

    void forwarded() {
        if (status != ConsulteeStatus.AWAITING && status != ConsulteeStatus.FORWARDED) {
            throw new ConsultationRuleViolation("Høringen kan ikke videresendes nu (" + status + ").");
        }
        status = ConsulteeStatus.FORWARDED;
    }

    /** The svarfrist passed; answered consultees keep their answer. */
    boolean markNoAnswer() {
        if (status == ConsulteeStatus.AWAITING || status == ConsulteeStatus.FORWARDED) {
            status = ConsulteeStatus.NO_ANSWER;
            return true;
        }
        return false;
    }

    void reminded(Instant now) {
        remindedAt = now;
    }

    void comment(String text, String by) {
        adminComment = text;
        adminCommentBy = by;
    }

    void replaceToken(String hash) {
        tokenHash = hash;
    }

    boolean isAnswered() {
        return status == ConsulteeStatus.ANSWERED;
    }

    public boolean isExternal() {
        return groupId == null;
    }

    public String id() {
        return id;
    }

    public Consultation consultation() {
        return consultation;
    }

    public String parentId() {
        return parentId;
    }

    public int seq() {
        return seq;
    }

    public String name() {
        return name;
    }

    public ConsulteeRole role() {
        return role;
    }

    public String groupId() {
        return groupId;
    }

    public String email() {
        return email;
    }

    String tokenHash() {
        return tokenHash;
    }

    public ConsulteeStatus status() {
        return status;
    }

    public LocalDate replyDeadline() {
        return replyDeadline;
    }

    public Instant reminderAt() {
        return reminderAt;
    }

    public Instant deadlineAt() {
        return deadlineAt;
    }

    public Instant remindedAt() {
        return remindedAt;
    }

    public String branchProcessId() {
        return branchProcessId;
    }

    public String answerText() {
        return answerText;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public String answeredBy() {
        return answeredBy;
    }

    public boolean late() {
        return late;
    }

    public String adminComment() {
        return adminComment;
    }

    public String adminCommentBy() {
        return adminCommentBy;
    }
}
