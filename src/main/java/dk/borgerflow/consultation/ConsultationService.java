package dk.borgerflow.consultation;

import dk.borgerflow.security.AccessRefused;
import static dk.borgerflow.consultation.ConsultationConstants.*;

import dk.borgerflow.municipality.Municipality;
import dk.borgerflow.municipality.MunicipalityCatalogue;
import dk.borgerflow.security.CprInText;
import dk.borgerflow.security.CurrentUser;
import dk.borgerflow.security.Groups;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the secretariat, consultees and the answer page do to a consultation. Rows and process
 * instances are written in one transaction, and every input is validated before anything is
 * written. What the processes do to it: {@link ConsultationSteps}.
 */
@Service
public class ConsultationService {

    private static final Logger log = LoggerFactory.getLogger(ConsultationService.class);
    static final String SYSTEM = "system";
    static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da"));
    static final int PROPOSAL_VARIABLE_LIMIT = 3800;
    /** Camunda keeps string variables (form values) in columns of 4000 characters. */
    static final int TASKLIST_TEXT_LIMIT = 4000;
    private static final long MAX_PDF_BYTES = 10L * 1024 * 1024;

    private final ConsultationRepository consultations;
    private final ConsulteeRepository consultees;
    private final ConsultationAttachmentRepository attachments;
    private final ConsultationAuditRepository audit;
    private final MunicipalityCatalogue catalogue;
    private final IdentityService identity;
    private final RuntimeService runtime;
    private final ConsultationSchedule schedule;
    private final org.springframework.context.ApplicationEventPublisher events;

    ConsultationService(ConsultationRepository consultations, ConsulteeRepository consultees,
            ConsultationAttachmentRepository attachments, ConsultationAuditRepository audit,
            MunicipalityCatalogue catalogue, IdentityService identity, RuntimeService runtime,
            ConsultationSchedule schedule, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.consultations = consultations;
        this.consultees = consultees;
        this.attachments = attachments;
        this.audit = audit;
        this.catalogue = catalogue;
        this.identity = identity;
        this.runtime = runtime;
        this.schedule = schedule;
    }

    /** A new consultation and the answer-link tokens of its external consultees (shown only now). */
    public record Prepared(Consultation consultation, Map<String, String> tokensByConsulteeId) {
    }

    /** Validates everything, then saves the consultation and starts its process in one transaction. */
    @Transactional
    public Prepared prepare(ConsultationRequest request, CurrentUser user) {
        requireOrganiser(user);
        Municipality municipality = catalogue.municipality(request.municipality())
                .orElseThrow(() -> new InvalidConsultationInput("municipality", "is not a known municipality"));
        if (!user.canAccess(municipality.slug())) {
            throw new AccessRefused("You do not serve municipality " + municipality.slug());
        }
        Instant now = now();
        if (request.deadline().isBefore(schedule.today(municipality.slug(), now))) {
            throw new InvalidConsultationInput("deadline", "must not be in the past");
        }
        if (request.deadline().isAfter(schedule.today(municipality.slug(), now).plusYears(1))) {
            // a svarfrist is weeks away; a date years ahead is a typing error (and past the engine's dates)
            throw new InvalidConsultationInput("deadline", "must be within one year");
        }
        String decidingGroup = request.decidingGroup() == null || request.decidingGroup().isBlank()
                ? Groups.SECRETARIAT : request.decidingGroup().strip();
        if (!groupExists(decidingGroup)) {
            throw new InvalidConsultationInput("decidingGroup", "is not a known group");
        }
        List<ConsultationRequest.Consultee> parties = request.consultees();
        if (parties.stream().noneMatch(c -> c.role() == ConsulteeRole.ANSWER)) {
            throw new InvalidConsultationInput("consultees", "must contain at least one consultee with role ANSWER");
        }
        for (int i = 0; i < parties.size(); i++) {
            validateParty(parties.get(i), "consultees[" + i + "]");
        }

        Consultation consultation = Consultation.prepare(municipality.slug(), request.title().strip(),
                request.proposal(), request.deadline(), decidingGroup, user.userId(), now);
        Map<String, String> tokens = new LinkedHashMap<>();
        for (ConsultationRequest.Consultee party : parties) {
            boolean external = blankToNull(party.group()) == null;
            String token = external && party.role() == ConsulteeRole.ANSWER ? AnswerTokens.newToken() : null;
            Consultee added = consultation.addConsultee(party.name().strip(), party.role(),
                    blankToNull(party.group()), blankToNull(party.email()), token == null ? null : AnswerTokens.hash(token),
                    null, request.deadline());
            if (token != null) {
                tokens.put(added.id(), token);
            }
        }
        consultations.saveAndFlush(consultation);
        record(consultation, null, user.userId(), "PREPARED", "Høring oprettet: " + consultation.title()
                + ", svarfrist " + request.deadline());

        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_CONSULTATION_ID, consultation.id());
        variables.put(VAR_MUNICIPALITY, municipality.slug());
        variables.put(VAR_TITLE, consultation.title());
        variables.put(VAR_DECIDING_GROUP, decidingGroup);
        variables.put(VAR_NOTAT_URL, "/api/consultations/" + consultation.id() + "/notat");
        var instance = runtime.startProcessInstanceByKey(PROCESS_KEY, consultation.id(), variables);
        consultation.attachProcess(instance.getId());
        log.info("Consultation {} '{}' sent for {} to {} consultees, svarfrist {}", consultation.id(),
                consultation.title(), municipality.slug(), parties.size(), request.deadline());
        return new Prepared(consultation, tokens);
    }

    private void validateParty(ConsultationRequest.Consultee party, String field) {
        String group = blankToNull(party.group());
        String email = blankToNull(party.email());
        if (group != null && email != null) {
            throw new InvalidConsultationInput(field + ".group", "give either group (internal) or email (external), not both");
        }
        if (group == null && email == null && party.role() == ConsulteeRole.ANSWER) {
            throw new InvalidConsultationInput(field + ".email",
                    "an answering consultee needs a group (internal) or an email (external)");
        }
        if (group != null && !groupExists(group)) {
            throw new InvalidConsultationInput(field + ".group", "is not a known group");
        }
    }

    boolean groupExists(String group) {
        return identity.createGroupQuery().groupId(group).count() > 0;
    }

    @Transactional(readOnly = true)
    public Consultation get(String id, CurrentUser user) {
        return consultations.findWithConsulteesById(id)
                .filter(c -> user.canAccess(c.municipality()))
                .orElseThrow(() -> new ConsultationNotFound("No consultation " + id + " that you may see."));
    }

    @Transactional(readOnly = true)
    public List<Consultation> list(String municipality, CurrentUser user) {
        if (municipality != null && !user.canAccess(municipality)) {
            throw new AccessRefused("Not your municipality");
        }
        var visible = user.visibleTenantsOrAll();
        return consultations.search(visible == null, visible == null ? List.of("") : visible, municipality);
    }

    @Transactional(readOnly = true)
    public List<AttachmentInfo> attachments(String id, CurrentUser user) {
        return attachments.infos(get(id, user).id());
    }

    @Transactional(readOnly = true)
    public List<ConsultationAuditEntry> auditLog(String id, CurrentUser user) {
        return audit.findByConsultationIdOrderByOccurredAtAscIdAsc(get(id, user).id());
    }

    @Transactional(readOnly = true)
    public ConsultationAttachment attachment(String id, String attachmentId, CurrentUser user) {
        return attachments.findByIdAndConsultationId(attachmentId, get(id, user).id())
                .orElseThrow(() -> new ConsultationNotFound("No attachment " + attachmentId));
    }

    /** A PDF for the proposal, while the consultation is not decided. */
    @Transactional
    public AttachmentInfo addAttachment(String id, String filename, byte[] content, CurrentUser user) {
        requireOrganiser(user);
        Consultation consultation = get(id, user);
        if (consultation.status().isFinal()) {
            throw new ConsultationConflict("The consultation is closed.");
        }
        ConsultationAttachment saved = attachments.save(new ConsultationAttachment(consultation.id(), null,
                checkPdf(filename, content), content, user.userId(), now()));
        record(consultation, null, user.userId(), "ATTACHMENT_ADDED", saved.filename());
        return info(saved);
    }

    /** The administration's comment to one answer, until the notat is compiled. */
    @Transactional
    public Consultee comment(String id, String consulteeId, String text, CurrentUser user) {
        requireOrganiser(user);
        Consultation consultation = get(id, user);
        if (!consultation.acceptsAnswers()) {
            throw new ConsultationConflict("The høringsnotat is compiled; comments can no longer change.");
        }
        Consultee consultee = consultation.consultee(consulteeId)
                .orElseThrow(() -> new ConsultationNotFound("No consultee " + consulteeId));
        consultee.comment(text == null || text.isBlank() ? null : text.strip(), user.userId());
        record(consultation, consultee, user.userId(), "COMMENTED", text);
        return consultee;
    }

    /** A new answer link for an external consultee (the old one stops working). */
    @Transactional
    public String issueAnswerLink(String id, String consulteeId, CurrentUser user) {
        requireOrganiser(user);
        Consultation consultation = get(id, user);
        Consultee consultee = consultation.consultee(consulteeId)
                .orElseThrow(() -> new ConsultationNotFound("No consultee " + consulteeId));
        if (!consultee.isExternal() || consultee.role() != ConsulteeRole.ANSWER) {
            throw new ConsultationConflict("Only external consultees who answer have an answer link.");
        }
        if (consultee.isAnswered() || !consultation.acceptsAnswers()) {
            throw new ConsultationClosed("The consultee has answered or the consultation is closed.");
        }
        String token = AnswerTokens.newToken();
        consultee.replaceToken(AnswerTokens.hash(token));
        record(consultation, consultee, user.userId(), "LINK_ISSUED", "Nyt svarlink til " + consultee.name());
        return token;
    }

    /**
     * An internal consultee's late answer (its branch closed at the svarfrist): a member of its group
     * or the secretariat records it, marked late. In time, internal consultees answer in Tasklist.
     */
    @Transactional
    public Consultee answerLate(String id, String consulteeId, String text, CurrentUser user) {
        Consultation consultation = get(id, user);
        Consultee consultee = consultation.consultee(consulteeId)
                .orElseThrow(() -> new ConsultationNotFound("No consultee " + consulteeId));
        if (consultee.isExternal()) {
            throw new ConsultationConflict("External consultees answer through their answer link.");
        }
        if (!user.isMemberOf(consultee.groupId()) && !isOrganiser(user)) {
            throw new AccessRefused("Not a member of " + consultee.groupId());
        }
        if (consultee.status() == ConsulteeStatus.AWAITING || consultee.status() == ConsulteeStatus.FORWARDED) {
            throw new ConsultationConflict("The svarfrist has not passed: answer the task in Tasklist.");
        }
        acceptAnswer(consultation, consultee, text, user.userId());
        return consultee;
    }

    // ---- the external answer page ----

    /** The consultee behind an answer link, if the link may still be used. */
    @Transactional(readOnly = true)
    public Consultee openAnswerLink(String token) {
        Consultee consultee = byToken(token);
        requireUsable(consultee);
        consultee.consultation().title(); // load for the page
        return consultee;
    }

    /** Stores the answer given through the link, once; correlates it to the waiting branch. */
    @Transactional
    public Consultee answerByLink(String token, String text, String signedBy, String filename, byte[] pdf) {
        Consultee consultee = byToken(token);
        requireUsable(consultee);
        if (text == null || text.isBlank()) {
            throw new InvalidConsultationInput("answer", "must not be empty");
        }
        if (text.length() > 20000) {
            throw new InvalidConsultationInput("answer", "must be at most 20000 characters");
        }
        TextInput.requireStorable("answer", text);
        TextInput.requireStorable("signedBy", signedBy);
        // the answer goes into the høringsnotat, which many read; the page shows where a CPR belongs
        if (CprInText.containsCpr(text)) {
            throw new InvalidConsultationInput("answer", CprInText.WHERE_IT_BELONGS);
        }
        if (CprInText.containsCpr(signedBy)) {
            throw new InvalidConsultationInput("signedBy", CprInText.WHERE_IT_BELONGS);
        }
        String checkedName = pdf == null || pdf.length == 0 ? null : checkPdf(filename, pdf);
        String by = (signedBy == null || signedBy.isBlank() ? consultee.name() : signedBy.strip()) + " (svarlink)";
        if (by.length() > 200) {
            throw new InvalidConsultationInput("signedBy", "must be at most 180 characters");
        }
        Consultation consultation = consultee.consultation();
        acceptAnswer(consultation, consultee, text, by);
        if (checkedName != null) {
            ConsultationAttachment saved = attachments.save(new ConsultationAttachment(consultation.id(),
                    consultee.id(), checkedName, pdf, by, now()));
            record(consultation, consultee, by, "ATTACHMENT_ADDED", saved.filename());
        }
        return consultee;
    }

    private Consultee byToken(String token) {
        if (!AnswerTokens.plausible(token)) {
            throw new ConsultationNotFound("Unknown answer link.");
        }
        return consultees.findByTokenHash(AnswerTokens.hash(token))
                .orElseThrow(() -> new ConsultationNotFound("Unknown answer link."));
    }

    private static void requireUsable(Consultee consultee) {
        if (consultee.isAnswered()) {
            throw new ConsultationClosed("The answer has already been given; it cannot be changed.");
        }
        if (!consultee.consultation().acceptsAnswers()) {
            throw new ConsultationClosed("The consultation is closed.");
        }
    }

    /** The svarfrist of this consultee passed without an answer (for reports). */
    void notAnswered(Consultation consultation, Consultee consultee) {
        events.publishEvent(new ConsultationEvent.ConsulteeNotAnswered(consultation.id(), consultee.id(),
                consultation.municipality(), consultee.deadlineAt(), now()));
    }

    /** Records an answer (late if after the svarfrist) and, if its branch still waits, completes it. */
    void acceptAnswer(Consultation consultation, Consultee consultee, String text, String by) {
        if (!consultation.acceptsAnswers()) {
            throw new ConsultationClosed("The consultation is closed.");
        }
        if (consultee.isAnswered()) {
            throw new ConsultationClosed("The answer has already been given; it cannot be changed.");
        }
        boolean waiting = consultee.status() == ConsulteeStatus.AWAITING;
        consultee.answer(text, by, now());
        events.publishEvent(new ConsultationEvent.ConsulteeAnswered(consultation.id(), consultee.id(),
                consultation.municipality(), consultee.deadlineAt(), consultee.answeredAt(), !consultee.late()));
        record(consultation, consultee, by, consultee.late() ? "ANSWERED_LATE" : "ANSWERED",
                consultee.name() + (consultee.late() ? " svarede efter svarfristen" : " svarede"));
        if (waiting && consultee.isExternal() && consultee.branchProcessId() != null
                && runtime.createEventSubscriptionQuery().processInstanceId(consultee.branchProcessId())
                        .eventName(MESSAGE_ANSWER_SUBMITTED).count() > 0) {
            runtime.createMessageCorrelation(MESSAGE_ANSWER_SUBMITTED)
                    .processInstanceId(consultee.branchProcessId()).correlateWithResult();
        }
    }

    // ---- the høringsnotat ----

    /** What the notat shows: the consultation, its attachments. */
    public record NotatContent(Consultation consultation, String municipalityName, java.time.ZoneId zone,
            List<AttachmentInfo> attachments) {
    }

    @Transactional(readOnly = true)
    public NotatContent notat(String id, CurrentUser user) {
        Consultation consultation = get(id, user);
        var municipality = catalogue.municipality(consultation.municipality());
        return new NotatContent(consultation, municipality.map(Municipality::name).orElse(consultation.municipality()),
                municipality.map(Municipality::zone).orElse(java.time.ZoneId.of("Europe/Copenhagen")),
                attachments.infos(consultation.id()));
    }

    static String statusText(Consultee c) {
        return switch (c.status()) {
            case ANSWERED -> c.late() ? "svar modtaget for sent" : "svar modtaget";
            case NO_ANSWER -> "intet svar";
            case FORWARDED -> "videresendt, afventer";
            case AWAITING -> "afventer svar";
            case INFORMED -> "orienteret";
        };
    }

    // ---- helpers ----

    static boolean isOrganiser(CurrentUser user) {
        return user.isAdmin() || user.groups().contains(Groups.SECRETARIAT) || user.groups().contains(Groups.PROCESS_OWNER);
    }

    private static void requireOrganiser(CurrentUser user) {
        if (!isOrganiser(user)) {
            throw new AccessRefused("Only the secretariat, process owners and admins run consultations.");
        }
    }

    private static String checkPdf(String filename, byte[] content) {
        if (content == null || content.length < 5) {
            throw new InvalidConsultationInput("file", "is empty");
        }
        if (content.length > MAX_PDF_BYTES) {
            throw new InvalidConsultationInput("file", "is larger than 10 MB");
        }
        if (!(content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F' && content[4] == '-')) {
            throw new InvalidConsultationInput("file", "must be a PDF");
        }
        return PrintableText.filename(filename);
    }

    private static AttachmentInfo info(ConsultationAttachment a) {
        return new AttachmentInfo(a.id(), a.consulteeId(), a.filename(), a.sizeBytes(), a.uploadedBy(), a.uploadedAt());
    }

    void record(Consultation consultation, Consultee consultee, String actor, String action, String detail) {
        audit.save(new ConsultationAuditEntry(consultation.id(), consultee == null ? null : consultee.id(), now(), actor,
                action, detail));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.MILLIS);
    }

    static List<Consultee> answering(Consultation consultation) {
        return new ArrayList<>(consultation.consultees().stream().filter(c -> c.role() == ConsulteeRole.ANSWER).toList());
    }
}
