package dk.borgerflow.deadline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A closing day added for one municipality through the admin API. */
@Entity
@Table(name = "calendar_closing_day")
class ClosingDayEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String municipality;
    @Column(name = "closed_on", nullable = false)
    private String closedOn;
    private String reason;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ClosingDayEntry() {
    }

    ClosingDayEntry(String municipality, ClosingDay day, String reason, String by, Instant at) {
        this.municipality = municipality;
        this.closedOn = day.toString();
        this.reason = reason;
        this.createdBy = by;
        this.createdAt = at;
    }

    ClosingDay day() {
        return ClosingDay.parse(closedOn);
    }

    String reason() {
        return reason;
    }
}
