package dk.borgerflow.inquiry;

import dk.borgerflow.municipality.Tier;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A citizen's inquiry climbing the channel ladder. State changes only through the guarded methods
 * below; each records who, when and why in the history.
 */
@Entity
@Table(name = "inquiry")
public class Inquiry {

    static final String SYSTEM = "system";
    /** How a warning starts in the history (reports count them). */
    static final String WARNING_PREFIX = "Advarsel: ";

    @Id
    private String id;
    @Version
    private Long version;
    private String municipality;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String topic;
    private String summary;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Embedded
    private Citizen citizen;
    @Enumerated(EnumType.STRING)
    private Tier tier;
    @Enumerated(EnumType.STRING)
    private InquiryStatus status;
    /** routing.dmn's decision "personal-service", stored when the inquiry was routed. */
    @Column(name = "needs_personal_service")
    private boolean needsPersonalService;

    /** The contact center agent's answer to "did the catalogue have the answer?" ({@code null}: not given). */
    @Column(name = "catalogue_had_answer")
    private Boolean catalogueHadAnswer;
    @Column(name = "answer_group")
    private String answerGroup;
    @Column(name = "candidate_group")
    private String candidateGroup;
    @Column(name = "self_service_url")
    private String selfServiceUrl;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    @Column(name = "resolved_at_first_contact")
    private Boolean resolvedAtFirstContact;
    @Column(name = "handled_tasks")
    private int handledTasks;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    @Column(name = "idempotency_hash")
    private String idempotencyHash;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "warn_at")
    private Instant warnAt;
    @Column(name = "deadline_paused_at")
    private Instant deadlinePausedAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @JoinColumn(name = "inquiry_id", nullable = false)
    @OrderColumn(name = "position")
    private List<HistoryEntry> history = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @JoinColumn(name = "inquiry_id", nullable = false)
    @OrderColumn(name = "position")
    private List<Escalation> escalations = new ArrayList<>();

    protected Inquiry() {
    }

    /** A new, open inquiry at the tier its channel naturally lands on, until routing decides. */
    static Inquiry receive(String municipality, Channel channel, String topic, String summary, Instant receivedAt,
            Citizen citizen, String createdBy, String idempotencyKey, String idempotencyHash, Instant now) {
        Inquiry inquiry = new Inquiry();
        inquiry.id = UUID.randomUUID().toString();
        inquiry.municipality = municipality;
        inquiry.channel = channel;
        inquiry.topic = topic;
        inquiry.summary = summary;
        inquiry.receivedAt = receivedAt;
        inquiry.citizen = citizen;
        inquiry.tier = channel == Channel.DESK ? Tier.DESK : channel == Channel.WEB ? Tier.SELF_SERVICE
                : Tier.CONTACT_CENTER;
        inquiry.status = InquiryStatus.OPEN;
        inquiry.createdBy = createdBy;
        inquiry.idempotencyKey = idempotencyKey;
        inquiry.idempotencyHash = idempotencyHash;
        inquiry.createdAt = now;
        return inquiry;
    }

    /** Binds the inquiry to its process instance, once; the same instance again changes nothing. */
    void attachProcess(String processInstanceId) {
        if (this.processInstanceId != null && !this.processInstanceId.equals(processInstanceId)) {
            throw new InquiryRuleViolation("Henvendelsen har allerede en proces.");
        }
        this.processInstanceId = processInstanceId;
    }

    /**
     * Places the inquiry at its entry tier and stores whether the citizen needs personal service
     * (routing.dmn's decision "personal-service"). A citizen who does is never left at self-service,
     * whatever the entry-tier table says: they go to the contact center instead.
     */
    Tier route(Tier entryTier, boolean needsPersonalService, String answerGroup, String candidateGroup,
            String reason, Instant at) {
        requireOpen();
        this.needsPersonalService = needsPersonalService;
        Tier target = entryTier;
        String why = reason;
        if (entryTier == Tier.SELF_SERVICE && needsPersonalService) {
            target = Tier.CONTACT_CENTER;
            candidateGroup = answerGroup;
            why = reason + "; borgeren skal have personlig betjening, derfor kontaktcenter";
        }
        this.answerGroup = answerGroup;
        moveTo(target, target == Tier.SELF_SERVICE ? null : candidateGroup, SYSTEM, null, why, at);
        return target;
    }

    /** The citizen was pointed to a self-service solution; the inquiry counts as answered. */
    void guideToSelfService(String url, String actor, String note, Instant at) {
        requireOpen();
        if (needsPersonalService) {
            throw personalServiceRequired();
        }
        this.selfServiceUrl = url;
        moveTo(Tier.SELF_SERVICE, null, actor, Outcome.SELF_SERVICE, note, at);
        resolve(Outcome.SELF_SERVICE);
    }

    /** The citizen could not manage on their own: back to the contact center's answer group. */
    void reopenFromSelfService(String actor, String reason, Instant at) {
        if (status == InquiryStatus.CLOSED || tier != Tier.SELF_SERVICE) {
            throw new InquiryRuleViolation("Kun en henvendelse, der venter ved selvbetjening, kan genåbnes.");
        }
        status = InquiryStatus.OPEN;
        outcome = null;
        moveTo(Tier.CONTACT_CENTER, answerGroup, actor, null, reason, at);
    }

    /**
     * Records what a person decided when finishing a task at the current tier, moving the inquiry
     * where the decision sends it.
     */
    void recordTaskOutcome(Tier atTier, Outcome chosen, String nextCandidateGroup, String selfServiceLink,
            String actor, String note, Instant at) {
        requireOpen();
        if (atTier != tier) {
            throw new InquiryRuleViolation("Henvendelsen er på trinnet " + tier.danishName() + ", ikke "
                    + atTier.danishName() + ".");
        }
        if (!Outcome.choicesAt(atTier).contains(chosen)) {
            throw new InquiryRuleViolation("Udfaldet '" + chosen.danishName() + "' kan ikke vælges ved "
                    + atTier.danishName() + ".");
        }
        if (chosen == Outcome.SELF_SERVICE && needsPersonalService) {
            throw personalServiceRequired();
        }
        handledTasks++;
        if (resolvedAtFirstContact == null) {
            resolvedAtFirstContact = chosen.answersTheCitizen();
        }
        switch (chosen) {
            case RESOLVED -> {
                history.add(new HistoryEntry(at, tier, tier, actor, chosen, note));
                resolve(chosen);
            }
            case SELF_SERVICE -> guideToSelfService(selfServiceLink, actor, note, at);
            case DESK -> moveTo(Tier.DESK, nextCandidateGroup, actor, chosen, note, at);
            case SPECIALIST -> moveTo(Tier.SPECIALIST, nextCandidateGroup, actor, chosen, note, at);
            case CALLBACK -> {
                history.add(new HistoryEntry(at, tier, tier, actor, chosen, note));
                outcome = chosen;
            }
            case AWAIT_CITIZEN -> {
                history.add(new HistoryEntry(at, tier, tier, actor, chosen, note));
                outcome = chosen;
                pauseDeadline(actor, note, at);
            }
            default -> throw new InquiryRuleViolation("Udfaldet kan ikke vælges af en medarbejder.");
        }
    }

    /** The written answer went out to the citizen (Digital Post, or letter for the exempt). */
    void recordFeedbackSent(String via, Instant at) {
        if (status == InquiryStatus.CLOSED) {
            throw new InquiryRuleViolation("Henvendelsen er lukket.");
        }
        history.add(new HistoryEntry(at, tier, tier, SYSTEM, Outcome.FEEDBACK_SENT, "Svar sendt via " + via));
        outcome = Outcome.FEEDBACK_SENT;
    }

    /**
     * The deadline passed: up one tier, or at the top to the team lead (the tier stays, the group
     * changes). The caller fires this once per breached deadline; the breach time must be the
     * current deadline, so a repeated call for the same breach is refused.
     */
    String escalate(Tier toTier, String candidateGroup, Instant breachedDeadline, String reason, Instant at) {
        requireOpen();
        if (dueAt == null || dueAt.toEpochMilli() != breachedDeadline.toEpochMilli()) {
            throw new InquiryRuleViolation("Fristen " + breachedDeadline + " er ikke henvendelsens aktuelle frist.");
        }
        String target = toTier == tier ? Escalation.TEAM_LEAD : toTier.name();
        escalations.add(new Escalation(at, tier, target, reason));
        moveTo(toTier, candidateGroup, SYSTEM, null, "Eskaleret: " + reason, at);
        dueAt = null;
        warnAt = null;
        return target;
    }

    void setDeadline(Instant dueAt, Instant warnAt) {
        requireOpen();
        this.dueAt = dueAt;
        this.warnAt = warnAt;
        this.deadlinePausedAt = null;
    }

    /** The deadline is near: recorded once so the team lead sees it in the history. */
    void warnDeadline(Instant at) {
        requireOpen();
        history.add(new HistoryEntry(at, tier, tier, SYSTEM, null, WARNING_PREFIX + "fristen for svar nærmer sig ("
                + dueAt + ")"));
    }

    /** The inquiry waits for the citizen: the deadline's clock stops. */
    void pauseDeadline(String actor, String note, Instant at) {
        requireOpen();
        if (deadlinePausedAt != null) {
            throw new InquiryRuleViolation("Fristen er allerede sat på pause.");
        }
        deadlinePausedAt = at;
    }

    /** The citizen answered (or did not in time): the clock runs again with the pushed deadline. */
    void resumeDeadline(Instant newDueAt, Instant newWarnAt, String reason, Instant at) {
        requireOpen();
        if (deadlinePausedAt == null) {
            throw new InquiryRuleViolation("Fristen står ikke på pause.");
        }
        history.add(new HistoryEntry(at, tier, tier, SYSTEM, null, reason));
        dueAt = newDueAt;
        warnAt = newWarnAt;
        deadlinePausedAt = null;
    }

    /** The process ended: nothing more is owed. An open inquiry closes as cancelled. */
    void close(Instant at) {
        if (status == InquiryStatus.CLOSED) {
            throw new InquiryRuleViolation("Henvendelsen er allerede lukket.");
        }
        if (status == InquiryStatus.OPEN) {
            if (outcome == null || outcome == Outcome.CALLBACK) {
                outcome = Outcome.CANCELLED;
            }
        } else if (outcome == Outcome.SELF_SERVICE && tier == Tier.SELF_SERVICE && handledTasks == 0) {
            outcome = Outcome.RESOLVED_BY_SELF_SERVICE;
        }
        status = InquiryStatus.CLOSED;
        closedAt = at;
    }

    private static InquiryRuleViolation personalServiceRequired() {
        return new InquiryRuleViolation("Borgeren skal have personlig betjening (procesejernes regel "
                + "\"Personlig betjening\" i routing.dmn) og kan ikke henvises til selvbetjening.");
    }

    private void resolve(Outcome how) {
        status = InquiryStatus.RESOLVED;
        outcome = how;
    }

    private void moveTo(Tier target, String group, String actor, Outcome why, String reason, Instant at) {
        history.add(new HistoryEntry(at, history.isEmpty() ? null : tier, target, actor, why, reason));
        tier = target;
        candidateGroup = group;
        if (why != null) {
            outcome = why;
        }
    }

    private void requireOpen() {
        if (status != InquiryStatus.OPEN) {
            throw new InquiryRuleViolation("Henvendelsen er " + (status == InquiryStatus.CLOSED ? "lukket" : "løst")
                    + " og kan ikke ændres.");
        }
    }

    public String id() {
        return id;
    }

    public Long version() {
        return version;
    }

    public String municipality() {
        return municipality;
    }

    public Channel channel() {
        return channel;
    }

    public String topic() {
        return topic;
    }

    public String summary() {
        return summary;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Citizen citizen() {
        return citizen;
    }

    public Tier tier() {
        return tier;
    }

    public InquiryStatus status() {
        return status;
    }

    /**
     * Whether the citizen must get a person, never self-service only: routing.dmn's decision
     * "personal-service", as it answered when this inquiry was routed.
     */
    public boolean needsPersonalService() {
        return needsPersonalService;
    }

    /** The contact center agent's answer to "did the catalogue have the answer?" ({@code null}: not given). */
    public Boolean catalogueHadAnswer() {
        return catalogueHadAnswer;
    }

    void recordCatalogueFact(Boolean hadAnswer) {
        if (hadAnswer != null) {
            this.catalogueHadAnswer = hadAnswer;
        }
    }

    public String answerGroup() {
        return answerGroup;
    }

    public String candidateGroup() {
        return candidateGroup;
    }

    public String selfServiceUrl() {
        return selfServiceUrl;
    }

    public Outcome outcome() {
        return outcome;
    }

    public Optional<Boolean> resolvedAtFirstContact() {
        return Optional.ofNullable(resolvedAtFirstContact);
    }

    public int handledTasks() {
        return handledTasks;
    }

    public String processInstanceId() {
        return processInstanceId;
    }

    public String createdBy() {
        return createdBy;
    }

    String idempotencyHash() {
        return idempotencyHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant warnAt() {
        return warnAt;
    }

    public Instant deadlinePausedAt() {
        return deadlinePausedAt;
    }

    public List<HistoryEntry> history() {
        return Collections.unmodifiableList(history);
    }

    public List<Escalation> escalations() {
        return Collections.unmodifiableList(escalations);
    }
}
