package dk.borgerflow.deadline;

import dk.borgerflow.municipality.Tier;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Feedback deadlines of inquiries: the service level of the tier and topic (DMN), counted in the
 * municipality's working time for that tier.
 */
@Service
public class DeadlineService {

    private final WorkingTime workingTime;
    private final ServiceLevels serviceLevels;

    DeadlineService(WorkingTime workingTime, ServiceLevels serviceLevels) {
        this.workingTime = workingTime;
        this.serviceLevels = serviceLevels;
    }

    /**
     * The deadline of an inquiry received (or handed to a tier) at {@code from}: {@code dueAt} is
     * {@code from} plus the service level in working time; {@code warnAt} the moment the warning
     * share of the working time between {@code from} and {@code dueAt} has elapsed.
     */
    public Deadline deadlineFor(String municipality, Tier tier, String topic, Instant from) {
        ServiceLevel level = serviceLevel(tier, topic);
        WorkingCalendar calendar = workingTime.calendar(municipality, tier);
        Instant due = calendar.plus(from, WorkingDuration.parse(level.feedbackDeadline()));
        Duration total = calendar.between(from, due);
        Duration beforeWarning = Duration.ofMillis(Math.round(total.toMillis() * level.warningRatio()));
        Instant warn = calendar.plusOpeningTime(from, beforeWarning);
        return new Deadline(due, warn.isAfter(due) ? due : warn, level.feedbackDeadline());
    }

    /** The service level the process owners set for a tier and topic. */
    public ServiceLevel serviceLevel(Tier tier, String topic) {
        return serviceLevels.serviceLevel(tier, topic);
    }

    /**
     * The due date after the clock stood still from {@code pausedAt} to {@code resumedAt} (the
     * inquiry waited for the citizen): pushed forward by the working time in the pause. A deadline
     * already passed when the clock was paused stays passed.
     */
    public Instant resume(String municipality, Tier tier, Instant dueAt, Instant pausedAt, Instant resumedAt) {
        if (resumedAt.isBefore(pausedAt)) {
            throw new IllegalArgumentException("resumed before it was paused");
        }
        if (!pausedAt.isBefore(dueAt)) {
            return dueAt;
        }
        WorkingCalendar calendar = workingTime.calendar(municipality, tier);
        return calendar.plusOpeningTime(dueAt, calendar.between(pausedAt, resumedAt));
    }
}
