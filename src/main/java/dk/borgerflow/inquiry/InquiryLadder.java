package dk.borgerflow.inquiry;

import dk.borgerflow.deadline.Deadline;
import dk.borgerflow.inquiry.CandidateGroups.Target;
import dk.borgerflow.deadline.DeadlineService;
import dk.borgerflow.municipality.MunicipalityCatalogue;
import dk.borgerflow.municipality.Tier;
import dk.borgerflow.selfservice.SelfServiceCatalogue;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What processes/inquiry.bpmn does to an inquiry as it climbs the ladder: routing, hand-offs,
 * warnings, escalations, pauses and the end. Called only by {@link InquiryProcessDelegates}; every
 * method finds its inquiry from the process instance it runs in ({@link #bound}), never from a
 * process variable.
 */
@Service
class InquiryLadder {

    private static final Logger log = LoggerFactory.getLogger(InquiryLadder.class);

    private final InquiryRepository inquiries;
    private final MunicipalityCatalogue catalogue;
    private final DeadlineService deadlines;
    private final TaskService tasks;
    private final InquiryMetrics metrics;
    private final SelfServiceCatalogue selfService;
    private final CandidateGroups groups;
    private final org.springframework.context.ApplicationEventPublisher events;

    InquiryLadder(InquiryRepository inquiries, MunicipalityCatalogue catalogue, DeadlineService deadlines,
            TaskService tasks, InquiryMetrics metrics, SelfServiceCatalogue selfService, CandidateGroups groups,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.inquiries = inquiries;
        this.catalogue = catalogue;
        this.deadlines = deadlines;
        this.tasks = tasks;
        this.metrics = metrics;
        this.selfService = selfService;
        this.groups = groups;
    }

    /**
     * The inquiry of this process instance: the row bound to the instance id, or, while the intake
     * that starts the process is still under way (same transaction, row not yet bound), the unbound
     * row named by the business key, which is bound now. The instance's tenant must be the
     * inquiry's municipality. A process without its row (started past our API) stops here.
     */
    @Transactional
    Inquiry bound(InquiryProcess process) {
        Inquiry inquiry = inquiries.findByProcessInstanceId(process.processInstanceId())
                .or(() -> process.businessKey() == null ? java.util.Optional.empty()
                        : inquiries.findById(process.businessKey()).filter(i -> i.processInstanceId() == null))
                .orElseThrow(() -> new IllegalStateException("Process instance " + process.processInstanceId()
                        + " belongs to no inquiry (inquiries are created through POST /api/inquiries)"));
        if (!Objects.equals(inquiry.municipality(), process.tenantId())) {
            throw new IllegalStateException("Process instance " + process.processInstanceId() + " runs for tenant "
                    + process.tenantId() + ", its inquiry belongs to " + inquiry.municipality());
        }
        inquiry.attachProcess(process.processInstanceId());
        return inquiry;
    }

    /**
     * Applies the routing decision (entry tier, answer group, and whether the citizen needs personal
     * service, which the inquiry keeps); answers the inquiry at the tier it actually entered, with its
     * first deadline counted from {@code receivedAt}.
     */
    @Transactional
    Inquiry applyRouting(InquiryProcess process, String entryTier, String answerGroup, Boolean needsPersonalService) {
        Inquiry inquiry = bound(process);
        Tier tier = Tier.parse(entryTier).orElseThrow(() -> new IllegalStateException(
                "routing.dmn answered an unknown tier: " + entryTier));
        if (needsPersonalService == null) {
            // fail closed: without the decision nobody can tell whether self-service alone is allowed
            throw new IllegalStateException("routing.dmn answered no needsPersonalService (decision personal-service)");
        }
        String group = switch (tier) {
            case DESK, SPECIALIST -> groupAt(tier, inquiry);
            default -> answerGroup;
        };
        Tier entered = inquiry.route(tier, needsPersonalService, answerGroup, group, "Routet af routing.dmn: "
                + tier.danishName()
                + (answerGroup == null ? "" : " / " + answerGroup), now());
        if (entered != Tier.SELF_SERVICE) {
            startDeadline(inquiry, inquiry.receivedAt());
        }
        return inquiry;
    }

    @Transactional
    void guideToSelfService(InquiryProcess process) {
        Inquiry inquiry = bound(process);
        Instant now = now();
        inquiry.guideToSelfService(selfServiceUrl(inquiry), Inquiry.SYSTEM,
                "Borgeren er guidet til digital selvbetjening", now);
        stepFinished(inquiry, Outcome.SELF_SERVICE, now);
    }

    /** Records a task's outcome; a move to another tier starts that tier's deadline. */
    @Transactional
    Inquiry recordTaskOutcome(InquiryProcess process, Tier atTier, String outcome, String actor, String note) {
        return recordTaskOutcome(process, atTier, outcome, actor, note, null);
    }

    /** As above, with the contact center's "the catalogue had the answer" tick (a Boolean, else ignored). */
    @Transactional
    Inquiry recordTaskOutcome(InquiryProcess process, Tier atTier, String outcome, String actor, String note,
            Object catalogueHadAnswer) {
        Inquiry inquiry = bound(process);
        Outcome chosen;
        try {
            chosen = Outcome.valueOf(String.valueOf(outcome));
        } catch (IllegalArgumentException e) {
            throw new InquiryRuleViolation("Vælg et udfald (fik '" + outcome + "').");
        }
        String next = switch (chosen) {
            case DESK -> groupAt(Tier.DESK, inquiry);
            case SPECIALIST -> groupAt(Tier.SPECIALIST, inquiry);
            default -> inquiry.candidateGroup();
        };
        Instant now = now();
        inquiry.recordTaskOutcome(atTier, chosen, next, selfServiceUrl(inquiry), actor, note, now);
        if (atTier == Tier.CONTACT_CENTER && catalogueHadAnswer instanceof Boolean had) {
            inquiry.recordCatalogueFact(had);
        }
        if (chosen == Outcome.DESK || chosen == Outcome.SPECIALIST) {
            startDeadline(inquiry, now);
        }
        events.publishEvent(new InquiryEvent.InquiryStepFinished(inquiry.id(), inquiry.municipality(), atTier.name(),
                chosen.name(), now));
        return inquiry;
    }

    /**
     * The deadline {@code breached} passed: the inquiry moves up one tier, or to the team lead at
     * the top, with a new deadline from now.
     */
    @Transactional
    Inquiry escalate(InquiryProcess process, Instant breached) {
        Inquiry inquiry = bound(process);
        Instant now = now();
        Tier from = inquiry.tier();
        Tier to = from.next().orElse(from);
        String group = switch (to) {
            case DESK -> groupAt(Tier.DESK, inquiry);
            case SPECIALIST -> from == Tier.SPECIALIST ? groups.groupFor(Target.TEAM_LEAD, department(inquiry))
                    : groupAt(Tier.SPECIALIST, inquiry);
            default -> inquiry.answerGroup();
        };
        String reason = "Fristen for svar (" + from.danishName() + ") udløb " + breached;
        String target = inquiry.escalate(to, group, breached, reason, now);
        startDeadline(inquiry, now);
        metrics.escalated(inquiry, from, target);
        events.publishEvent(new InquiryEvent.InquiryEscalated(inquiry.id(), inquiry.municipality(), from.name(),
                target, now));
        log.info("Inquiry {} escalated from {} to {}", inquiry.id(), from, target);
        return inquiry;
    }

    /**
     * The warning point passed: recorded, and the team lead becomes a candidate of the open task.
     * When the deadline has passed too (after downtime, or an old letter registered late), a warning
     * says nothing new: the breach timer escalates the inquiry, and nothing is loaded or written here.
     */
    @Transactional
    void warn(InquiryProcess process, Instant dueAt) {
        if (dueAt != null && !dueAt.isAfter(now())) {
            return;
        }
        Inquiry inquiry = bound(process);
        inquiry.warnDeadline(now());
        String teamLead = groups.groupFor(Target.TEAM_LEAD, department(inquiry));
        tasks.createTaskQuery().processInstanceId(process.processInstanceId()).active().list()
                .forEach(t -> tasks.addCandidateGroup(t.getId(), teamLead));
        metrics.warned(inquiry);
        events.publishEvent(new InquiryEvent.InquiryWarned(inquiry.id(), inquiry.municipality(), now()));
    }

    /** The citizen replied (or the wait ran out): the deadline resumes, pushed by the pause. */
    @Transactional
    Inquiry resumeDeadline(InquiryProcess process, boolean citizenReplied) {
        Inquiry inquiry = bound(process);
        Instant now = now();
        Instant pausedAt = inquiry.deadlinePausedAt();
        Instant due = deadlines.resume(inquiry.municipality(), inquiry.tier(), inquiry.dueAt(), pausedAt, now);
        Instant warn = deadlines.resume(inquiry.municipality(), inquiry.tier(), inquiry.warnAt(), pausedAt, now);
        inquiry.resumeDeadline(due, warn, citizenReplied ? "Borgeren har svaret; fristen løber igen"
                : "Borgeren har ikke svaret inden for ventetiden; fristen løber igen", now);
        return inquiry;
    }

    /** Records that the written answer went out: by letter to the digitally exempt, else Digital Post. */
    @Transactional
    String sendFeedback(InquiryProcess process) {
        Inquiry inquiry = bound(process);
        String via = inquiry.citizen().digitallyExempt() ? "brev" : "Digital Post";
        Instant now = now();
        inquiry.recordFeedbackSent(via, now);
        stepFinished(inquiry, Outcome.FEEDBACK_SENT, now);
        return via;
    }

    @Transactional
    void processEnded(InquiryProcess process) {
        Inquiry inquiry = bound(process);
        Instant now = now();
        inquiry.close(now);
        events.publishEvent(new InquiryEvent.InquiryClosed(inquiry.id(), inquiry.municipality(),
                String.valueOf(inquiry.outcome()), now));
    }

    private void stepFinished(Inquiry inquiry, Outcome outcome, Instant at) {
        events.publishEvent(new InquiryEvent.InquiryStepFinished(inquiry.id(), inquiry.municipality(),
                inquiry.tier().name(), outcome.name(), at));
    }

    /** The citizen needs help after self-service: back to the contact center with a new deadline. */
    void reopenedFromSelfService(Inquiry inquiry, Instant now) {
        startDeadline(inquiry, now);
    }

    private void startDeadline(Inquiry inquiry, Instant from) {
        Deadline deadline = deadlines.deadlineFor(inquiry.municipality(), inquiry.tier(), inquiry.topic(), from);
        inquiry.setDeadline(deadline.dueAt(), deadline.warnAt());
    }

    /**
     * The process variables the user tasks' due/follow-up dates, candidate groups and boundary timers
     * read.
     */
    static Map<String, Object> deadlineVariables(Inquiry inquiry) {
        Map<String, Object> v = new HashMap<>();
        v.put(ProcessConstants.VAR_DUE_AT, inquiry.dueAt() == null ? null : java.util.Date.from(inquiry.dueAt()));
        v.put(ProcessConstants.VAR_WARN_AT, inquiry.warnAt() == null ? null : java.util.Date.from(inquiry.warnAt()));
        v.put(ProcessConstants.VAR_TIER, inquiry.tier().name());
        v.put(ProcessConstants.VAR_CANDIDATE_GROUP, inquiry.candidateGroup());
        return v;
    }

    /** The group that works the inquiry at the desk or specialist tier: candidate-group.dmn decides. */
    private String groupAt(Tier tier, Inquiry inquiry) {
        return groups.groupFor(tier == Tier.DESK ? Target.DESK : Target.SPECIALIST, department(inquiry));
    }

    private String department(Inquiry inquiry) {
        return catalogue.topic(inquiry.topic()).map(t -> t.department()).orElseThrow();
    }

    /**
     * The catalogue's solutions for the inquiry's municipality and topic as the contact center's form
     * shows them (own ones first): title, address, description, MitID, what to do without it, the
     * desk's opening hours; in Swedish for a Swedish municipality.
     */
    @Transactional(readOnly = true)
    String selfServiceSolutions(InquiryProcess process) {
        Inquiry inquiry = bound(process);
        boolean swedish = catalogue.municipality(inquiry.municipality()).map(m -> "SE".equals(m.country()))
                .orElse(false);
        var solutions = selfService.solutionsFor(inquiry.municipality(), inquiry.topic());
        if (solutions.isEmpty()) {
            return swedish ? "Katalogen har ingen självservice för ämnet." : "Kataloget har ingen selvbetjening til emnet.";
        }
        StringBuilder text = new StringBuilder();
        for (var s : solutions) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(s.title()).append(" – ").append(s.url()).append('\n').append(s.description());
            text.append('\n').append(s.mitidRequired() ? (swedish ? "Kräver e-legitimation." : "Kræver MitID.")
                    : (swedish ? "Kräver inte e-legitimation." : "Kræver ikke MitID."));
            if (s.withoutMitid() != null) {
                text.append(' ').append(swedish ? "Utan e-legitimation: " : "Uden MitID: ").append(s.withoutMitid());
            }
            if (s.deskOpeningHours() != null && !s.deskOpeningHours().isEmpty()) {
                text.append('\n').append(swedish ? "Servicekontoret: " : "Borgerservice: ").append(s.deskOpeningHours());
            }
        }
        return text.length() > 3900 ? text.substring(0, 3900) + " …" : text.toString();
    }

    /** The agent's answer to "did the catalogue have the answer?" joins the note on the inquiry's history. */
    static String withCatalogueFact(String note, Object catalogueHadAnswer) {
        if (!(catalogueHadAnswer instanceof Boolean had)) {
            return note;
        }
        String fact = had ? CATALOGUE_HAD_ANSWER : CATALOGUE_HAD_NO_ANSWER;
        return note == null || note.isBlank() ? fact : note + "\n" + fact;
    }

    static final String CATALOGUE_HAD_ANSWER = "Selvbetjeningskataloget havde svaret.";
    static final String CATALOGUE_HAD_NO_ANSWER = "Selvbetjeningskataloget havde ikke svaret.";

    private String selfServiceUrl(Inquiry inquiry) {
        return selfService.linkFor(inquiry.municipality(), inquiry.topic()).orElse(null);
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
