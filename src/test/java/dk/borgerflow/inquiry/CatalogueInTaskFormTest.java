package dk.borgerflow.inquiry;

import static dk.borgerflow.inquiry.InquiryFixtures.aPhoneCallAboutHousingBenefit;
import static dk.borgerflow.inquiry.InquiryFixtures.anAgentOfSlagelse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.testsupport.EngineRest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The contact center's form shows the catalogue's solutions for the inquiry's municipality and topic
 * (filled by the process from the inquiry row, read-only), and the agent records whether the
 * catalogue had the answer: it joins the inquiry's history with the outcome.
 */
@BorgerflowTest
class CatalogueInTaskFormTest {

    static final String SLAGELSE_URL = "https://www.slagelse.dk/borger/bolig/boligstoette";

    @LocalServerPort
    int port;
    @Autowired
    InquiryService inquiries;
    @Autowired
    TaskService tasks;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void slagelseHasItsOwnHousingBenefitSolution() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var created = http.withBasicAuth("editor-slagelse", "demo").postForEntity("/api/self-service/slagelse/solutions",
                new HttpEntity<>("""
                        {"topic":"housing-benefit","title":"Boligstøtte i Slagelse","url":"%s",
                         "description":"Søg boligstøtte med MitID. Slagelse Kommunes vejledning om husleje og boligydelse.",
                         "mitidRequired":true,
                         "withoutMitid":"Mød op i Borgerservice på Rådhuset, så søger vi sammen med dig."}"""
                        .formatted(SLAGELSE_URL), headers), String.class);
        assertThat(created.getStatusCode()).isIn(HttpStatus.CREATED, HttpStatus.OK);
    }

    @Test
    void theAgentSeesSlagelsesSolutionAndRecordsThatTheCatalogueHadTheAnswer() throws Exception {
        Inquiry inquiry = inquiries.receive(aPhoneCallAboutHousingBenefit(), null, anAgentOfSlagelse()).inquiry();
        Task task = tasks.createTaskQuery().processInstanceId(inquiry.processInstanceId()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(ProcessConstants.TASK_ANSWER_IN_CONTACT_CENTER);

        EngineRest agent = new EngineRest("http://127.0.0.1:" + port, "agent-slagelse", "demo");
        HttpResponse<String> shown = agent.get("/engine-rest/task/" + task.getId() + "/form-variables");
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        String solutions = json.readTree(shown.body()).get("selfServiceSolutions").get("value").asText();
        assertThat(solutions).startsWith("Boligstøtte i Slagelse – " + SLAGELSE_URL).contains("Uden MitID: Mød op",
                "Borgerservice: man–fre").doesNotContain("borger.dk");

        assertThat(agent.postJson("/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"agent-slagelse\"}")
                .statusCode()).isEqualTo(204);
        // the read-only field cannot be rewritten, and nothing outside the form is accepted
        HttpResponse<String> rewritten = agent.postJson("/engine-rest/task/" + task.getId() + "/complete", """
                {"variables": {"outcome": {"value": "SELF_SERVICE"}, "note": {"value": "Guidet"},
                 "selfServiceSolutions": {"value": "Ring til https://evil.example"}}}""");
        assertThat(rewritten.statusCode()).as(rewritten.body()).isEqualTo(400);
        HttpResponse<String> foreign = agent.postJson("/engine-rest/task/" + task.getId() + "/complete", """
                {"variables": {"outcome": {"value": "SELF_SERVICE"}, "note": {"value": "Guidet"},
                 "catalogueHadAnswerAlso": {"value": true}}}""");
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(400);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

        HttpResponse<String> done = agent.postJson("/engine-rest/task/" + task.getId() + "/complete", """
                {"variables": {"outcome": {"value": "SELF_SERVICE"}, "note": {"value": "Guidet til Slagelses løsning"},
                 "catalogueHadAnswer": {"value": true, "type": "Boolean"},
                 "selfServiceSolutions": {"value": %s}}}""".formatted(json.writeValueAsString(solutions)));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);

        Inquiry after = inquiries.get(inquiry.id(), anAgentOfSlagelse());
        assertThat(after.outcome()).isEqualTo(Outcome.SELF_SERVICE);
        assertThat(after.selfServiceUrl()).isEqualTo(SLAGELSE_URL);
        assertThat(after.history()).anySatisfy(h -> assertThat(h.reason())
                .contains("Guidet til Slagelses løsning", InquiryLadder.CATALOGUE_HAD_ANSWER));
        // a fact on the inquiry, carried by its event into the reports' read model
        assertThat(after.catalogueHadAnswer()).isTrue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(
                jdbc.query("select catalogue_had_answer from report_inquiry where id = ? and outcome = 'SELF_SERVICE'",
                        rs -> rs.next() ? rs.getObject(1) : null, inquiry.id())));
    }

    @Test
    void aFormWithoutTheTickRecordsThatTheCatalogueDidNotHaveIt() {
        Inquiry inquiry = inquiries.receive(aPhoneCallAboutHousingBenefit(), null, anAgentOfSlagelse()).inquiry();
        Task task = tasks.createTaskQuery().processInstanceId(inquiry.processInstanceId()).singleResult();
        tasks.complete(task.getId(), java.util.Map.of("outcome", "RESOLVED", "note", "Forklaret reglerne",
                "catalogueHadAnswer", false));
        assertThat(inquiries.get(inquiry.id(), anAgentOfSlagelse()).history()).anySatisfy(h -> assertThat(h.reason())
                .contains(InquiryLadder.CATALOGUE_HAD_NO_ANSWER));
        assertThat(inquiries.get(inquiry.id(), anAgentOfSlagelse()).catalogueHadAnswer()).isFalse();
    }
}
