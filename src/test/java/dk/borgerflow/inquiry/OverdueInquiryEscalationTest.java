package dk.borgerflow.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowApplication;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * End to end with the job executor running, as in production: an inquiry whose deadline passed
 * before it was even registered escalates by itself, exactly once. (Its own context: the other
 * tests keep the job executor off and fire jobs themselves.)
 */
@SpringBootTest(classes = BorgerflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles({"demo", "test"})
class OverdueInquiryEscalationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    ManagementService management;

    @Test
    void anInquiryWhoseDeadlineHasAlreadyPassedEscalatesWithoutManualActionExactlyOnce() throws Exception {
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
    }

    private JsonNode escalationsOf(String id) throws Exception {
        return json.readTree(http.withBasicAuth("agent-slagelse", "demo")
                .getForEntity("/api/inquiries/" + id, String.class).getBody()).get("escalations");
    }
}
