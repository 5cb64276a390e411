package dk.borgerflow.inquiry;

import java.time.Instant;

/**
 * What happened to an inquiry, published from the transaction that changed it (through Spring
 * Modulith's event publication registry: stored with the change, delivered after the commit, and
 * delivered again if the listener failed or the application died in between). Events carry the
 * inquiry's id and what happened, never personal data (the registry serialises them into a table):
 * a listener that needs the inquiry's state reads it through {@link InquiryFactsSource}.
 */
public sealed interface InquiryEvent permits InquiryEvent.InquiryRegistered, InquiryEvent.InquiryStepFinished,
        InquiryEvent.InquiryEscalated, InquiryEvent.InquiryWarned, InquiryEvent.InquiryReopened,
        InquiryEvent.InquiryClosed {

    String inquiryId();

    String municipality();

    Instant at();

    /** Received and routed to its entry tier. */
    record InquiryRegistered(String inquiryId, String municipality, Channel channel, String topic, Instant at)
            implements InquiryEvent {
    }

    /** A step of the ladder ended (a task's outcome, a guide to self-service, the written answer sent). */
    record InquiryStepFinished(String inquiryId, String municipality, String tier, String outcome, Instant at)
            implements InquiryEvent {
    }

    /** A deadline passed and the inquiry moved up (or to the team lead). */
    record InquiryEscalated(String inquiryId, String municipality, String fromTier, String toTier, Instant at)
            implements InquiryEvent {
    }

    /** The warning point of a deadline passed. */
    record InquiryWarned(String inquiryId, String municipality, Instant at) implements InquiryEvent {
    }

    /** The citizen could not manage with self-service: back to the contact center. */
    record InquiryReopened(String inquiryId, String municipality, Instant at) implements InquiryEvent {
    }

    /** The process ended. */
    record InquiryClosed(String inquiryId, String municipality, String outcome, Instant at) implements InquiryEvent {
    }
}
