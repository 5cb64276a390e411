package dk.borgerflow.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.ManagementService;
import dk.borgerflow.BorgerflowTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * End to end with the job executor running, as in production: an inquiry whose deadline passed
 * before it was even registered escalates by itself, exactly once. The shared test context keeps the
 * executor off (other tests fire jobs themselves), so this test starts the engine's own job executor
 * and stops it again. (Not a second application context: Camunda registers engines by name in the
 * static ProcessEngines, which engine-rest and the webapps look up, so a second engine in the JVM
 * would take them over from the shared context.)
 */
@BorgerflowTest
class OverdueInquiryEscalationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    ManagementService management;
    @Autowired
    ProcessEngine engine;

    JobExecutor jobExecutor;

    @BeforeEach
    void startTheJobExecutorAsInProduction() {
        jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        jobExecutor.start();
    }

    @AfterEach
    void stopTheJobExecutor() {
        jobExecutor.shutdown();
    }

    @Test
    void anInquiryWhoseDeadlineHasAlreadyPassedEscalatesWithoutManualActionExactlyOnceAndWithoutAStaleWarning() throws Exception {
        String tenDaysAgo = Instant.now().minus(10, ChronoUnit.DAYS).toString();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> created = http.withBasicAuth("agent-slagelse", "demo").postForEntity("/api/inquiries",
                new HttpEntity<>("""
                        {"municipality":"slagelse","channel":"EMAIL","topic":"pension",
                         "summary":"Brev om folkepension, fundet i en glemt indbakke","receivedAt":"%s"}"""
                        .formatted(tenDaysAgo), headers), String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode inquiry = json.readTree(created.getBody());
        assertThat(Instant.parse(inquiry.get("dueAt").asText())).isBefore(Instant.now());
        String id = inquiry.get("id").asText();
        String process = inquiry.get("processInstanceId").asText();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> escalationsOf(id).size() == 1);
        // once the executor has nothing due left for this inquiry, it has still escalated only once
        await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery().processInstanceId(process)
                .duedateLowerThan(new java.util.Date()).count() == 0);

        JsonNode escalated = json.readTree(http.withBasicAuth("agent-slagelse", "demo")
                .getForEntity("/api/inquiries/" + id, String.class).getBody());
        assertThat(escalated.get("escalations")).hasSize(1);
        assertThat(escalated.at("/escalations/0/fromTier").asText()).isEqualTo("CONTACT_CENTER");
        assertThat(escalated.at("/escalations/0/toTier").asText()).isEqualTo("DESK");
        assertThat(escalated.get("tier").asText()).isEqualTo("DESK");
        assertThat(Instant.parse(escalated.get("dueAt").asText())).isAfter(Instant.now());
        // the warning point had passed too, but a warning for a deadline that has passed says
        // nothing new: the breach escalates, the team lead is not warned as well
        assertThat(escalated.get("history")).noneMatch(h -> h.path("reason").asText().startsWith("Advarsel"));
    }

    private JsonNode escalationsOf(String id) throws Exception {
        return json.readTree(http.withBasicAuth("agent-slagelse", "demo")
                .getForEntity("/api/inquiries/" + id, String.class).getBody()).get("escalations");
    }
}
