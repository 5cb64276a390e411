package dk.borgerflow.deadline;

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

/** Opening hours of one tier set for one municipality through the admin API. */
@Entity
@Table(name = "calendar_opening_hours")
class OpeningHoursOverride {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String municipality;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Tier tier;
    @Column(nullable = false)
    private String hours;
    @Column(name = "updated_by", nullable = false)
    private String updatedBy;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected OpeningHoursOverride() {
    }

    OpeningHoursOverride(String municipality, Tier tier) {
        this.municipality = municipality;
        this.tier = tier;
    }

    void change(OpeningHours hours, String by, Instant at) {
        this.hours = hours.toString();
        this.updatedBy = by;
        this.updatedAt = at;
    }

    Tier tier() {
        return tier;
    }

    OpeningHours hours() {
        return OpeningHours.parse(hours);
    }
}
