package dk.borgerflow.consultation;

import static dk.borgerflow.consultation.ConsultationConstants.*;
import static dk.borgerflow.consultation.ConsultationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.deadline.WorkingTime;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path of processes/consultation.bpmn and consultation-reply.bpmn, on the real engine. */
@BorgerflowTest
class ConsultationProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    ConsultationService consultations;
    @Autowired
    NotatRenderer notat;
    @Autowired
    ConsultationSteps steps;
    @Autowired
    WorkingTime workingTime;

    @BeforeEach
    void bindAssertionsToTheEngine() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetTheClockAndEndRunningConsultations() {
        ClockUtil.reset();
        cancelRunningConsultations(engine.getRuntimeService());
    }

    @Test
    void allConsulteesAnswerInTimeAndTheCommitteeApproves() {
        ConsultationService.Prepared prepared = prepare(theChannelStrategy2027Consultation());
        ProcessInstance main = processOf(prepared);
        BpmnAwareTests.assertThat(main).isWaitingAt(CALL_REPLY);
        assertThat(reload(prepared).status()).isEqualTo(ConsultationStatus.OPEN);
        assertThat(runtimeService().createProcessInstanceQuery().superProcessInstanceId(main.getId()).count())
                .isEqualTo(4);
        ProcessInstance social = branchOf(prepared, SOCIAL_COMMITTEE);
        BpmnAwareTests.assertThat(social).isWaitingAt(TASK_ANSWER);
        BpmnAwareTests.assertThat(task(social)).hasCandidateGroup("committee-social");
        assertThat(task(social).getTenantId()).isEqualTo(SLAGELSE);
        BpmnAwareTests.assertThat(branchOf(prepared, USER_COUNCIL)).isWaitingAt(EVENT_EXTERNAL_ANSWER);

        answerInTasklist(social, "committee-social-slagelse", "Socialudvalget støtter forslaget.");
        answerInTasklist(branchOf(prepared, HEALTH_COMMITTEE), "committee-health-slagelse", "Ingen bemærkninger.");
        answerInTasklist(branchOf(prepared, CULTURE_COMMITTEE), "committee-culture-slagelse", "Biblioteker bør med.");
        consultations.answerByLink(tokenOf(prepared, USER_COUNCIL), "Brugerrådet ønsker personlig hjælp bevaret.",
                "Formand Hanne Holm", null, null);

        BpmnAwareTests.assertThat(main).isWaitingAt(TASK_COMPILE_NOTAT);
        BpmnAwareTests.assertThat(task(main)).hasCandidateGroup("secretariat");
        Consultation collected = reload(prepared);
        assertThat(collected.status()).isEqualTo(ConsultationStatus.COMPILING);
        assertThat(answering(collected)).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(ConsulteeStatus.ANSWERED);
            assertThat(c.late()).isFalse();
        });
        assertThat(consultee(collected, SOCIAL_COMMITTEE).answeredBy()).isEqualTo("committee-social-slagelse");
        assertThat(consultee(collected, USER_COUNCIL).answeredBy()).isEqualTo("Formand Hanne Holm (svarlink)");

        compileNotat(main, "Svarene er gennemgået; administrationen anbefaler forslaget.");
        BpmnAwareTests.assertThat(main).isWaitingAt(TASK_DECIDE);
        BpmnAwareTests.assertThat(task(main)).hasCandidateGroup("committee-finance");
        assertThat(reload(prepared).status()).isEqualTo(ConsultationStatus.DECIDING);

        decide(main, "APPROVE", null);

        BpmnAwareTests.assertThat(main).isEnded().hasPassed("EndEvent_ProposalApproved");
        Consultation approved = reload(prepared);
        assertThat(approved.status()).isEqualTo(ConsultationStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("committee-finance-slagelse");
        assertThat(consultations.auditLog(approved.id(), theSecretariatOfSlagelse()))
                .filteredOn(a -> a.action().equals("SENT")).hasSize(4)
                .allSatisfy(a -> assertThat(a.actor()).isEqualTo("secretariat-slagelse"));
        assertThat(consultations.auditLog(approved.id(), theSecretariatOfSlagelse()))
                .extracting(ConsultationAuditEntry::action)
                .contains("PREPARED", "SENT", "INFORMED", "ANSWERED", "REPLIES_CLOSED", "NOTAT_COMPILED",
                        "DECIDED_APPROVE")
                .doesNotContain("ANSWERED_LATE", "NO_ANSWER");
    }

    @Test
    void anInformOnlyConsulteeIsInformedAndGetsNoTask() {
        ConsultationService.Prepared prepared = prepare(theChannelStrategy2027Consultation());
        Consultation consultation = reload(prepared);

        Consultee hsu = consultee(consultation, HSU);
        assertThat(hsu.status()).isEqualTo(ConsulteeStatus.INFORMED);
        assertThat(hsu.branchProcessId()).isNull();
        assertThat(prepared.tokensByConsulteeId()).doesNotContainKey(hsu.id());
        List<ProcessInstance> branches = runtimeService().createProcessInstanceQuery()
                .superProcessInstanceId(processOf(prepared).getId()).list();
        assertThat(branches).hasSize(4).noneMatch(b -> hsu.id().equals(runtimeService().getVariable(b.getId(),
                VAR_CONSULTEE_ID)));
        assertThat(taskService().createTaskQuery().taskCandidateGroup("hsu").count()).isZero();
        assertThat(consultations.auditLog(consultation.id(), theSecretariatOfSlagelse()))
                .anySatisfy(a -> {
                    assertThat(a.action()).isEqualTo("INFORMED");
                    assertThat(a.consulteeId()).isEqualTo(hsu.id());
                });
    }

    @Test
    void theReminderGoesOutThreeWorkingDaysBeforeTheSvarfristAndTheTaskStays() {
        ConsultationService.Prepared prepared = prepare(aConsultationOfTheSocialCommittee());
        ProcessInstance social = branchOf(prepared, SOCIAL_COMMITTEE);
        LocalDate svarfrist = prepared.consultation().replyDeadline();
        LocalDate reminderDay = workingTime.workingDaysBefore(SLAGELSE, svarfrist, 3);

        Job reminder = job(TIMER_REMINDER, social);
        assertThat(LocalDate.ofInstant(reminder.getDuedate().toInstant(), ZoneId.of("Europe/Copenhagen")))
                .isEqualTo(reminderDay);
        assertThat(workingTime.isWorkingDay(SLAGELSE, reminderDay)).isTrue();
        assertThat(job(TIMER_DEADLINE, social).getDuedate().toInstant())
                .isEqualTo(svarfrist.plusDays(1).atStartOfDay(ZoneId.of("Europe/Copenhagen")).toInstant());

        ClockUtil.setCurrentTime(reminder.getDuedate());
        execute(reminder);

        BpmnAwareTests.assertThat(social).isWaitingAt(TASK_ANSWER);
        Consultee reminded = consultee(reload(prepared), SOCIAL_COMMITTEE);
        assertThat(reminded.remindedAt()).isNotNull();
        assertThat(reminded.status()).isEqualTo(ConsulteeStatus.AWAITING);
    }

    @Test
    void oneLateAnswerIsAcceptedAndMarkedLateUntilTheNotatIsCompiled() {
        ConsultationService.Prepared prepared = prepare(aConsultationOfTheSocialCommitteeAndTheUserCouncil());
        ProcessInstance main = processOf(prepared);
        answerInTasklist(branchOf(prepared, SOCIAL_COMMITTEE), "committee-social-slagelse", "Vi støtter forslaget.");
        ProcessInstance userCouncil = branchOf(prepared, USER_COUNCIL);

        passTheSvarfristOf(userCouncil);

        BpmnAwareTests.assertThat(userCouncil).isEnded().hasPassed("EndEvent_NoAnswer");
        BpmnAwareTests.assertThat(main).isWaitingAt(TASK_COMPILE_NOTAT);
        assertThat(consultee(reload(prepared), USER_COUNCIL).status()).isEqualTo(ConsulteeStatus.NO_ANSWER);

        consultations.answerByLink(tokenOf(prepared, USER_COUNCIL), "Undskyld forsinkelsen: vi er imod.", null,
                null, null);

        Consultee late = consultee(reload(prepared), USER_COUNCIL);
        assertThat(late.status()).isEqualTo(ConsulteeStatus.ANSWERED);
        assertThat(late.late()).isTrue();
        assertThat(consultee(reload(prepared), SOCIAL_COMMITTEE).late()).isFalse();
        assertThat(notatHtml(prepared)).contains("Undskyld forsinkelsen").contains("for sent");

        compileNotat(main, "Brugerrådets svar kom for sent, men er medtaget.");

        assertThatThrownBy(() -> consultations.answerByLink(tokenOf(prepared, USER_COUNCIL), "igen", null, null, null))
                .isInstanceOf(ConsultationClosed.class);
    }

    @Test
    void aConsulteeThatNeverAnswersIsClosedAsNoAnswer() {
        ConsultationService.Prepared prepared = prepare(aConsultationOfTheSocialCommittee());
        ProcessInstance main = processOf(prepared);
        ProcessInstance social = branchOf(prepared, SOCIAL_COMMITTEE);

        passTheSvarfristOf(social);

        BpmnAwareTests.assertThat(social).isEnded().hasPassed("Task_RecordNoAnswer", "EndEvent_NoAnswer");
        assertThat(taskService().createTaskQuery().processInstanceId(social.getId()).count()).isZero();
        BpmnAwareTests.assertThat(main).isWaitingAt(TASK_COMPILE_NOTAT);
        assertThat(consultee(reload(prepared), SOCIAL_COMMITTEE).status()).isEqualTo(ConsulteeStatus.NO_ANSWER);
        assertThat(notatHtml(prepared)).contains("Intet svar inden svarfristen");
        assertThat((String) taskService().getVariable(task(main).getId(), VAR_ANSWERS_OVERVIEW))
                .contains(SOCIAL_COMMITTEE + ": intet svar");

        compileNotat(main, "Socialudvalget har ikke svaret.");

        assertThatThrownBy(() -> consultations.answerLate(prepared.consultation().id(),
                consultee(reload(prepared), SOCIAL_COMMITTEE).id(), "for sent", aSocialCommitteeMemberOfSlagelse()))
                .isInstanceOf(ConsultationClosed.class);
    }

    @Test
    void anAnswerAfterTheBranchClosedIsLateEvenWhenTheTimerFiredBeforeTheClockPassedTheSvarfrist() {
        ConsultationService.Prepared prepared = prepare(aConsultationOfTheSocialCommitteeAndTheUserCouncil());
        execute(job(TIMER_DEADLINE, branchOf(prepared, USER_COUNCIL)));

        consultations.answerByLink(tokenOf(prepared, USER_COUNCIL), "Efter lukning.", null, null, null);

        assertThat(consultee(reload(prepared), USER_COUNCIL).late()).isTrue();
    }

    @Test
    void aLateInternalAnswerIsRecordedThroughTheApiAndMarkedLate() {
        ConsultationService.Prepared prepared = prepare(aConsultationOfTheSocialCommittee());
        String socialId = consultee(reload(prepared), SOCIAL_COMMITTEE).id();
        String consultationId = prepared.consultation().id();
        assertThatThrownBy(() -> consultations.answerLate(consultationId, socialId, "før tid",
                aSocialCommitteeMemberOfSlagelse())).hasMessageContaining("Tasklist");

        passTheSvarfristOf(branchOf(prepared, SOCIAL_COMMITTEE));
        consultations.answerLate(consultationId, socialId, "Udvalget nåede det ikke før mødet.",
                aSocialCommitteeMemberOfSlagelse());

        Consultee late = consultee(reload(prepared), SOCIAL_COMMITTEE);
        assertThat(late.late()).isTrue();
        assertThat(late.answeredBy()).isEqualTo("committee-social-slagelse");
    }

    @Test
    void theCommitteeForwardsToTheUserCouncilAndAttachesItsAnswer() {
        ConsultationService.Prepared prepared = prepare(aConsultationOfTheSocialCommittee());
        ProcessInstance main = processOf(prepared);
        ProcessInstance social = branchOf(prepared, SOCIAL_COMMITTEE);
        LocalDate internalDeadline = prepared.consultation().replyDeadline().minusDays(7);

        Task task = task(social);
        claim(task, "committee-social-slagelse");
        complete(task, withVariables(VAR_REPLY_ACTION, "FORWARD", VAR_SUB_NAME, USER_COUNCIL,
                VAR_SUB_EMAIL, "brugerraadet@example.dk", VAR_SUB_DEADLINE, internalDeadline.toString()));

        BpmnAwareTests.assertThat(social).isWaitingAt(CALL_SUB_CONSULTATION);
        Consultation forwarded = reload(prepared);
        Consultee council = consultee(forwarded, USER_COUNCIL);
        assertThat(council.parentId()).isEqualTo(consultee(forwarded, SOCIAL_COMMITTEE).id());
        assertThat(council.replyDeadline()).isEqualTo(internalDeadline);
        assertThat(consultee(forwarded, SOCIAL_COMMITTEE).status()).isEqualTo(ConsulteeStatus.FORWARDED);
        ProcessInstance councilBranch = runtimeService().createProcessInstanceQuery()
                .processInstanceId(council.branchProcessId()).singleResult();
        BpmnAwareTests.assertThat(councilBranch).isWaitingAt(EVENT_EXTERNAL_ANSWER);
        assertThat(job(TIMER_DEADLINE, councilBranch).getDuedate().toInstant())
                .isEqualTo(internalDeadline.plusDays(1).atStartOfDay(ZoneId.of("Europe/Copenhagen")).toInstant());

        String token = consultations.issueAnswerLink(forwarded.id(), council.id(), theSecretariatOfSlagelse());
        consultations.answerByLink(token, "Brugerrådet: husk de digitalt fritagne.", null, null, null);

        BpmnAwareTests.assertThat(councilBranch).isEnded();
        BpmnAwareTests.assertThat(social).isWaitingAt(TASK_ANSWER);
        assertThat((String) runtimeService().getVariable(social.getId(), VAR_SUB_ANSWERS))
                .contains(USER_COUNCIL + ": Brugerrådet: husk de digitalt fritagne.");

        answerInTasklist(social, "committee-social-slagelse", "Udvalget tilslutter sig brugerrådets svar.");

        BpmnAwareTests.assertThat(main).isWaitingAt(TASK_COMPILE_NOTAT);
        Consultation answered = reload(prepared);
        assertThat(consultee(answered, SOCIAL_COMMITTEE).status()).isEqualTo(ConsulteeStatus.ANSWERED);
        assertThat(consultee(answered, USER_COUNCIL).status()).isEqualTo(ConsulteeStatus.ANSWERED);
        assertThat(notatHtml(prepared)).contains("Underhøring: " + USER_COUNCIL)
                .contains("husk de digitalt fritagne");
    }

    @Test
    void aForwardWithAnInternalDeadlineAfterTheSvarfristIsRefused() {
        ConsultationService.Prepared prepared = prepare(aConsultationOfTheSocialCommittee());
        ProcessInstance social = branchOf(prepared, SOCIAL_COMMITTEE);
        Task task = task(social);
        claim(task, "committee-social-slagelse");

        assertThatThrownBy(() -> complete(task, withVariables(VAR_REPLY_ACTION, "FORWARD", VAR_SUB_NAME, USER_COUNCIL,
                VAR_SUB_EMAIL, "brugerraadet@example.dk", VAR_SUB_DEADLINE,
                prepared.consultation().replyDeadline().plusDays(1).toString())))
                .hasMessageContaining("før høringens svarfrist");

        BpmnAwareTests.assertThat(social).isWaitingAt(TASK_ANSWER);
        assertThat(reload(prepared).consultees()).hasSize(1);
    }

    @Test
    void anAnswerTooLongForTasklistIsRefusedWithAClearMessageAndTheTaskStays() {
        ConsultationService.Prepared prepared = prepare(aConsultationOfTheSocialCommittee());
        ProcessInstance social = branchOf(prepared, SOCIAL_COMMITTEE);

        assertThatThrownBy(() -> answerInTasklist(social, "committee-social-slagelse", "x".repeat(4001)))
                .hasMessageContaining("højst have 4000 tegn");

        BpmnAwareTests.assertThat(social).isWaitingAt(TASK_ANSWER);
        assertThat(consultee(reload(prepared), SOCIAL_COMMITTEE).status()).isEqualTo(ConsulteeStatus.AWAITING);
    }

    @Test
    void theCommitteePostponesToANewMeetingThenApproves() {
        ConsultationService.Prepared prepared = prepare(aConsultationOfTheSocialCommittee());
        ProcessInstance main = processOf(prepared);
        answerInTasklist(branchOf(prepared, SOCIAL_COMMITTEE), "committee-social-slagelse", "Støtter.");
        compileNotat(main, "Anbefales.");
        LocalDate meeting = today().plusDays(30);

        assertThatThrownBy(() -> decide(main, "POSTPONE", null)).hasMessageContaining("nye møde");
        decide(main, "POSTPONE", meeting.toString());

        BpmnAwareTests.assertThat(main).isWaitingAt(TIMER_POSTPONED);
        Consultation postponed = reload(prepared);
        assertThat(postponed.status()).isEqualTo(ConsultationStatus.POSTPONED);
        assertThat(postponed.nextMeetingDate()).isEqualTo(meeting);
        Job waiting = job(TIMER_POSTPONED, main);
        assertThat(LocalDate.ofInstant(waiting.getDuedate().toInstant(), ZoneId.of("Europe/Copenhagen")))
                .isEqualTo(meeting);

        ClockUtil.setCurrentTime(waiting.getDuedate());
        execute(waiting);

        BpmnAwareTests.assertThat(main).isWaitingAt(TASK_DECIDE);
        assertThat(reload(prepared).status()).isEqualTo(ConsultationStatus.DECIDING);
        decide(main, "APPROVE", null);
        BpmnAwareTests.assertThat(main).isEnded().hasPassed("Task_ResumeDecision", "EndEvent_ProposalApproved");
        assertThat(reload(prepared).status()).isEqualTo(ConsultationStatus.APPROVED);
        assertThat(consultations.auditLog(prepared.consultation().id(), theSecretariatOfSlagelse()))
                .extracting(ConsultationAuditEntry::action)
                .containsSubsequence("DECIDED_POSTPONE", "RESUMED", "DECIDED_APPROVE");
    }

    @Test
    void theCommitteeRejects() {
        ConsultationService.Prepared prepared = prepare(aConsultationOfTheSocialCommittee());
        ProcessInstance main = processOf(prepared);
        answerInTasklist(branchOf(prepared, SOCIAL_COMMITTEE), "committee-social-slagelse", "Imod.");
        compileNotat(main, "Frarådes.");
        decide(main, "REJECT", null);
        BpmnAwareTests.assertThat(main).isEnded().hasPassed("EndEvent_ProposalRejected");
        assertThat(reload(prepared).status()).isEqualTo(ConsultationStatus.REJECTED);
    }

    @Test
    void anAnswerCannotBeChangedOnceGiven() {
        ConsultationService.Prepared prepared = prepare(aConsultationOfTheSocialCommitteeAndTheUserCouncil());
        String token = tokenOf(prepared, USER_COUNCIL);
        consultations.answerByLink(token, "Første svar.", null, null, null);

        assertThatThrownBy(() -> consultations.answerByLink(token, "Andet svar.", null, null, null))
                .isInstanceOf(ConsultationClosed.class);
        assertThat(consultee(reload(prepared), USER_COUNCIL).answerText()).isEqualTo("Første svar.");
    }

    @Test
    void aForgedConsulteeIdOnABranchChangesOnlyThatBranchsOwnConsultee() {
        ConsultationService.Prepared prepared = prepare(theChannelStrategy2027Consultation());
        ProcessInstance social = branchOf(prepared, SOCIAL_COMMITTEE);
        Consultee health = consultee(reload(prepared), HEALTH_COMMITTEE);
        // even a trusted caller (Java API, past the engine guard) cannot redirect the answer
        runtimeService().setVariable(social.getId(), VAR_CONSULTEE_ID, health.id());

        answerInTasklist(social, "committee-social-slagelse", "Socialudvalget støtter forslaget.");

        Consultation after = reload(prepared);
        assertThat(consultee(after, SOCIAL_COMMITTEE).status()).isEqualTo(ConsulteeStatus.ANSWERED);
        assertThat(consultee(after, SOCIAL_COMMITTEE).answerText()).isEqualTo("Socialudvalget støtter forslaget.");
        assertThat(consultee(after, HEALTH_COMMITTEE).status()).isEqualTo(ConsulteeStatus.AWAITING);
        assertThat(consultee(after, HEALTH_COMMITTEE).answerText()).isNull();
    }

    @Test
    void aForgedConsultationIdChangesOnlyTheConsultationOfTheProcess() {
        ConsultationService.Prepared other = prepare(aConsultationOfTheSocialCommittee());
        ConsultationService.Prepared prepared = prepare(aConsultationOfTheSocialCommitteeAndTheUserCouncil());
        ProcessInstance main = processOf(prepared);
        answerInTasklist(branchOf(prepared, SOCIAL_COMMITTEE), "committee-social-slagelse", "Enig.");
        consultations.answerByLink(tokenOf(prepared, USER_COUNCIL), "Enig.", null, null, null);
        runtimeService().setVariable(main.getId(), VAR_CONSULTATION_ID, other.consultation().id());

        compileNotat(main, "Gennemgået.");
        decide(main, "APPROVE", null);

        assertThat(reload(prepared).status()).isEqualTo(ConsultationStatus.APPROVED);
        assertThat(reload(other).status()).isEqualTo(ConsultationStatus.OPEN);
        assertThat(reload(other).decidedBy()).isNull();
    }

    @Test
    void aReplyBranchIsBoundOnlyToAnAnsweringConsulteeOfItsOwnConsultationThatHasNoBranchYet() {
        ConsultationService.Prepared other = prepare(aConsultationOfTheSocialCommittee());
        ConsultationService.Prepared prepared = prepare(theChannelStrategy2027Consultation());
        String main = prepared.consultation().processInstanceId();
        Consultation consultation = reload(prepared);
        var aNewBranch = new ConsultationProcess("branch-under-test", SLAGELSE, main, main, consultation.id());

        assertThatThrownBy(() -> steps.scheduleReply(aNewBranch, consultee(reload(other), SOCIAL_COMMITTEE).id()))
                .as("another consultation's consultee").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> steps.scheduleReply(aNewBranch, consultee(consultation, HEALTH_COMMITTEE).id()))
                .as("a consultee that has its branch").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> steps.scheduleReply(aNewBranch, consultee(consultation, HSU).id()))
                .as("an inform-only consultee").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> steps.scheduleReply(new ConsultationProcess("branch-under-test", "roskilde", main,
                main, consultation.id()), consultee(consultation, HEALTH_COMMITTEE).id()))
                .as("another tenant").isInstanceOf(IllegalStateException.class);
        assertThat(consultee(reload(prepared), HEALTH_COMMITTEE).branchProcessId())
                .isEqualTo(consultee(consultation, HEALTH_COMMITTEE).branchProcessId());
    }

    // ---- steps ----

    private ConsultationService.Prepared prepare(ConsultationRequest request) {
        return consultations.prepare(request, theSecretariatOfSlagelse());
    }

    private Consultation reload(ConsultationService.Prepared prepared) {
        return consultations.get(prepared.consultation().id(), theSecretariatOfSlagelse());
    }

    private ProcessInstance processOf(ConsultationService.Prepared prepared) {
        return runtimeService().createProcessInstanceQuery()
                .processInstanceId(prepared.consultation().processInstanceId()).singleResult();
    }

    private ProcessInstance branchOf(ConsultationService.Prepared prepared, String consulteeName) {
        String branch = consultee(reload(prepared), consulteeName).branchProcessId();
        return runtimeService().createProcessInstanceQuery().processInstanceId(branch).singleResult();
    }

    private static Consultee consultee(Consultation consultation, String name) {
        return consultation.consultees().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<Consultee> answering(Consultation consultation) {
        return consultation.consultees().stream().filter(c -> c.role() == ConsulteeRole.ANSWER).toList();
    }

    private String tokenOf(ConsultationService.Prepared prepared, String consulteeName) {
        return prepared.tokensByConsulteeId().get(consultee(prepared.consultation(), consulteeName).id());
    }

    private String notatHtml(ConsultationService.Prepared prepared) {
        return notat.html(consultations.notat(prepared.consultation().id(), theSecretariatOfSlagelse()));
    }

    private static void answerInTasklist(ProcessInstance branch, String user, String answer) {
        Task task = task(branch);
        claim(task, user);
        complete(task, withVariables(VAR_REPLY_ACTION, "ANSWER", VAR_ANSWER, answer));
    }

    private static void passTheSvarfristOf(ProcessInstance branch) {
        Job deadline = job(TIMER_DEADLINE, branch);
        ClockUtil.setCurrentTime(Date.from(deadline.getDuedate().toInstant().plus(Duration.ofMinutes(1))));
        execute(deadline);
    }

    private static void compileNotat(ProcessInstance main, String summary) {
        Task task = task(main);
        claim(task, "secretariat-slagelse");
        complete(task, withVariables(VAR_NOTAT_SUMMARY, summary));
    }

    private static void decide(ProcessInstance main, String decision, String meetingDate) {
        Task task = task(main);
        if (task.getAssignee() == null) {
            claim(task, "committee-finance-slagelse");
        }
        var variables = withVariables(VAR_DECISION, decision);
        if (meetingDate != null) {
            variables.put(VAR_NEXT_MEETING_DATE, meetingDate);
        }
        complete(task, variables);
    }
}
