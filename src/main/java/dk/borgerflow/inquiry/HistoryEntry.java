package dk.borgerflow.inquiry;

import dk.borgerflow.municipality.Tier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step on the ladder: who moved the inquiry from which tier to which, when and why. */
@Entity
@Table(name = "inquiry_history")
public class HistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant at;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_tier")
    private Tier fromTier;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_tier")
    private Tier toTier;
    private String actor;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    private String reason;

    protected HistoryEntry() {
    }

    HistoryEntry(Instant at, Tier fromTier, Tier toTier, String actor, Outcome outcome, String reason) {
        this.at = at;
        this.fromTier = fromTier;
        this.toTier = toTier;
        this.actor = actor;
        this.outcome = outcome;
        this.reason = reason;
    }

    public Instant at() {
        return at;
    }

    public Tier fromTier() {
        return fromTier;
    }

    public Tier toTier() {
        return toTier;
    }

    public String actor() {
        return actor;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String reason() {
        return reason;
    }
}
