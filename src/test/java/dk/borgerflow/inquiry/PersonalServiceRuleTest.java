package dk.borgerflow.inquiry;

import static dk.borgerflow.inquiry.InquiryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.municipality.Tier;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who needs personal service is the process owners' rule in routing.dmn (decision
 * {@code personal-service}); the inquiry keeps what it answered and refuses self-service from then on.
 */
@BorgerflowTest
class PersonalServiceRuleTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    InquiryService inquiries;
    @Autowired
    RepositoryService repository;

    @BeforeEach
    void bindAssertionsToTheEngine() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void aCitizenOf75CannotBeGuidedToSelfService() {
        Inquiry inquiry = receive(new InquiryRequest("slagelse", Channel.PHONE, "moving", "Flytning", null,
                aCitizenAged(75)));
        assertThat(inquiry.needsPersonalService()).isTrue();
        ProcessInstance process = processOf(inquiry);
        Task task = task(process);
        claim(task, "agent-slagelse");
        int historyBefore = reload(inquiry).history().size();

        assertThatThrownBy(() -> complete(task, withVariables("outcome", "SELF_SERVICE", "note", "prøv selv")))
                .hasMessageContaining("personlig betjening");

        BpmnAwareTests.assertThat(process).isWaitingAt(ProcessConstants.TASK_ANSWER_IN_CONTACT_CENTER);
        Inquiry after = reload(inquiry);
        assertThat(after.tier()).isEqualTo(Tier.CONTACT_CENTER);
        assertThat(after.status()).isEqualTo(InquiryStatus.OPEN);
        assertThat(after.handledTasks()).isZero();
        assertThat(after.history()).hasSize(historyBefore);
    }

    @Test
    void aProcessOwnerWhoLowersTheAgeInTheDecisionChangesWhoGetsAPersonWithoutJavaChanges() throws Exception {
        Inquiry before = receive(aWebInquiryAboutMovingFrom(aCitizenAged(72)));
        assertThat(before.needsPersonalService()).isFalse();
        assertThat(before.tier()).isEqualTo(Tier.SELF_SERVICE);

        String model = Files.readString(Path.of("processes/routing.dmn"));
        String at70 = model.replace("<text>&gt;= 75</text>", "<text>&gt;= 70</text>");
        assertThat(at70).isNotEqualTo(model);
        Deployment deployment = repository.createDeployment().name("routing: personlig betjening fra 70 år")
                .addInputStream("routing.dmn", new ByteArrayInputStream(at70.getBytes(StandardCharsets.UTF_8)))
                .deploy();
        try {
            Inquiry after = receive(aWebInquiryAboutMovingFrom(aCitizenAged(72)));

            assertThat(after.needsPersonalService()).isTrue();
            assertThat(after.tier()).isEqualTo(Tier.CONTACT_CENTER);
            ProcessInstance process = processOf(after);
            BpmnAwareTests.assertThat(process).isWaitingAt(ProcessConstants.TASK_ANSWER_IN_CONTACT_CENTER);
            Task task = task(process);
            claim(task, "agent-slagelse");
            assertThatThrownBy(() -> complete(task, withVariables("outcome", "SELF_SERVICE", "note", "prøv selv")))
                    .hasMessageContaining("personlig betjening");
            assertThat(reload(after).tier()).isEqualTo(Tier.CONTACT_CENTER);
            // the inquiry routed before keeps what the decision answered then
            assertThat(reload(before).needsPersonalService()).isFalse();
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
        assertThat(receive(aWebInquiryAboutMovingFrom(aCitizenAged(72))).tier()).isEqualTo(Tier.SELF_SERVICE);
    }

    private static InquiryRequest.CitizenRequest aCitizenAged(int age) {
        return new InquiryRequest.CitizenRequest(null, "Bodil Madsen", "+45 12345678", null, false, age, false, "da",
                null);
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
}
