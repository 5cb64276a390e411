package dk.borgerflow.consultation;

import static dk.borgerflow.consultation.ConsultationConstants.*;
import static dk.borgerflow.consultation.ConsultationService.DANISH_DATE;
import static dk.borgerflow.consultation.ConsultationService.PROPOSAL_VARIABLE_LIMIT;
import static dk.borgerflow.consultation.ConsultationService.SYSTEM;
import static dk.borgerflow.consultation.ConsultationService.TASKLIST_TEXT_LIMIT;
import static dk.borgerflow.consultation.ConsultationService.blankToNull;
import static dk.borgerflow.consultation.ConsultationService.now;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What processes/consultation.bpmn and consultation-reply.bpmn do to a consultation and its
 * consultees. Called only by {@link ConsultationProcessDelegates}; every method finds its records
 * from the process instance it runs in ({@link ConsultationProcess}), never from a process
 * variable: the consultation is the row bound to the root instance, a consultee the one bound to
 * its reply branch ({@link #bindBranch} binds it when the branch starts, after checking that the
 * consultee belongs there).
 */
@Service
class ConsultationSteps {

    private final ConsultationRepository consultations;
    private final ConsulteeRepository consultees;
    private final ConsultationSchedule schedule;
    private final ConsultationService service;

    ConsultationSteps(ConsultationRepository consultations, ConsulteeRepository consultees,
            ConsultationSchedule schedule, ConsultationService service) {
        this.consultations = consultations;
        this.consultees = consultees;
        this.schedule = schedule;
        this.service = service;
    }

    // ---- which records a process instance works on ----

    /**
     * The consultation of the root instance: the row bound to it, or, while {@code prepare} is still
     * starting the process (same transaction, row not yet bound), the unbound row named by the
     * business key, which is bound now. The tenant must be the consultation's municipality.
     */
    @Transactional
    Consultation consultation(ConsultationProcess process) {
        Consultation consultation = consultations.findWithConsulteesByProcessInstanceId(process.rootProcessInstanceId())
                .or(() -> process.rootBusinessKey() == null ? java.util.Optional.empty()
                        : consultations.findWithConsulteesById(process.rootBusinessKey())
                                .filter(c -> c.processInstanceId() == null))
                .orElseThrow(() -> new IllegalStateException("Process instance " + process.rootProcessInstanceId()
                        + " belongs to no consultation (consultations are created through POST /api/consultations)"));
        requireTenant(process, consultation);
        consultation.attachProcess(process.rootProcessInstanceId());
        return consultation;
    }

    /** The consultee whose reply branch this is (bound by {@link #bindBranch}). */
    @Transactional
    Consultee consultee(ConsultationProcess process) {
        Consultee consultee = consultees.findByBranchProcessId(process.processInstanceId())
                .orElseThrow(() -> new IllegalStateException("Process instance " + process.processInstanceId()
                        + " is the reply branch of no consultee"));
        requireTenant(process, consultee.consultation());
        return consultee;
    }

    /**
     * Binds a new reply branch to its consultee. The id comes from the call activity (the
     * consultation's answering consultees, or the sub-consultee a forward just created), and is
     * checked against what the engine knows: the consultee belongs to this branch's consultation,
     * has no branch yet, and was called by the right instance (the consultation itself for a
     * consultee, the forwarding consultee's branch for a sub-consultee).
     */
    private Consultee bindBranch(ConsultationProcess process, String consulteeId) {
        Consultation consultation = consultation(process);
        Consultee consultee = consulteeId == null ? null : consultation.consultee(consulteeId).orElse(null);
        if (consultee == null || consultee.role() != ConsulteeRole.ANSWER
                || consultee.branchProcessId() != null && !consultee.branchProcessId().equals(process.processInstanceId())) {
            throw new IllegalStateException("Reply branch " + process.processInstanceId()
                    + " was started for no answering consultee of consultation " + consultation.id() + " without a branch");
        }
        String expectedCaller = consultee.parentId() == null ? consultation.processInstanceId()
                : consultation.consultee(consultee.parentId()).map(Consultee::branchProcessId).orElse(null);
        if (!Objects.equals(expectedCaller, process.callerProcessInstanceId())) {
            throw new IllegalStateException("Reply branch " + process.processInstanceId() + " of consultee "
                    + consultee.id() + " was not started by " + (consultee.parentId() == null ? "its consultation"
                            : "the branch of the consultee that forwarded to it"));
        }
        return consultee;
    }

    private static void requireTenant(ConsultationProcess process, Consultation consultation) {
        if (!Objects.equals(consultation.municipality(), process.tenantId())) {
            throw new IllegalStateException("Process instance " + process.processInstanceId() + " runs for tenant "
                    + process.tenantId() + ", its consultation belongs to " + consultation.municipality());
        }
    }

    // ---- the steps ----

    @Transactional
    void send(ConsultationProcess process) {
        Consultation consultation = consultation(process);
        consultation.markSent(now());
        for (Consultee c : consultation.consultees()) {
            if (c.role() == ConsulteeRole.INFORM) {
                service.record(consultation, c, consultation.createdBy(), "INFORMED", c.name() + " orienteret"
                        + (c.groupId() != null ? " (gruppe " + c.groupId() + ")" : c.email() != null ? " (" + c.email() + ")" : ""));
            } else {
                service.record(consultation, c, consultation.createdBy(), "SENT", "Sendt til " + c.name()
                        + (c.isExternal() ? " med personligt svarlink (" + c.email() + ")" : " (Tasklist, gruppe " + c.groupId() + ")"));
            }
        }
    }

    /** The consultees that get a branch of their own (role ANSWER, not forwarded sub-consultees). */
    @Transactional
    List<String> answeringConsultees(ConsultationProcess process) {
        return consultation(process).consultees().stream()
                .filter(c -> c.role() == ConsulteeRole.ANSWER && c.parentId() == null)
                .map(Consultee::id).toList();
    }

    /** What one branch needs: who answers how, when to remind, when the svarfrist ends. */
    record ReplySchedule(String consulteeName, String kind, String group, String title, String proposal,
            String replyDeadline, String reminderAt, String replyDeadlineAt) {
    }

    @Transactional
    ReplySchedule scheduleReply(ConsultationProcess process, String consulteeId) {
        Consultee consultee = bindBranch(process, consulteeId);
        Consultation consultation = consultee.consultation();
        String m = consultation.municipality();
        Instant now = now();
        Instant deadlineAt = schedule.deadlineEnds(m, consultee.replyDeadline());
        Instant reminderAt = schedule.reminderAt(m, consultee.replyDeadline(), now);
        consultee.schedule(reminderAt, deadlineAt, process.processInstanceId());
        String proposal = consultation.proposal();
        if (proposal.length() > PROPOSAL_VARIABLE_LIMIT) {
            proposal = proposal.substring(0, PROPOSAL_VARIABLE_LIMIT) + " … (hele forslaget står i høringsnotatet)";
        }
        return new ReplySchedule(consultee.name(), consultee.isExternal() ? KIND_EXTERNAL : KIND_INTERNAL,
                consultee.groupId(), consultation.title(), proposal, DANISH_DATE.format(consultee.replyDeadline()),
                schedule.iso(m, reminderAt), schedule.iso(m, deadlineAt));
    }

    /**
     * The answer given in Tasklist. Form values are process variables, which Camunda stores in
     * columns of 4000 characters; longer answers are refused with a clear message instead of a
     * database error.
     */
    @Transactional
    void answerInTasklist(ConsultationProcess process, String text, String actor) {
        Consultee consultee = consultee(process);
        if (text == null || text.isBlank()) {
            throw new ConsultationRuleViolation("Skriv høringssvaret.");
        }
        TextInput.requireStorableInTasklist("Høringssvaret", text);
        if (text.length() > TASKLIST_TEXT_LIMIT) {
            throw new ConsultationRuleViolation("Høringssvaret må højst have " + TASKLIST_TEXT_LIMIT
                    + " tegn i Tasklist (" + text.length() + "). Forkort det.");
        }
        service.acceptAnswer(consultee.consultation(), consultee, text, actor);
    }

    /**
     * Forwards to a sub-consultee with an earlier internal svarfrist; answers its id. An external
     * sub-consultee's answer link is issued by the secretariat ({@code issueAnswerLink}), so no
     * token ever sits in a process variable.
     */
    @Transactional
    String forward(ConsultationProcess process, String name, String group, String email, LocalDate deadline,
            String actor) {
        Consultee consultee = consultee(process);
        Consultation consultation = consultee.consultation();
        if (name == null || name.isBlank()) {
            throw new ConsultationRuleViolation("Angiv underhøringspartens navn.");
        }
        TextInput.requireStorableInTasklist("Underhøringspartens navn", name);
        String g = blankToNull(group);
        String e = blankToNull(email);
        if ((g == null) == (e == null)) {
            throw new ConsultationRuleViolation("Angiv enten en intern gruppe eller en e-mail til underhøringsparten.");
        }
        if (g != null && !service.groupExists(g)) {
            throw new ConsultationRuleViolation("Gruppen '" + g + "' findes ikke.");
        }
        if (e != null && !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new ConsultationRuleViolation("E-mailadressen '" + e + "' er ikke gyldig.");
        }
        if (deadline == null) {
            throw new ConsultationRuleViolation("Angiv en intern svarfrist.");
        }
        if (!deadline.isBefore(consultee.replyDeadline())) {
            throw new ConsultationRuleViolation("Den interne svarfrist skal ligge før høringens svarfrist ("
                    + DANISH_DATE.format(consultee.replyDeadline()) + ").");
        }
        if (deadline.isBefore(schedule.today(consultation.municipality(), now()))) {
            throw new ConsultationRuleViolation("Den interne svarfrist må ikke ligge i fortiden.");
        }
        consultee.forwarded();
        Consultee sub = consultation.addConsultee(name.strip(), ConsulteeRole.ANSWER, g, e, null, consultee, deadline);
        consultees.flush();
        service.record(consultation, sub, actor, "FORWARDED", consultee.name() + " videresendte til " + sub.name()
                + " med intern svarfrist " + deadline);
        return sub.id();
    }

    /** The sub-consultee's answer (or its absence), as text for the consultee's task. */
    @Transactional
    String subAnswers(ConsultationProcess process) {
        Consultee consultee = consultee(process);
        StringBuilder text = new StringBuilder();
        for (Consultee sub : consultee.consultation().subConsulteesOf(consultee)) {
            text.append(text.isEmpty() ? "" : "\n\n").append(sub.name()).append(": ");
            text.append(sub.isAnswered() ? sub.answerText() + (sub.late() ? " (for sent)" : "") : "(intet svar)");
        }
        return text.length() > PROPOSAL_VARIABLE_LIMIT
                ? text.substring(0, PROPOSAL_VARIABLE_LIMIT) + " … (hele svaret står i høringsnotatet)" : text.toString();
    }

    @Transactional
    void remind(ConsultationProcess process) {
        Consultee consultee = consultee(process);
        consultee.reminded(now());
        service.record(consultee.consultation(), consultee, SYSTEM, "REMINDED", "Påmindelse til " + consultee.name()
                + " om svarfristen " + consultee.replyDeadline()
                + (consultee.isExternal() ? " (" + consultee.email() + ")" : " (gruppe " + consultee.groupId() + ")"));
    }

    @Transactional
    void recordNoAnswer(ConsultationProcess process) {
        Consultee consultee = consultee(process);
        Consultation consultation = consultee.consultation();
        if (consultee.markNoAnswer()) {
            service.notAnswered(consultation, consultee);
            service.record(consultation, consultee, SYSTEM, "NO_ANSWER", consultee.name() + " svarede ikke inden svarfristen");
        }
        for (Consultee sub : consultation.subConsulteesOf(consultee)) {
            if (sub.markNoAnswer()) {
                service.notAnswered(consultation, sub);
                service.record(consultation, sub, SYSTEM, "NO_ANSWER", sub.name() + " svarede ikke inden svarfristen");
            }
        }
    }

    @Transactional
    void closeReplies(ConsultationProcess process) {
        Consultation consultation = consultation(process);
        consultation.closeReplies(now());
        service.record(consultation, null, SYSTEM, "REPLIES_CLOSED", "Alle grene afsluttet; høringsnotatet udarbejdes");
    }

    /** A plain-text overview of the answers for the secretariat's task. */
    @Transactional
    String answersOverview(ConsultationProcess process) {
        Consultation consultation = consultation(process);
        StringBuilder text = new StringBuilder();
        for (Consultee c : consultation.consultees()) {
            if (c.role() != ConsulteeRole.ANSWER) {
                continue;
            }
            text.append(text.isEmpty() ? "" : "\n").append(c.parentId() == null ? "• " : "   ↳ ").append(c.name())
                    .append(": ").append(ConsultationService.statusText(c));
        }
        String overview = text.toString();
        return overview.length() > PROPOSAL_VARIABLE_LIMIT ? overview.substring(0, PROPOSAL_VARIABLE_LIMIT) + " …" : overview;
    }

    @Transactional
    void compileNotat(ConsultationProcess process, String summary, String actor) {
        Consultation consultation = consultation(process);
        if (summary != null && summary.length() > TASKLIST_TEXT_LIMIT) {
            throw new ConsultationRuleViolation("Bemærkningerne må højst have " + TASKLIST_TEXT_LIMIT + " tegn.");
        }
        TextInput.requireStorableInTasklist("Bemærkningerne", summary);
        consultation.compileNotat(summary, actor, now());
        service.record(consultation, null, actor, "NOTAT_COMPILED",
                "Høringsnotatet er udarbejdet; sene svar modtages ikke længere");
    }

    /** Records the decision; a postponement answers when the proposal comes back (ISO date-time). */
    @Transactional
    String decide(ConsultationProcess process, String decision, String note, LocalDate meetingDate, String actor) {
        Consultation consultation = consultation(process);
        Decision chosen;
        try {
            chosen = Decision.valueOf(String.valueOf(decision));
        } catch (IllegalArgumentException e) {
            throw new ConsultationRuleViolation("Vælg en beslutning: godkend, forkast eller udsæt.");
        }
        TextInput.requireStorableInTasklist("Begrundelsen", note);
        String m = consultation.municipality();
        String nextMeetingAt = null;
        if (chosen == Decision.POSTPONE) {
            if (meetingDate == null) {
                throw new ConsultationRuleViolation("Angiv datoen for det nye møde.");
            }
            if (!meetingDate.isAfter(schedule.today(m, now()))) {
                throw new ConsultationRuleViolation("Det nye møde skal ligge efter i dag.");
            }
            nextMeetingAt = schedule.iso(m, schedule.meetingStarts(m, meetingDate));
        }
        consultation.decide(chosen, note, meetingDate, actor, now());
        service.record(consultation, null, actor, "DECIDED_" + chosen, switch (chosen) {
            case APPROVE -> "Forslaget er godkendt";
            case REJECT -> "Forslaget er forkastet";
            case POSTPONE -> "Sagen er udsat til mødet " + meetingDate;
        } + (note == null || note.isBlank() ? "" : ": " + note));
        return nextMeetingAt;
    }

    @Transactional
    void resumeDecision(ConsultationProcess process) {
        Consultation consultation = consultation(process);
        consultation.resumeAfterPostponement();
        service.record(consultation, null, SYSTEM, "RESUMED",
                "Forslaget er igen til behandling (møde " + consultation.nextMeetingDate() + ")");
    }

    @Transactional
    void processEnded(ConsultationProcess process) {
        Consultation consultation = consultation(process);
        consultation.processEnded();
        if (consultation.status() == ConsultationStatus.CANCELLED) {
            service.record(consultation, null, SYSTEM, "CANCELLED", "Processen er afbrudt");
        }
    }
}
