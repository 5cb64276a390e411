package dk.borgerflow.deadline;

import java.time.Instant;

/**
 * A feedback deadline in working time.
 *
 * @param dueAt    when the service level is breached
 * @param warnAt   when the warning share of the working time up to {@code dueAt} has elapsed
 * @param duration the service level's ISO-8601 working-time duration, e.g. {@code P2D}
 */
public record Deadline(Instant dueAt, Instant warnAt, String duration) {
}
