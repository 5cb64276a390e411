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

/** A breached deadline: the inquiry moved up the ladder (or to the team lead) without anyone asking. */
@Entity
@Table(name = "inquiry_escalation")
public class Escalation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant at;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_tier")
    private Tier fromTier;
    /** A tier, or {@value #TEAM_LEAD} when there is no tier above. */
    @Column(name = "to_tier")
    private String toTier;
    private String reason;

    public static final String TEAM_LEAD = "TEAM_LEAD";

    protected Escalation() {
    }

    Escalation(Instant at, Tier fromTier, String toTier, String reason) {
        this.at = at;
        this.fromTier = fromTier;
        this.toTier = toTier;
        this.reason = reason;
    }

    public Instant at() {
        return at;
    }

    public Tier fromTier() {
        return fromTier;
    }

    public String toTier() {
        return toTier;
    }

    public String reason() {
        return reason;
    }
}
