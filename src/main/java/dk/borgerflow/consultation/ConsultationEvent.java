package dk.borgerflow.consultation;

import java.time.Instant;

/**
 * What happened to a consultee's answer, published from the transaction that recorded it (Spring
 * Modulith's event publication registry, like the inquiries' events). No names or answer texts.
 */
public sealed interface ConsultationEvent permits ConsultationEvent.ConsulteeAnswered,
        ConsultationEvent.ConsulteeNotAnswered {

    String consulteeId();

    /** An answer arrived; {@code inTime} when before the end of the svarfrist. */
    record ConsulteeAnswered(String consultationId, String consulteeId, String municipality, Instant deadlineAt,
            Instant answeredAt, boolean inTime) implements ConsultationEvent {
    }

    /** The svarfrist passed without an answer. */
    record ConsulteeNotAnswered(String consultationId, String consulteeId, String municipality, Instant deadlineAt,
            Instant at) implements ConsultationEvent {
    }
}
