package dk.borgerflow.selfservice;

import java.time.Instant;

/**
 * A self-service solution as agents, editors and citizens see it. {@code source} is
 * {@code municipality} (the municipality's own) or {@code national}; {@code stale}: not reviewed for
 * twelve months (the editor should check it); {@code deskOpeningHours}: when the municipality's
 * Borgerservice is open, for citizens who cannot use the solution.
 */
public record SolutionView(long id, long version, String municipality, String topic, String topicName,
        String language, String title, String url, String description, boolean mitidRequired, String withoutMitid,
        String keywords, String source, String deskOpeningHours, Instant reviewedAt, String reviewedBy,
        Instant changedAt, String changedBy, boolean stale) {
}
