package dk.borgerflow.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import java.util.UUID;
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

/** The inquiry API over real HTTP, with the real engine and database. */
@BorgerflowTest
class InquiryApiTest {

    static final String A_PHONE_CALL = """
            {"municipality":"slagelse","channel":"PHONE","topic":"housing-benefit",
             "summary":"Spørger til boligstøtte","receivedAt":"2026-11-20T09:15:00+01:00",
             "citizen":{"cpr":"010180-1234","name":"Mette Jensen","phone":"+45 20304050"}}""";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ObjectMapper json;

    @Test
    void receivesAnInquiryAndAnswersItWithLocationTierGroupAndProcess() throws Exception {
        ResponseEntity<String> created = post("agent-slagelse", A_PHONE_CALL, null);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = json.readTree(created.getBody());
        assertThat(created.getHeaders().getLocation()).hasToString("/api/inquiries/" + body.get("id").asText());
        assertThat(body.get("status").asText()).isEqualTo("OPEN");
        assertThat(body.get("tier").asText()).isEqualTo("CONTACT_CENTER");
        assertThat(body.get("candidateGroup").asText()).isEqualTo("cc-general");
        assertThat(body.get("receivedAt").asText()).isEqualTo("2026-11-20T08:15:00Z");
        assertThat(body.get("history")).hasSize(1);
        assertThat(created.getBody()).doesNotContain("010180");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(body.get("processInstanceId").asText())
                .singleResult().getTenantId()).isEqualTo("slagelse");

        ResponseEntity<String> fetched = get("agent-slagelse", "/api/inquiries/" + body.get("id").asText());
        assertThat(fetched.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(fetched.getBody()).get("processInstanceId")).isEqualTo(body.get("processInstanceId"));
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSameInquiryAndStartsNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        ResponseEntity<String> first = post("agent-slagelse", A_PHONE_CALL, key);
        long processes = runtime.createProcessInstanceQuery().count();
        int rows = count();

        ResponseEntity<String> again = post("agent-slagelse", A_PHONE_CALL, key);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(again.getBody()).get("id")).isEqualTo(json.readTree(first.getBody()).get("id"));
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(processes);
        assertThat(count()).isEqualTo(rows);
    }

    @Test
    void anIdempotencyKeyReusedForADifferentRequestIsAConflict() {
        String key = UUID.randomUUID().toString();
        post("agent-slagelse", A_PHONE_CALL, key);
        ResponseEntity<String> other = post("agent-slagelse", A_PHONE_CALL.replace("boligstøtte", "pas"), key);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(other.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            unknown municipality | municipality  | "slagelse" ; "atlantis"
            unknown topic        | topic         | "housing-benefit" ; "astrology"
            unknown channel      | channel       | "PHONE" ; "PIGEON"
            malformed CPR        | citizen.cpr   | "010180-1234" ; "12345"
            impossible CPR date  | citizen.cpr   | "010180-1234" ; "310280-1234"
            missing summary      | summary       | "summary":"Spørger til boligstøtte", ;
            blank topic          | topic         | "housing-benefit" ; "  "
            malformed receivedAt | receivedAt    | "2026-11-20T09:15:00+01:00" ; "yesterday"
            future receivedAt    | receivedAt    | "2026-11-20T09:15:00+01:00" ; "2999-01-01T00:00:00Z"
            ancient receivedAt   | receivedAt    | "2026-11-20T09:15:00+01:00" ; "-999999999-01-01T00:00:00Z"
            age out of range     | citizen.age   | "name":"Mette Jensen" ; "age":-4
            malformed JSON       | body          | } ; ,
            """)
    void badInputIsA400NamingTheFieldAndWritesNothing(String situation, String field, String replacement)
            throws Exception {
        String[] fromTo = replacement.split(";", -1);
        String payload = A_PHONE_CALL.replace(fromTo[0].trim(), fromTo[1].trim());
        long processes = runtime.createProcessInstanceQuery().count();
        int rows = count();

        ResponseEntity<String> response = post("agent-slagelse", payload, UUID.randomUUID().toString());

        assertThat(response.getStatusCode()).as(situation).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("field").asText()).as(situation).isEqualTo(field);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("at dk.");
        assertThat(count()).isEqualTo(rows);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(processes);
    }

    @Test
    void anOversizedBodyIsRefusedAndWritesNothing() throws Exception {
        int rows = count();
        String huge = A_PHONE_CALL.replace("Spørger til boligstøtte", "x".repeat(100_000));
        ResponseEntity<String> response = post("agent-slagelse", huge, null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).get("field").asText()).isEqualTo("body");
        assertThat(count()).isEqualTo(rows);
    }

    @Test
    void theApiAndEngineRestRequireAuthentication() {
        assertThat(http.getForEntity("/api/inquiries", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // wrong passwords count towards the login throttle of this client and user: use a user no other test needs
        assertThat(http.withBasicAuth("teamlead-soroe", "wrong").getForEntity("/api/inquiries", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("agent-slagelse", "demo").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theRootAddressOpensTasklist() throws Exception {
        var client = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
        var root = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.getRootUri() + "/"))
                .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location").orElseThrow()).endsWith("/camunda/app/tasklist/");
    }

    @Test
    void anAgentSeesOnlyTheirOwnMunicipalitysInquiries() throws Exception {
        String id = json.readTree(post("agent-slagelse", A_PHONE_CALL, null).getBody()).get("id").asText();

        assertThat(get("agent-roskilde", "/api/inquiries/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode roskildeList = json.readTree(get("agent-roskilde", "/api/inquiries?size=200").getBody());
        roskildeList.get("content").forEach(i -> assertThat(i.get("municipality").asText()).isEqualTo("roskilde"));
        assertThat(get("agent-roskilde", "/api/inquiries?municipality=slagelse").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("agent-roskilde", A_PHONE_CALL, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("admin", "/api/inquiries/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void listsArePagedAndFilteredByStatusAndTier() throws Exception {
        for (int i = 0; i < 3; i++) {
            post("agent-slagelse", A_PHONE_CALL, null);
        }
        JsonNode page = json.readTree(get("agent-slagelse",
                "/api/inquiries?municipality=slagelse&status=OPEN&tier=CONTACT_CENTER&page=0&size=2").getBody());
        assertThat(page.get("content")).hasSize(2);
        assertThat(page.get("page").get("size").asInt()).isEqualTo(2);
        assertThat(page.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(3);
        page.get("content").forEach(i -> {
            assertThat(i.get("status").asText()).isEqualTo("OPEN");
            assertThat(i.get("tier").asText()).isEqualTo("CONTACT_CENTER");
        });
        ResponseEntity<String> badStatus = get("agent-slagelse", "/api/inquiries?status=SLEEPING");
        assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(badStatus.getBody()).get("field").asText()).isEqualTo("status");
        ResponseEntity<String> badSize = get("agent-slagelse", "/api/inquiries?size=5000");
        assertThat(badSize.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(badSize.getBody()).get("field").asText()).isEqualTo("size");
    }

    @Test
    void readingTheCprNumberNeedsAPurposeAndIsAudited() throws Exception {
        String id = json.readTree(post("agent-slagelse", A_PHONE_CALL, null).getBody()).get("id").asText();
        String access = "/api/inquiries/" + id + "/cpr-access";

        ResponseEntity<String> noPurpose = http.withBasicAuth("agent-slagelse", "demo").exchange(access,
                HttpMethod.POST, jsonEntity("{}", null), String.class);
        assertThat(noPurpose.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(noPurpose.getBody()).get("field").asText()).isEqualTo("purpose");
        assertThat(http.withBasicAuth("agent-roskilde", "demo").exchange(access, HttpMethod.POST,
                jsonEntity("{\"purpose\":\"nysgerrig\"}", null), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<String> revealed = http.withBasicAuth("desk-slagelse", "demo").exchange(access,
                HttpMethod.POST, jsonEntity("{\"purpose\":\"Opslag i CPR for adresse\"}", null), String.class);
        assertThat(revealed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(revealed.getBody()).get("cpr").asText()).isEqualTo("0101801234");

        JsonNode audit = json.readTree(get("teamlead-slagelse", access).getBody());
        assertThat(audit).singleElement().satisfies(a -> {
            assertThat(a.get("accessedBy").asText()).isEqualTo("desk-slagelse");
            assertThat(a.get("purpose").asText()).isEqualTo("Opslag i CPR for adresse");
        });
    }

    @Test
    void helpRequestedForAnInquiryNotAtSelfServiceIsAConflict() throws Exception {
        String id = json.readTree(post("agent-slagelse", A_PHONE_CALL, null).getBody()).get("id").asText();
        ResponseEntity<String> response = http.withBasicAuth("agent-slagelse", "demo").exchange(
                "/api/inquiries/" + id + "/help-requests", HttpMethod.POST, jsonEntity("{}", null), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody()).contains("selvbetjening");
    }

    private ResponseEntity<String> post(String user, String body, String idempotencyKey) {
        return http.withBasicAuth(user, "demo").exchange("/api/inquiries", HttpMethod.POST,
                jsonEntity(body, idempotencyKey), String.class);
    }

    private ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

    private static HttpEntity<String> jsonEntity(String body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return new HttpEntity<>(body, headers);
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from inquiry", Integer.class);
    }
}
