package dk.borgerflow.inquiry;

import dk.borgerflow.security.AccessRefused;
import static dk.borgerflow.inquiry.ProcessConstants.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.deadline.Deadline;
import dk.borgerflow.deadline.DeadlineService;
import dk.borgerflow.municipality.Municipality;
import dk.borgerflow.municipality.MunicipalityCatalogue;
import dk.borgerflow.municipality.Tier;
import dk.borgerflow.municipality.Topic;
import dk.borgerflow.security.CprInText;
import dk.borgerflow.security.CurrentUser;
import dk.borgerflow.selfservice.SelfServiceCatalogue;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Intake and what staff and citizens do to an inquiry through our API. The inquiry row and its
 * process instance are written in one transaction (the engine shares the JPA transaction manager),
 * so a failed start leaves neither behind. What the process does to it: {@link InquiryLadder}.
 */
@Service
public class InquiryService {

    private static final Logger log = LoggerFactory.getLogger(InquiryService.class);
    private static final Duration RECEIVED_AT_CLOCK_SKEW = Duration.ofMinutes(5);
    /** Late registration of an old letter is fine; a date from another era is a typing error. */
    private static final Instant EARLIEST_RECEIVED_AT = Instant.parse("2000-01-01T00:00:00Z");

    private final InquiryRepository inquiries;
    private final MunicipalityCatalogue catalogue;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final InquiryLadder ladder;
    private final InquiryMetrics metrics;
    private final CprAccessRepository cprAccesses;
    private final SelfServiceCatalogue selfService;
    private final org.springframework.context.ApplicationEventPublisher events;

    InquiryService(InquiryRepository inquiries, MunicipalityCatalogue catalogue, RuntimeService runtime,
            TransactionTemplate transaction, ObjectMapper json, InquiryLadder ladder,
            InquiryMetrics metrics, CprAccessRepository cprAccesses, SelfServiceCatalogue selfService,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.selfService = selfService;
        this.cprAccesses = cprAccesses;
        this.inquiries = inquiries;
        this.catalogue = catalogue;
        this.runtime = runtime;
        this.transaction = transaction;
        this.json = json;
        this.ladder = ladder;
        this.metrics = metrics;
    }

    /** The inquiry and whether this call created it (false: an earlier call with the same key did). */
    public record Received(Inquiry inquiry, boolean created) {
    }

    /**
     * Receives an inquiry and starts its process. With an idempotency key, a repeat of the same
     * request answers the inquiry created the first time and starts nothing.
     */
    public Received receive(InquiryRequest request, String idempotencyKey, CurrentUser user) {
        String hash = idempotencyKey == null ? null : fingerprint(request);
        if (idempotencyKey != null) {
            Optional<Received> earlier = earlier(user, idempotencyKey, hash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        try {
            return transaction.execute(tx -> new Received(create(request, idempotencyKey, hash, user), true));
        } catch (DataIntegrityViolationException e) {
            // a concurrent request with the same key won the race; its inquiry is the answer
            return earlier(user, idempotencyKey, hash).orElseThrow(() -> e);
        }
    }

    private Optional<Received> earlier(CurrentUser user, String key, String hash) {
        if (key == null) {
            return Optional.empty();
        }
        return transaction.execute(tx -> inquiries.findByCreatedByAndIdempotencyKey(user.userId(), key)
                .map(existing -> {
                    if (!hash.equals(existing.idempotencyHash())) {
                        throw new InquiryConflict("Idempotency-Key '" + key
                                + "' was already used for a different request.");
                    }
                    existing.history().size(); // load for the response
                    existing.escalations().size();
                    return new Received(existing, false);
                }));
    }

    private Inquiry create(InquiryRequest request, String idempotencyKey, String hash, CurrentUser user) {
        requireAnswersCitizens(user);
        Municipality municipality = catalogue.municipality(request.municipality())
                .orElseThrow(() -> new InvalidInquiryInput("municipality", "is not a known municipality"));
        if (!user.canAccess(municipality.slug())) {
            throw new AccessRefused(
                    "You do not serve municipality " + municipality.slug());
        }
        Topic topic = catalogue.topic(request.topic())
                .orElseThrow(() -> new InvalidInquiryInput("topic", "is not a topic of the catalogue"));
        var c = request.citizen() == null ? InquiryRequest.CitizenRequest.anonymous() : request.citizen();
        String cpr = c.cpr() == null ? null : Cpr.normalise(c.cpr())
                .orElseThrow(() -> new InvalidInquiryInput("citizen.cpr", "is not a valid CPR number"));
        // the phone goes into the task's contact line; a Danish phone number has 8 digits, a Swedish one
        // (070 123 45 67, 08 123 456 78) may have ten that look like a CPR number
        if (!"SE".equals(municipality.country()) && CprInText.containsCpr(c.phone())) {
            throw new InvalidInquiryInput("citizen.phone", CprInText.WHERE_IT_BELONGS);
        }
        Instant now = now();
        // milliseconds: what the engine's timers and dates hold, so deadlines compare exactly
        Instant receivedAt = (request.receivedAt() == null ? now : request.receivedAt().toInstant())
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (receivedAt.isAfter(now.plus(RECEIVED_AT_CLOCK_SKEW))) {
            throw new InvalidInquiryInput("receivedAt", "must not be in the future");
        }
        if (receivedAt.isBefore(EARLIEST_RECEIVED_AT)) {
            throw new InvalidInquiryInput("receivedAt", "must not be before " + EARLIEST_RECEIVED_AT);
        }
        Citizen citizen = new Citizen(cpr, c.name(), c.phone(), c.email(), Boolean.TRUE.equals(c.digitallyExempt()),
                c.age(), Boolean.TRUE.equals(c.needsInterpreter()), c.language(), c.accessibilityNeeds());

        Inquiry inquiry = Inquiry.receive(municipality.slug(), request.channel(), topic.slug(), request.summary(),
                receivedAt, citizen, user.userId(), idempotencyKey, hash, now);
        inquiries.saveAndFlush(inquiry);

        Optional<String> selfServiceLink = selfService.linkFor(municipality.slug(), topic.slug());
        // What Tasklist shows and the process needs later is stored; what only routing.dmn reads at
        // intake is transient (start, routing and the first task are one transaction): the decision's
        // history keeps those inputs, and the inquiry row keeps the citizen's details.
        VariableMap variables = Variables.createVariables()
                .putValue(VAR_MUNICIPALITY, municipality.slug())
                .putValue("municipalityName", municipality.name())
                .putValue("topicName", topic.name())
                .putValue("summary", request.summary())
                .putValue("citizenName", c.name() == null ? "(ukendt)" : c.name())
                .putValue("citizenContact", contactLine(citizen))
                .putValue(VAR_ESCALATED, false)
                .putValueTyped("channel", Variables.stringValue(request.channel().name(), true))
                .putValueTyped("topic", Variables.stringValue(topic.slug(), true))
                .putValueTyped("digitallyExempt", Variables.booleanValue(citizen.digitallyExempt(), true))
                .putValueTyped("age", Variables.integerValue(citizen.age(), true))
                .putValueTyped("needsInterpreter", Variables.booleanValue(citizen.needsInterpreter(), true))
                .putValueTyped("accessibilityNeeds", Variables.booleanValue(citizen.hasAccessibilityNeeds(), true))
                .putValueTyped("language", Variables.stringValue(c.language() == null ? "" : c.language(), true))
                .putValueTyped("selfServiceAvailable", Variables.booleanValue(selfServiceLink.isPresent(), true));
        // the business key names the inquiry; the process code binds to the row through it (InquiryLadder.bound)
        var instance = runtime.startProcessInstanceByKey(PROCESS_KEY, inquiry.id(), variables);
        inquiry.attachProcess(instance.getId());
        events.publishEvent(new InquiryEvent.InquiryRegistered(inquiry.id(), inquiry.municipality(),
                inquiry.channel(), inquiry.topic(), now));
        metrics.received(inquiry);
        log.info("Inquiry {} received for {} about {} via {}: tier {}, group {}", inquiry.id(), municipality.slug(),
                topic.slug(), request.channel(), inquiry.tier(), inquiry.candidateGroup());
        return inquiry;
    }

    private static String contactLine(Citizen citizen) {
        StringBuilder line = new StringBuilder();
        if (citizen.phone() != null) {
            line.append("Tlf. ").append(citizen.phone());
        }
        if (citizen.email() != null) {
            line.append(line.isEmpty() ? "" : ", ").append(citizen.email());
        }
        if (citizen.digitallyExempt()) {
            line.append(line.isEmpty() ? "" : ", ").append("fritaget for Digital Post");
        }
        if (citizen.needsInterpreter()) {
            line.append(line.isEmpty() ? "" : ", ").append("tolk: ")
                    .append(citizen.language() == null ? "ja" : citizen.language());
        }
        return line.isEmpty() ? "(ingen kontaktoplysninger)" : line.toString();
    }

    @Transactional(readOnly = true)
    public Inquiry get(String id, CurrentUser user) {
        Inquiry inquiry = inquiries.findWithHistoryById(id)
                .filter(i -> user.canAccess(i.municipality()))
                .orElseThrow(() -> new InquiryNotFound("No inquiry " + id + " that you may see."));
        inquiry.escalations().size();
        return inquiry;
    }

    /**
     * The citizen's CPR number, for a stated purpose. Every call is recorded (who, when, which
     * inquiry, why) before the number is handed out; the number itself is never logged.
     */
    @Transactional
    public String revealCpr(String id, String purpose, CurrentUser user) {
        requireAnswersCitizens(user);
        Inquiry inquiry = get(id, user);
        if (inquiry.citizen().cpr() == null) {
            throw new InquiryNotFound("The inquiry has no CPR number.");
        }
        cprAccesses.save(new CprAccess(inquiry.id(), inquiry.municipality(), user.userId(), now(), purpose));
        log.info("CPR number of inquiry {} read by {}", inquiry.id(), user.userId());
        return inquiry.citizen().cpr();
    }

    /** Who has read the CPR number of this inquiry. */
    @Transactional(readOnly = true)
    public java.util.List<CprAccess> cprAccessLog(String id, CurrentUser user) {
        get(id, user);
        return cprAccesses.findByInquiryIdOrderByAccessedAtAsc(id);
    }

    @Transactional(readOnly = true)
    public Page<Inquiry> list(String municipality, InquiryStatus status, Tier tier, Pageable page, CurrentUser user) {
        if (municipality != null && !user.canAccess(municipality)) {
            throw new AccessRefused("Not your municipality");
        }
        var visible = user.visibleTenantsOrAll();
        return inquiries.search(visible == null, visible == null ? java.util.List.of("") : visible, municipality,
                status, tier, page);
    }

    /** The citizen could not manage with self-service: back to the contact center. */
    @Transactional
    public Inquiry requestHelp(String id, String reason, CurrentUser user) {
        requireAnswersCitizens(user);
        Inquiry inquiry = get(id, user);
        Instant now = now();
        inquiry.reopenFromSelfService(user.userId(), reason == null ? "Borgeren har brug for hjælp" : reason, now);
        ladder.reopenedFromSelfService(inquiry, now);
        events.publishEvent(new InquiryEvent.InquiryReopened(inquiry.id(), inquiry.municipality(), now));
        runtime.createMessageCorrelation(MESSAGE_CITIZEN_NEEDS_HELP).processInstanceId(inquiry.processInstanceId())
                .setVariables(InquiryLadder.deadlineVariables(inquiry)).correlate();
        return inquiry;
    }

    /** The citizen sent the information the municipality waited for. */
    @Transactional
    public Inquiry citizenReplied(String id, String message, CurrentUser user) {
        requireAnswersCitizens(user);
        Inquiry inquiry = get(id, user);
        if (inquiry.deadlinePausedAt() == null) {
            throw new InquiryRuleViolation("Henvendelsen venter ikke på borgeren.");
        }
        runtime.createMessageCorrelation(MESSAGE_CITIZEN_REPLIED).processInstanceId(inquiry.processInstanceId())
                .setVariable("citizenReply", message == null ? "" : message).correlate();
        return inquiry;
    }

    /** Registering inquiries, acting on them and reading CPR numbers is the front line's work. */
    private static void requireAnswersCitizens(CurrentUser user) {
        if (!user.answersCitizens()) {
            throw new AccessRefused("Only staff who answer citizens "
                    + "(contact center, desk, specialists, team leads) register and handle inquiries.");
        }
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private String fingerprint(InquiryRequest request) {
        try {
            byte[] canonical = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
