package dk.borgerflow.deadline;

/**
 * What the service-level decision promises for a tier and topic.
 *
 * @param feedbackDeadline ISO-8601 working-time duration, e.g. {@code P2D}
 * @param warningRatio     share of that working time after which the team is warned (0..1)
 */
public record ServiceLevel(String feedbackDeadline, double warningRatio) {
}
