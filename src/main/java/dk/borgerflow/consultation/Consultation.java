package dk.borgerflow.consultation;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A consultation of a proposal: its consultees and the way from sending to the decision. State
 * changes go through guarded methods; a refused change throws {@link ConsultationRuleViolation}.
 */
@Entity
@Table(name = "consultation")
public class Consultation {

    @Id
    private String id;
    @Version
    private Long version;
    @Column(nullable = false)
    private String municipality;
    @Column(nullable = false)
    private String title;
    @Column(nullable = false, length = 100000)
    private String proposal;
    @Column(name = "reply_deadline", nullable = false)
    private LocalDate replyDeadline;
    @Column(name = "deciding_group", nullable = false)
    private String decidingGroup;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConsultationStatus status;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Column(name = "replies_closed_at")
    private Instant repliesClosedAt;
    @Column(name = "notat_summary", length = 20000)
    private String notatSummary;
    @Column(name = "notat_compiled_by")
    private String notatCompiledBy;
    @Column(name = "notat_compiled_at")
    private Instant notatCompiledAt;
    @Enumerated(EnumType.STRING)
    private Decision decision;
    @Column(name = "decision_note", length = 4000)
    private String decisionNote;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "next_meeting_date")
    private LocalDate nextMeetingDate;

    @OneToMany(mappedBy = "consultation", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @OrderBy("seq")
    private List<Consultee> consultees = new ArrayList<>();

    protected Consultation() {
    }

    static Consultation prepare(String municipality, String title, String proposal, LocalDate replyDeadline,
            String decidingGroup, String createdBy, Instant now) {
        Consultation c = new Consultation();
        c.id = UUID.randomUUID().toString();
        c.municipality = municipality;
        c.title = title;
        c.proposal = proposal;
        c.replyDeadline = replyDeadline;
        c.decidingGroup = decidingGroup;
        c.status = ConsultationStatus.PREPARED;
        c.createdBy = createdBy;
        c.createdAt = now;
        return c;
    }

    Consultee addConsultee(String name, ConsulteeRole role, String group, String email, String tokenHash,
            Consultee parent, LocalDate replyDeadline) {
        Consultee consultee = new Consultee(this, consultees.size(), parent == null ? null : parent.id(), name, role,
                group, email, tokenHash, replyDeadline);
        consultees.add(consultee);
        return consultee;
    }

    /** Binds the consultation to its process instance, once; the same instance again changes nothing. */
    void attachProcess(String processInstanceId) {
        if (this.processInstanceId != null && !this.processInstanceId.equals(processInstanceId)) {
            throw new ConsultationRuleViolation("Høringen har allerede en proces.");
        }
        this.processInstanceId = processInstanceId;
    }

    void markSent(Instant now) {
        require(status == ConsultationStatus.PREPARED, "Høringen er allerede sendt.");
        status = ConsultationStatus.OPEN;
        sentAt = now;
    }

    void closeReplies(Instant now) {
        require(status == ConsultationStatus.OPEN, "Svarrunden er ikke åben.");
        status = ConsultationStatus.COMPILING;
        repliesClosedAt = now;
    }

    void compileNotat(String summary, String actor, Instant now) {
        require(status == ConsultationStatus.COMPILING, "Høringsnotatet kan kun udarbejdes, når svarrunden er lukket.");
        require(summary != null && !summary.isBlank(), "Skriv administrationens samlede bemærkninger.");
        notatSummary = summary;
        notatCompiledBy = actor;
        notatCompiledAt = now;
        status = ConsultationStatus.DECIDING;
    }

    void decide(Decision chosen, String note, LocalDate meetingDate, String actor, Instant now) {
        require(status == ConsultationStatus.DECIDING, "Forslaget er ikke til behandling.");
        decision = chosen;
        decisionNote = note;
        decidedBy = actor;
        decidedAt = now;
        switch (chosen) {
            case APPROVE -> status = ConsultationStatus.APPROVED;
            case REJECT -> status = ConsultationStatus.REJECTED;
            case POSTPONE -> {
                status = ConsultationStatus.POSTPONED;
                nextMeetingDate = meetingDate;
            }
        }
    }

    void resumeAfterPostponement() {
        require(status == ConsultationStatus.POSTPONED, "Forslaget er ikke udsat.");
        status = ConsultationStatus.DECIDING;
    }

    /** The process ended; without a decision the consultation counts as cancelled. */
    void processEnded() {
        if (!status.isFinal()) {
            status = ConsultationStatus.CANCELLED;
        }
    }

    boolean acceptsAnswers() {
        return status.acceptsAnswers();
    }

    Optional<Consultee> consultee(String consulteeId) {
        return consultees.stream().filter(c -> c.id().equals(consulteeId)).findFirst();
    }

    List<Consultee> subConsulteesOf(Consultee parent) {
        return consultees.stream().filter(c -> parent.id().equals(c.parentId())).toList();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new ConsultationRuleViolation(message);
        }
    }

    public String id() {
        return id;
    }

    public String municipality() {
        return municipality;
    }

    public String title() {
        return title;
    }

    public String proposal() {
        return proposal;
    }

    public LocalDate replyDeadline() {
        return replyDeadline;
    }

    public String decidingGroup() {
        return decidingGroup;
    }

    public ConsultationStatus status() {
        return status;
    }

    public String processInstanceId() {
        return processInstanceId;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant repliesClosedAt() {
        return repliesClosedAt;
    }

    public String notatSummary() {
        return notatSummary;
    }

    public String notatCompiledBy() {
        return notatCompiledBy;
    }

    public Instant notatCompiledAt() {
        return notatCompiledAt;
    }

    public Decision decision() {
        return decision;
    }

    public String decisionNote() {
        return decisionNote;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public LocalDate nextMeetingDate() {
        return nextMeetingDate;
    }

    public List<Consultee> consultees() {
        return Collections.unmodifiableList(consultees);
    }
}
