package dk.borgerflow.citizen;

import dk.borgerflow.inquiry.Channel;
import dk.borgerflow.inquiry.Inquiry;
import dk.borgerflow.inquiry.InquiryRequest;
import dk.borgerflow.inquiry.InquiryService;
import dk.borgerflow.municipality.Tier;
import dk.borgerflow.security.CurrentUser;
import dk.borgerflow.security.AnswerGroups;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Help requests from the contact page become {@code WEB} inquiries through {@link InquiryService},
 * as the contact page's own front-line identity ({@value #PAGE_USER}, one tenant at a time: the
 * municipality chosen). The citizen who cannot use the self-service is marked as needing help, so
 * routing sends the inquiry to a person. The form's reference (through its hash) is the idempotency
 * key, so the same form sent twice is one inquiry, and the reference itself is stored nowhere.
 */
@Service
class ContactService {

    /** Who registered contact-page inquiries (their {@code createdBy}). */
    static final String PAGE_USER = "kontaktsiden";
    static final String CANNOT_USE_SELF_SERVICE = "Kan ikke bruge selvbetjeningen (kontaktsiden)";

    /** What the citizen sees after asking: no personal data. */
    record Status(String reference, String municipality, String topic, Instant receivedAt, Instant dueAt,
            dk.borgerflow.inquiry.InquiryStatus status, Tier tier) {
    }

    /** The municipality has had its hour's share of help requests. */
    static class Busy extends RuntimeException {
        Busy() {
            super("contact page cap reached");
        }
    }

    private final InquiryService inquiries;
    private final ContactRequestRepository requests;
    private final ContactPageProperties properties;
    private final TransactionTemplate transaction;
    private final AnswerGroups answerGroups;

    ContactService(InquiryService inquiries, ContactRequestRepository requests, ContactPageProperties properties,
            TransactionTemplate transaction, AnswerGroups answerGroups) {
        this.answerGroups = answerGroups;
        this.inquiries = inquiries;
        this.requests = requests;
        this.properties = properties;
        this.transaction = transaction;
    }

    /** The form's fields, checked by {@link ContactForm}. */
    Status ask(ContactForm.Checked form, String reference, String language) {
        String hash = Reference.hash(reference);
        Optional<Status> earlier = statusOf(reference);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant now = Instant.now();
        if (requests.countByMunicipalityAndCreatedAtAfter(form.municipality(), now.minus(Duration.ofHours(1)))
                >= properties.requestsPerMunicipalityPerHour()) {
            throw new Busy();
        }
        StringBuilder needs = new StringBuilder(CANNOT_USE_SELF_SERVICE);
        if (form.otherHelp() != null) {
            needs.append(": ").append(form.otherHelp());
        }
        String accessibility = needs.length() > 500 ? needs.substring(0, 500) : needs.toString();
        InquiryRequest request = new InquiryRequest(form.municipality(), Channel.WEB, form.topic(), form.question(),
                null, new InquiryRequest.CitizenRequest(null, form.name(), form.phone(), form.email(),
                        form.digitallyExempt(), null, form.needsInterpreter(), form.interpreterLanguage(),
                        accessibility));
        // one inquiry per reference (its idempotency key), however often and concurrently the form is sent
        Inquiry inquiry = inquiries.receive(request, idempotencyKey(reference), pageUser(form.municipality()))
                .inquiry();
        try {
            transaction.executeWithoutResult(tx -> {
                if (requests.findByInquiryId(inquiry.id()).isEmpty()) {
                    requests.saveAndFlush(new ContactRequest(hash, inquiry.id(), form.municipality(), language, now));
                }
            });
        } catch (DataIntegrityViolationException sameFormAtOnce) {
            // the other submission of the same form recorded it
        }
        return status(reference, inquiry);
    }

    /** The inquiry's idempotency key for a reference: derived from its hash, so the reference is stored nowhere. */
    static String idempotencyKey(String reference) {
        return "kontakt:" + Reference.hash(reference);
    }

    Optional<Status> statusOf(String reference) {
        return transaction.execute(tx -> requests.findByReferenceHash(Reference.hash(reference))
                .map(r -> {
                    Inquiry inquiry = inquiries.get(r.inquiryId(), pageUser(r.municipality()));
                    return status(reference, inquiry);
                }));
    }

    private static Status status(String reference, Inquiry inquiry) {
        return new Status(reference, inquiry.municipality(), inquiry.topic(), inquiry.receivedAt(), inquiry.dueAt(),
                inquiry.status(), inquiry.tier());
    }

    /**
     * The page's identity: the contact center's front line (its answer groups, as the deployed routing
     * decision names them), for the one municipality the citizen chose.
     */
    private CurrentUser pageUser(String municipality) {
        return new CurrentUser(PAGE_USER, Set.copyOf(answerGroups.deployed()), Set.of(municipality));
    }
}
