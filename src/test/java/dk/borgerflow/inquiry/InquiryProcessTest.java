package dk.borgerflow.inquiry;

import static dk.borgerflow.inquiry.InquiryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.municipality.Tier;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path up the ladder of processes/inquiry.bpmn, through the real intake and engine. */
@BorgerflowTest
class InquiryProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    InquiryService inquiries;

    @BeforeEach
    void bindAssertionsToTheEngine() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void resolvedAtFirstContact() {
        Inquiry inquiry = receive(aPhoneCallAboutHousingBenefit());
        ProcessInstance process = processOf(inquiry);
        BpmnAwareTests.assertThat(process).isWaitingAt(ProcessConstants.TASK_ANSWER_IN_CONTACT_CENTER);
        BpmnAwareTests.assertThat(task(process)).hasCandidateGroup("cc-general");

        work(process, "agent-slagelse", "RESOLVED", "Forklaret reglerne for boligstøtte");

        BpmnAwareTests.assertThat(process).isEnded().hasPassed("EndEvent_ResolvedAtContactCenter");
        Inquiry done = reload(inquiry);
        assertThat(done.status()).isEqualTo(InquiryStatus.CLOSED);
        assertThat(done.outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(done.resolvedAtFirstContact()).contains(true);
        assertThat(done.history()).last().satisfies(h -> {
            assertThat(h.actor()).isEqualTo("agent-slagelse");
            assertThat(h.reason()).isEqualTo("Forklaret reglerne for boligstøtte");
        });
    }

    @Test
    void aForgedInquiryIdVariableChangesOnlyTheInquiryOfTheProcess() {
        Inquiry slagelse = receive(aPhoneCallAboutHousingBenefit());
        Inquiry other = receive(aPhoneCallAboutHousingBenefit());
        ProcessInstance process = processOf(other);
        int historyBefore = reload(slagelse).history().size();
        // even a trusted caller (Java API, past the engine guard) cannot point the process elsewhere
        runtimeService().setVariable(process.getId(), "inquiryId", slagelse.id());

        work(process, "agent-slagelse", "RESOLVED", "Forklaret reglerne");

        assertThat(reload(other).status()).isEqualTo(InquiryStatus.CLOSED);
        assertThat(reload(other).outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(reload(slagelse).status()).isEqualTo(InquiryStatus.OPEN);
        assertThat(reload(slagelse).history()).hasSize(historyBefore);
    }

    @Test
    void webInquiryIsGuidedToSelfServiceAndResolvedWhenTheCitizenStaysAway() {
        Inquiry inquiry = receive(aWebInquiryAboutMoving());
        ProcessInstance process = processOf(inquiry);
        BpmnAwareTests.assertThat(process).isWaitingAt("Gateway_AwaitCitizen");
        assertThat(reload(inquiry).status()).isEqualTo(InquiryStatus.RESOLVED);
        assertThat(reload(inquiry).selfServiceUrl()).contains("borger.dk");

        execute(job("Timer_SelfServiceQuietPeriod", process));

        BpmnAwareTests.assertThat(process).isEnded().hasPassed("EndEvent_ResolvedBySelfService");
        assertThat(reload(inquiry).outcome()).isEqualTo(Outcome.RESOLVED_BY_SELF_SERVICE);
        assertThat(reload(inquiry).status()).isEqualTo(InquiryStatus.CLOSED);
    }

    @Test
    void citizenWhoCannotManageSelfServiceClimbsToTheContactCenter() {
        Inquiry inquiry = receive(aWebInquiryAboutMoving());
        ProcessInstance process = processOf(inquiry);

        inquiries.requestHelp(inquiry.id(), "Kan ikke logge på med MitID", anAgentOfSlagelse());

        BpmnAwareTests.assertThat(process).isWaitingAt(ProcessConstants.TASK_ANSWER_IN_CONTACT_CENTER);
        Inquiry reopened = reload(inquiry);
        assertThat(reopened.status()).isEqualTo(InquiryStatus.OPEN);
        assertThat(reopened.tier()).isEqualTo(Tier.CONTACT_CENTER);
        assertThat(reopened.history()).last().extracting(HistoryEntry::reason).isEqualTo("Kan ikke logge på med MitID");
    }

    @Test
    void agentGuidesAnAbleCitizenToSelfService() {
        Inquiry inquiry = receive(aPhoneCallAboutHousingBenefit());
        ProcessInstance process = processOf(inquiry);

        work(process, "agent-slagelse", "SELF_SERVICE", "Vist ansøgningen på borger.dk");

        BpmnAwareTests.assertThat(process).isWaitingAt("Gateway_AwaitCitizen");
        assertThat(reload(inquiry).tier()).isEqualTo(Tier.SELF_SERVICE);
        assertThat(reload(inquiry).resolvedAtFirstContact()).contains(true);
    }

    @Test
    void aCitizenOf80CannotBeGuidedToSelfService() {
        Inquiry inquiry = receive(new InquiryRequest("slagelse", Channel.PHONE, "housing-benefit", "Boligstøtte",
                null, aCitizenOf80()));
        ProcessInstance process = processOf(inquiry);
        Task task = task(process);
        claim(task, "agent-slagelse");

        assertThatThrownBy(() -> complete(task, withVariables("outcome", "SELF_SERVICE", "note", "prøv selv")))
                .hasMessageContaining("personlig betjening");

        BpmnAwareTests.assertThat(process).isWaitingAt(ProcessConstants.TASK_ANSWER_IN_CONTACT_CENTER);
        assertThat(reload(inquiry).tier()).isEqualTo(Tier.CONTACT_CENTER);
        assertThat(reload(inquiry).handledTasks()).isZero();
    }

    @Test
    void digitallyExemptCitizenWritingOnTheWebGetsThePersonalContactCenter() {
        Inquiry inquiry = receive(aWebInquiryAboutMovingFrom(aDigitallyExemptCitizen()));
        BpmnAwareTests.assertThat(processOf(inquiry)).isWaitingAt(ProcessConstants.TASK_ANSWER_IN_CONTACT_CENTER);
        assertThat(inquiry.tier()).isEqualTo(Tier.CONTACT_CENTER);
    }

    @Test
    void handedToTheDeskWhereTheCitizenGetsAWrittenAnswer() {
        Inquiry inquiry = receive(aPhoneCallAboutHousingBenefit());
        ProcessInstance process = processOf(inquiry);

        work(process, "agent-slagelse", "DESK", "Skal have hjælp til ansøgningen ved skranken");
        BpmnAwareTests.assertThat(process).isWaitingAt(ProcessConstants.TASK_HANDLE_AT_DESK);
        BpmnAwareTests.assertThat(task(process)).hasCandidateGroup("desk");
        assertThat(reload(inquiry).tier()).isEqualTo(Tier.DESK);

        work(process, "desk-slagelse", "RESOLVED", "Ansøgning udfyldt", "feedback", "Din ansøgning er modtaget");

        BpmnAwareTests.assertThat(process).isEnded().hasPassed("Task_SendFeedbackToCitizen", "EndEvent_FeedbackSent");
        Inquiry done = reload(inquiry);
        assertThat(done.outcome()).isEqualTo(Outcome.FEEDBACK_SENT);
        assertThat(done.resolvedAtFirstContact()).contains(false);
        assertThat(done.history()).extracting(HistoryEntry::toTier)
                .containsExactly(Tier.CONTACT_CENTER, Tier.DESK, Tier.DESK, Tier.DESK);
        assertThat(done.history()).last().extracting(HistoryEntry::reason).isEqualTo("Svar sendt via Digital Post");
    }

    @Test
    void digitallyExemptCitizenGetsTheAnswerByLetter() {
        Inquiry inquiry = receive(new InquiryRequest("slagelse", Channel.PHONE, "pension", "Folkepension",
                null, aDigitallyExemptCitizen()));
        ProcessInstance process = processOf(inquiry);
        work(process, "agent-slagelse", "DESK", "Skal møde op");
        work(process, "desk-slagelse", "RESOLVED", "Hjulpet", "feedback", "Svar");
        assertThat(reload(inquiry).history()).last().extracting(HistoryEntry::reason).isEqualTo("Svar sendt via brev");
    }

    @Test
    void handedToTheSpecialistOfTheTopicsDepartment() {
        Inquiry inquiry = receive(aPhoneCallAboutElderlyCare());
        ProcessInstance process = processOf(inquiry);
        BpmnAwareTests.assertThat(task(process)).hasCandidateGroup("cc-elderly-care");

        work(process, "agent-slagelse", "SPECIALIST", "Visitation nødvendig");
        BpmnAwareTests.assertThat(process).isWaitingAt(ProcessConstants.TASK_HANDLE_BY_SPECIALIST);
        BpmnAwareTests.assertThat(task(process)).hasCandidateGroup("specialist-elderly");

        work(process, "specialist-slagelse", "RESOLVED", "Visiteret", "feedback", "Du får hjemmehjælp fra mandag");
        BpmnAwareTests.assertThat(process).isEnded().hasPassed("EndEvent_FeedbackSent");
    }

    @Test
    void needsCallbackThenResolved() {
        Inquiry inquiry = receive(aPhoneCallAboutHousingBenefit());
        ProcessInstance process = processOf(inquiry);

        work(process, "agent-slagelse", "CALLBACK", "Undersøger sagen og ringer tilbage");
        BpmnAwareTests.assertThat(process).isWaitingAt(ProcessConstants.TASK_CALL_CITIZEN_BACK);
        assertThat(reload(inquiry).outcome()).isEqualTo(Outcome.CALLBACK);

        work(process, "agent-slagelse", "RESOLVED", "Ringet op og forklaret");
        BpmnAwareTests.assertThat(process).isEnded().hasPassed("EndEvent_ResolvedAtContactCenter");
        assertThat(reload(inquiry).resolvedAtFirstContact()).contains(false);
    }

    @Test
    void deskHandsOnToTheSpecialist() {
        Inquiry inquiry = receive(aWalkInAboutPassport());
        ProcessInstance process = processOf(inquiry);
        BpmnAwareTests.assertThat(process).isWaitingAt(ProcessConstants.TASK_HANDLE_AT_DESK);

        work(process, "desk-slagelse", "SPECIALIST", "Kræver fagligt skøn");
        BpmnAwareTests.assertThat(process).isWaitingAt(ProcessConstants.TASK_HANDLE_BY_SPECIALIST);
        BpmnAwareTests.assertThat(task(process)).hasCandidateGroup("specialist-borgerservice");
    }

    @Test
    void writtenApplicationNeedingDiscretionGoesStraightToTheSpecialist() {
        Inquiry inquiry = receive(aLetterApplyingForDisabilityAid());
        ProcessInstance process = processOf(inquiry);
        BpmnAwareTests.assertThat(process).isWaitingAt(ProcessConstants.TASK_HANDLE_BY_SPECIALIST);
        BpmnAwareTests.assertThat(task(process)).hasCandidateGroup("specialist-social");
        assertThat(inquiry.tier()).isEqualTo(Tier.SPECIALIST);
    }

    @Test
    void anOutcomeTheTierDoesNotOfferIsRefusedAndNothingChanges() {
        Inquiry inquiry = receive(aWalkInAboutPassport());
        ProcessInstance process = processOf(inquiry);
        Task task = task(process);

        assertThatThrownBy(() -> complete(task, withVariables("outcome", "CALLBACK", "note", "x")))
                .hasMessageContaining("kan ikke vælges");
        BpmnAwareTests.assertThat(process).isWaitingAt(ProcessConstants.TASK_HANDLE_AT_DESK);
    }

    @Test
    void cancellingTheProcessClosesTheInquiry() {
        Inquiry inquiry = receive(aPhoneCallAboutHousingBenefit());
        runtimeService().deleteProcessInstance(inquiry.processInstanceId(), "Dublet");
        assertThat(reload(inquiry).status()).isEqualTo(InquiryStatus.CLOSED);
        assertThat(reload(inquiry).outcome()).isEqualTo(Outcome.CANCELLED);
    }

    private Inquiry receive(InquiryRequest request) {
        return inquiries.receive(request, null, anAgentOfSlagelse()).inquiry();
    }

    private Inquiry reload(Inquiry inquiry) {
        return inquiries.get(inquiry.id(), anAgentOfSlagelse());
    }

    private ProcessInstance processOf(Inquiry inquiry) {
        return runtimeService().createProcessInstanceQuery().processInstanceId(inquiry.processInstanceId())
                .singleResult();
    }

    private static void work(ProcessInstance process, String user, String outcome, String note, Object... more) {
        Task task = task(process);
        claim(task, user);
        Map<String, Object> variables = withVariables("outcome", outcome, "note", note);
        for (int i = 0; i + 1 < more.length; i += 2) {
            variables.put((String) more[i], more[i + 1]);
        }
        complete(task, variables);
    }
}
