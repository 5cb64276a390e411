package dk.borgerflow.inquiry;

import static dk.borgerflow.inquiry.InquiryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The watchdog must see an inquiry that someone broke on purpose. */
@BorgerflowTest
class LostInquiryWatchdogTest {

    @Autowired
    InquiryService inquiries;
    @Autowired
    InquiryLadder ladder;
    @Autowired
    LostInquiryWatchdog watchdog;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Test
    void aHealthyInquiryIsNotReported() {
        Inquiry inquiry = receive();
        assertThat(watchdog.check().inquiries()).noneMatch(i -> i.id().equals(inquiry.id()));
    }

    @Test
    void reportsAnOpenInquiryWhoseTaskLostItsCandidateGroupUntilItIsRepaired() throws Exception {
        Inquiry inquiry = receive();
        Task task = tasks.createTaskQuery().processInstanceId(inquiry.processInstanceId()).singleResult();
        tasks.deleteCandidateGroup(task.getId(), "cc-general");

        assertThat(watchdog.check().inquiries()).anySatisfy(i -> {
            assertThat(i.id()).isEqualTo(inquiry.id());
            assertThat(i.problem()).contains("Ingen aktiv opgave");
        });
        ResponseEntity<String> api = http.withBasicAuth("teamlead-slagelse", "demo")
                .getForEntity("/api/watchdog", String.class);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.getBody()).contains(inquiry.id());
        assertThat(http.withBasicAuth("teamlead-roskilde", "demo").getForEntity("/api/watchdog", String.class)
                .getBody()).doesNotContain(inquiry.id());
        assertThat(http.withBasicAuth("agent-slagelse", "demo").getForEntity("/api/watchdog", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode health = json.readTree(http.withBasicAuth("admin", "demo")
                .getForEntity("/actuator/health", String.class).getBody());
        assertThat(health.at("/components/lostInquiries/status").asText()).isEqualTo("DOWN");
        assertThat(health.at("/components/lostInquiries/details/lost").asLong()).isPositive();

        tasks.addCandidateGroup(task.getId(), "cc-general");
        assertThat(watchdog.check().inquiries()).noneMatch(i -> i.id().equals(inquiry.id()));
    }

    @Test
    void reportsAnOpenInquiryWhoseProcessWasDeletedBehindItsBack() {
        Inquiry inquiry = receive();
        runtime.deleteProcessInstance(inquiry.processInstanceId(), "slettet i Cockpit", true);

        assertThat(watchdog.check().inquiries()).anySatisfy(i -> {
            assertThat(i.id()).isEqualTo(inquiry.id());
            assertThat(i.problem()).isEqualTo("Ingen levende proces");
        });
        // repair: close it as an operator would, then it is no longer reported
        ladder.processEnded(new InquiryProcess(inquiry.processInstanceId(), inquiry.id(), inquiry.municipality()));
        assertThat(watchdog.check().inquiries()).noneMatch(i -> i.id().equals(inquiry.id()));
    }

    private Inquiry receive() {
        return inquiries.receive(aPhoneCallAboutHousingBenefit(), null, anAgentOfSlagelse()).inquiry();
    }
}
