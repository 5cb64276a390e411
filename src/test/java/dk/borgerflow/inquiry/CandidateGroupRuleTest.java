package dk.borgerflow.inquiry;

import static dk.borgerflow.inquiry.InquiryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.municipality.Tier;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Which group works an inquiry at the desk, the specialist or the team lead is the process owners'
 * decision candidate-group.dmn: the inquiry and the task in Tasklist both follow a new version.
 */
@BorgerflowTest
class CandidateGroupRuleTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    InquiryService inquiries;
    @Autowired
    RepositoryService repository;
    @Autowired
    HistoryService history;

    @BeforeEach
    void bindAssertionsToTheEngine() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void aHandOffGoesToTheGroupTheDecisionNamesAndLeavesNoDecisionInHistory() {
        Inquiry inquiry = receive(aPhoneCallAboutHousingBenefit());
        ProcessInstance process = processOf(inquiry);

        work(process, "agent-slagelse", "SPECIALIST", "Kræver en sagsbehandler");

        Inquiry handedOn = reload(inquiry);
        assertThat(handedOn.tier()).isEqualTo(Tier.SPECIALIST);
        // housing benefit belongs to Borgerservice's own specialists (topic catalogue)
        assertThat(handedOn.candidateGroup()).isEqualTo("specialist-borgerservice");
        assertThat(candidateGroupsOf(task(process))).containsExactly("specialist-borgerservice");
        assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(CandidateGroups.DECISION)
                .count()).isZero();
    }

    @Test
    void aProcessOwnersNewVersionMovesTheNextHandOffWithoutJavaChanges() throws Exception {
        String model = Files.readString(Path.of("processes/candidate-group.dmn"));
        String walkIn = model.replace("<text>\"desk\"</text>", "<text>\"desk-walk-in\"</text>");
        assertThat(walkIn).isNotEqualTo(model);
        Deployment deployment = repository.createDeployment().name("candidate-group: ny gruppe i Borgerservice")
                .addInputStream("candidate-group.dmn", new ByteArrayInputStream(walkIn.getBytes(StandardCharsets.UTF_8)))
                .deploy();
        try {
            Inquiry inquiry = receive(aPhoneCallAboutHousingBenefit());
            ProcessInstance process = processOf(inquiry);

            work(process, "agent-slagelse", "DESK", "Skal møde op med papirerne");

            assertThat(reload(inquiry).tier()).isEqualTo(Tier.DESK);
            assertThat(reload(inquiry).candidateGroup()).isEqualTo("desk-walk-in");
            BpmnAwareTests.assertThat(process).isWaitingAt(ProcessConstants.TASK_HANDLE_AT_DESK);
            assertThat(candidateGroupsOf(task(process))).containsExactly("desk-walk-in");
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
        Inquiry after = receive(aPhoneCallAboutHousingBenefit());
        work(processOf(after), "agent-slagelse", "DESK", "Skal møde op");
        assertThat(reload(after).candidateGroup()).isEqualTo("desk");
    }

    private java.util.List<String> candidateGroupsOf(Task task) {
        return taskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
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

    private static void work(ProcessInstance process, String user, String outcome, String note) {
        Task task = task(process);
        claim(task, user);
        complete(task, withVariables("outcome", outcome, "note", note));
    }
}
