package dk.borgerflow.selfservice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of a solution: who changed it, when, how, and its fields afterwards (JSON). Never changed. */
@Entity
@Table(name = "self_service_solution_change")
class SolutionChange {

    enum Action { CREATED, CHANGED, REVIEWED, REMOVED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "solution_id")
    private Long solutionId;
    private String municipality;
    private String topic;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Action action;
    @Column(name = "changed_at")
    private Instant changedAt;
    @Column(name = "changed_by")
    private String changedBy;
    private String fields;

    protected SolutionChange() {
    }

    SolutionChange(Solution solution, Action action, String by, Instant at, String fieldsJson) {
        this.solutionId = solution.id();
        this.municipality = solution.municipality();
        this.topic = solution.topic();
        this.action = action;
        this.changedBy = by;
        this.changedAt = at;
        this.fields = fieldsJson;
    }

    Long solutionId() {
        return solutionId;
    }

    Action action() {
        return action;
    }

    Instant changedAt() {
        return changedAt;
    }

    String changedBy() {
        return changedBy;
    }

    String fields() {
        return fields;
    }
}
