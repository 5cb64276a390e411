package dk.borgerflow.consultation;

import java.time.Instant;

/** An attachment without its bytes: what lists and the notat show. */
public record AttachmentInfo(String id, String consulteeId, String filename, long sizeBytes, String uploadedBy,
        Instant uploadedAt) {
}
