package dk.borgerflow.reporting;

import dk.borgerflow.consultation.ConsultationEvent;
import dk.borgerflow.inquiry.InquiryEvent;
import dk.borgerflow.inquiry.InquiryFactsSource;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Feeds the read model from the cases' events. Each event is a registered publication (written in
 * the transaction that published it); it completes only when this listener returned, so a failure
 * or a crash between the commit and the projection leaves it incomplete, and it is delivered again:
 * at start ({@code spring.modulith.events.republish-outstanding-events-on-restart}) and by
 * {@link #resubmitIncomplete()} every minute. The projection reads the inquiry's current facts, so
 * a repeated or late event changes nothing that a newer one already wrote.
 */
@Component
class ReportingProjection {

    private static final Logger log = LoggerFactory.getLogger(ReportingProjection.class);

    private final InquiryFactsSource inquiries;
    private final ReadModel readModel;
    private final Pseudonyms pseudonyms;
    private final IncompleteEventPublications incomplete;
    private final ReportingProperties properties;
    /** Fault injection for tests: while set, projections fail with it (as if the database went away). */
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();

    ReportingProjection(InquiryFactsSource inquiries, ReadModel readModel, Pseudonyms pseudonyms,
            IncompleteEventPublications incomplete, ReportingProperties properties) {
        this.inquiries = inquiries;
        this.readModel = readModel;
        this.pseudonyms = pseudonyms;
        this.incomplete = incomplete;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(InquiryEvent event) {
        failIfInjected();
        project(event.inquiryId());
    }

    @ApplicationModuleListener
    void on(ConsultationEvent event) {
        failIfInjected();
        if (event instanceof ConsultationEvent.ConsulteeAnswered a) {
            readModel.consultee(a.consulteeId(), a.consultationId(), a.municipality(), a.deadlineAt(),
                    a.answeredAt(), a.inTime());
        } else if (event instanceof ConsultationEvent.ConsulteeNotAnswered n) {
            readModel.consultee(n.consulteeId(), n.consultationId(), n.municipality(), n.deadlineAt(), null, null);
        }
    }

    /** Re-reads one inquiry into the read model (also what the rebuild does per inquiry). */
    void project(String inquiryId) {
        inquiries.facts(inquiryId, pseudonyms).ifPresent(readModel::project);
    }

    /** Delivers publications that stayed incomplete (a failed or interrupted projection) again. */
    @Scheduled(fixedDelayString = "${borgerflow.reporting.resubmit-every:PT1M}",
            initialDelayString = "${borgerflow.reporting.resubmit-every:PT1M}")
    void resubmitIncomplete() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(properties.resubmitAfter());
        } catch (RuntimeException e) {
            log.warn("Resubmitting incomplete event publications failed: {}", e.toString());
        }
    }

    /** Tests: make every projection fail with {@code e} until called with {@code null}. */
    void injectFailure(RuntimeException e) {
        failure.set(e);
    }

    /** Tests: how many projections failed by injection. */
    int refusedByInjection() {
        return refused.get();
    }

    private void failIfInjected() {
        RuntimeException e = failure.get();
        if (e != null) {
            refused.incrementAndGet();
            throw e;
        }
    }
}
