package dk.borgerflow.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.security.CprInText;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
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
 * A CPR number typed into a free-text field of the inquiry API is refused with a 400 naming the
 * field and saying where the number belongs, and it reaches no row, process variable or history.
 */
@BorgerflowTest
class CprInFreeTextTest {

    /** A CPR number (230489-7765) no other test uses: a search of the database finds only what these tests wrote. */
    static final String DIGITS = "2304897765";

    static final String A_PHONE_CALL = """
            {"municipality":"slagelse","channel":"PHONE","topic":"housing-benefit",
             "summary":"Spørger til boligstøtte, ring på +45 20304050 efter 2026-12-04",
             "citizen":{"cpr":"010180-1234","name":"Mette Jensen","phone":"+45 20304050",
                        "email":"mette@example.dk","language":"da","accessibilityNeeds":"kørestol"}}""";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ObjectMapper json;

    @ParameterizedTest(name = "{0} holding {2} → 400 naming {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            summary                    | Spørger til boligstøtte, ring på +45 20304050 efter 2026-12-04 | Borgeren (230489-7765) spørger til boligstøtte
            summary                    | Spørger til boligstøtte, ring på +45 20304050 efter 2026-12-04 | cpr 230489 7765
            summary                    | Spørger til boligstøtte, ring på +45 20304050 efter 2026-12-04 | cpr 230489.7765
            summary                    | Spørger til boligstøtte, ring på +45 20304050 efter 2026-12-04 | cpr 230489–7765
            summary                    | Spørger til boligstøtte, ring på +45 20304050 efter 2026-12-04 | cpr 2304897765
            citizen.name               | Mette Jensen                                                   | Mette Jensen 230489-7765
            citizen.phone              | "phone":"+45 20304050"                                         | "phone":"230489-7765"
            citizen.email              | mette@example.dk                                               | mette2304897765@example.dk
            citizen.language           | "language":"da"                                                | "language":"da 230489 7765"
            citizen.accessibilityNeeds | kørestol                                                       | kørestol, cpr 230489-7765
            """)
    void aCprNumberInAFreeTextFieldOfANewInquiryIsRefusedAndStoredNowhere(String field, String from, String to)
            throws Exception {
        Snapshot before = snapshot();

        ResponseEntity<String> response = post("agent-slagelse", "/api/inquiries", A_PHONE_CALL.replace(from, to));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("field").asText()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo(CprInText.WHERE_IT_BELONGS);
        assertThat(response.getBody()).doesNotContain("230489").doesNotContain("7765");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theCprFieldItselfAndOrdinaryNumbersInFreeTextAreAccepted() throws Exception {
        ResponseEntity<String> response = post("agent-slagelse", "/api/inquiries",
                A_PHONE_CALL.replace("010180-1234", "230489-7765"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = json.readTree(response.getBody()).get("id").asText();
        assertThat(jdbc.queryForObject("select citizen_cpr from inquiry where id = ?", String.class, id))
                .isEqualTo(DIGITS);
        assertThat(processVariablesHolding("230489")).isZero();
    }

    @Test
    void aSwedishTenDigitPhoneNumberIsAPhoneNumberInSpangaTensta() throws Exception {
        String swedish = A_PHONE_CALL.replace("\"slagelse\"", "\"spanga-tensta\"")
                .replace("\"phone\":\"+45 20304050\"", "\"phone\":\"0701234567\"");

        ResponseEntity<String> response = post("agent-spanga-tensta", "/api/inquiries", swedish);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @ParameterizedTest(name = "{0}: {1} with a CPR number → 400 naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            help-requests   | reason
            citizen-replies | message
            cpr-access      | purpose
            """)
    void aCprNumberInTheTextOfAFollowUpIsRefusedAndChangesNothing(String path, String field) throws Exception {
        String id = aWebInquiryGuidedToSelfService();
        Snapshot before = snapshot();
        String history = historyOf(id);

        ResponseEntity<String> response = post("agent-slagelse", "/api/inquiries/" + id + "/" + path,
                "{\"" + field + "\":\"Borgeren oplyste 230489 - 7765 i telefonen\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("field").asText()).isEqualTo(field);
        assertThat(problem.get("detail").asText()).contains(CprInText.WHERE_IT_BELONGS);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(historyOf(id)).isEqualTo(history);
    }

    @Test
    void aHelpRequestWithoutACprNumberIsAccepted() throws Exception {
        String id = aWebInquiryGuidedToSelfService();

        ResponseEntity<String> response = post("agent-slagelse", "/api/inquiries/" + id + "/help-requests",
                "{\"reason\":\"Borgeren ringede 4. december kl. 10.15 fra +45 20304050\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** Moving, asked on the web by a citizen who needs no personal service: guided to self-service. */
    private String aWebInquiryGuidedToSelfService() throws Exception {
        String body = A_PHONE_CALL.replace("\"PHONE\"", "\"WEB\"").replace("housing-benefit", "moving")
                .replace(",\"accessibilityNeeds\":\"kørestol\"", "");
        JsonNode created = json.readTree(post("agent-slagelse", "/api/inquiries", body).getBody());
        assertThat(created.get("tier").asText()).isEqualTo("SELF_SERVICE");
        return created.get("id").asText();
    }

    /** What a refused request must leave as it was: rows, audit, process instances, variables. */
    record Snapshot(List<Long> counts) {
    }

    private Snapshot snapshot() {
        return new Snapshot(List.of(
                count("select count(*) from inquiry"),
                count("select count(*) from inquiry_history"),
                count("select count(*) from cpr_access_audit"),
                count("select count(*) from act_hi_procinst"),
                count("select count(*) from act_ru_variable"),
                count("select count(*) from act_ru_event_subscr"),
                processVariablesHolding("230489"),
                count("select count(*) from inquiry where summary like '%230489%' or citizen_name like '%230489%'"
                        + " or citizen_phone like '%230489%' or citizen_email like '%230489%'"
                        + " or citizen_language like '%230489%' or citizen_accessibility like '%230489%'")));
    }

    private long processVariablesHolding(String text) {
        return count("select count(*) from act_ru_variable where text_ like '%" + text + "%'")
                + count("select count(*) from act_hi_varinst where text_ like '%" + text + "%'");
    }

    private String historyOf(String inquiryId) {
        return jdbc.queryForList("select position, to_tier, actor, reason from inquiry_history where inquiry_id = ?"
                + " order by position", inquiryId).toString();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private ResponseEntity<String> post(String user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
    }
}
