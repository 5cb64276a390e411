package dk.borgerflow.consultation;

import static dk.borgerflow.consultation.ConsultationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.security.CprInText;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A CPR number in the free text of a consultation (title, proposal, a consultee's name, the
 * administration's comment, a late answer, an answer on the public page) is refused and stored
 * nowhere: the title, proposal and names become process variables, answers go into the notat.
 */
@BorgerflowTest
class CprInConsultationTextTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ObjectMapper json;
    @Autowired
    ConsultationService consultations;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    @AfterEach
    void endRunningConsultations() {
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        cancelRunningConsultations(runtime);
    }

    @ParameterizedTest(name = "{0} holding a CPR number → 400 naming {0}")
    @CsvSource(delimiter = '|', textBlock = """
            title               | Service- og kanalstrategi 2027 | Klage fra 230489-7765
            proposal            | telefontiden udvides           | telefontiden udvides (jf. borger 230489 7765)
            consultees[3].name  | Det Sociale Brugerråd          | Borger 230489.7765
            """)
    void aCprNumberInANewConsultationIsRefusedAndStartsNothing(String field, String from, String to) throws Exception {
        String valid = ConsultationApiTest.channelStrategy();
        String payload = valid.replace(from, to);
        assertThat(payload).isNotEqualTo(valid);
        Snapshot before = snapshot();

        ResponseEntity<String> response = exchange("secretariat-slagelse", HttpMethod.POST, "/api/consultations", payload);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("field").asText()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo(CprInText.WHERE_IT_BELONGS);
        assertThat(response.getBody()).doesNotContain("230489");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aCprNumberInTheAdministrationsCommentIsRefusedAndTheCommentStaysAsItWas() throws Exception {
        ConsultationService.Prepared prepared = prepare();
        Consultee council = byName(prepared.consultation(), USER_COUNCIL);
        Snapshot before = snapshot();

        ResponseEntity<String> response = exchange("secretariat-slagelse", HttpMethod.PUT, "/api/consultations/"
                + prepared.consultation().id() + "/consultees/" + council.id() + "/comment",
                "{\"comment\":\"Brugeren 230489–7765 har ringet\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).get("field").asText()).isEqualTo("comment");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(byName(reload(prepared), USER_COUNCIL).adminComment()).isNull();
    }

    @Test
    void aCprNumberInALateAnswerIsRefusedAndTheConsulteeStaysUnanswered() throws Exception {
        ConsultationService.Prepared prepared = prepare();
        Consultee committee = byName(prepared.consultation(), SOCIAL_COMMITTEE);
        letTheSvarfristPass(committee);
        Snapshot before = snapshot();
        String answers = "/api/consultations/" + prepared.consultation().id() + "/consultees/" + committee.id()
                + "/answers";

        ResponseEntity<String> response = exchange("committee-social-slagelse", HttpMethod.POST, answers,
                "{\"text\":\"Udvalget har behandlet sagen om 2304897765.\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).get("field").asText()).isEqualTo("text");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(byName(reload(prepared), SOCIAL_COMMITTEE).status()).isEqualTo(ConsulteeStatus.NO_ANSWER);
        // the same answer without the number is taken (late)
        assertThat(exchange("committee-social-slagelse", HttpMethod.POST, answers,
                "{\"text\":\"Udvalget har behandlet sagen.\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** Fires the svarfrist timer of the consultee's branch: it closes without an answer. */
    private void letTheSvarfristPass(Consultee consultee) {
        BpmnAwareTests.init(engine);
        String branch = byName(reload(prepared(consultee)), consultee.name()).branchProcessId();
        var deadline = BpmnAwareTests.job(ConsultationConstants.TIMER_DEADLINE,
                runtime.createProcessInstanceQuery().processInstanceId(branch).singleResult());
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(deadline.getDuedate().getTime()
                + 60_000));
        BpmnAwareTests.execute(deadline);
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }

    private ConsultationService.Prepared prepared(Consultee consultee) {
        return new ConsultationService.Prepared(consultee.consultation(), java.util.Map.of());
    }

    @ParameterizedTest(name = "{0} on the answer page holding a CPR number → 400 page saying why")
    @CsvSource(delimiter = '|', textBlock = """
            answer   | Vi støtter forslaget. Kontakt 230489-7765.
            signedBy | Hanne Holm 230489 7765
            """)
    void aCprNumberInAnAnswerOnThePublicPageIsRefusedWithTheReasonAndTheLinkStaysUsable(String field, String value) {
        ConsultationService.Prepared prepared = prepare();
        String token = prepared.tokensByConsulteeId().get(byName(prepared.consultation(), USER_COUNCIL).id());
        Snapshot before = snapshot();
        String answer = field.equals("answer") ? value : "Vi støtter forslaget.";
        String signedBy = field.equals("signedBy") ? value : "Hanne Holm";

        ResponseEntity<String> page = http.postForEntity("/hearing/answer/" + token,
                ConsultationApiTest.form("answer", answer, "signedBy", signedBy), String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page.getBody()).contains(org.springframework.web.util.HtmlUtils.htmlEscape(HearingAnswerPage.CPR_IN_ANSWER, "UTF-8"));
        assertThat(snapshot()).isEqualTo(before);
        assertThat(byName(reload(prepared), USER_COUNCIL).status()).isEqualTo(ConsulteeStatus.AWAITING);
        assertThat(http.getForEntity("/hearing/answer/" + token, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anAnswerWithDatesAmountsAndPhoneNumbersIsAccepted() {
        ConsultationService.Prepared prepared = prepare();
        String token = prepared.tokensByConsulteeId().get(byName(prepared.consultation(), USER_COUNCIL).id());

        ResponseEntity<String> page = http.postForEntity("/hearing/answer/" + token, ConsultationApiTest.form(
                "answer", "Mødet 2026-12-04 kl. 14.30 anbefalede 1.250.000 kr. Ring på +45 20304050.",
                "signedBy", "Hanne Holm"), String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    record Snapshot(List<Long> counts) {
    }

    private Snapshot snapshot() {
        return new Snapshot(List.of(
                count("select count(*) from consultation"),
                count("select count(*) from consultation_consultee"),
                count("select count(*) from consultation_consultee where answer_text is not null"
                        + " or admin_comment is not null"),
                count("select count(*) from consultation_attachment"),
                count("select count(*) from consultation_audit"),
                count("select count(*) from act_hi_procinst"),
                count("select count(*) from act_ru_variable where text_ like '%230489%'")
                        + count("select count(*) from act_hi_varinst where text_ like '%230489%'"),
                count("select count(*) from consultation where title like '%230489%' or proposal like '%230489%'")
                        + count("select count(*) from consultation_audit where detail like '%230489%'")));
    }

    private ConsultationService.Prepared prepare() {
        return consultations.prepare(aConsultationOfTheSocialCommitteeAndTheUserCouncil(), theSecretariatOfSlagelse());
    }

    private Consultation reload(ConsultationService.Prepared prepared) {
        return consultations.get(prepared.consultation().id(), theSecretariatOfSlagelse());
    }

    private static Consultee byName(Consultation consultation, String name) {
        return consultation.consultees().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private ResponseEntity<String> exchange(String user, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
