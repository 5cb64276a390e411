package dk.borgerflow.consultation;

import static dk.borgerflow.consultation.ConsultationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/** The consultation API over real HTTP: creation, validation, tenant scoping, the høringsnotat as HTML and PDF. */
@BorgerflowTest
class ConsultationApiTest {

    static final String CHANNEL_STRATEGY = """
            {"municipality":"slagelse","title":"Service- og kanalstrategi 2027",
             "proposal":"Borgerservice og kontaktcenter samles <script>alert(1)</script> & telefontiden udvides.",
             "deadline":"%s","decidingGroup":"committee-finance",
             "consultees":[
               {"name":"Socialudvalget","role":"ANSWER","group":"committee-social"},
               {"name":"Sundheds- og Omsorgsudvalget","role":"ANSWER","group":"committee-health"},
               {"name":"Kultur- og Fritidsudvalget","role":"ANSWER","group":"committee-culture"},
               {"name":"Det Sociale Brugerråd","role":"ANSWER","email":"brugerraadet@example.dk"},
               {"name":"HSU","role":"INFORM","group":"hsu"}]}""";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ObjectMapper json;

    @org.junit.jupiter.api.AfterEach
    void endRunningConsultations() {
        cancelRunningConsultations(runtime);
    }

    static String channelStrategy() {
        return CHANNEL_STRATEGY.formatted(aSvarfristInThreeWeeks());
    }

    @Test
    void theSecretariatSendsAConsultationAndGetsTheAnswerLinkOfTheExternalConsultee() throws Exception {
        ResponseEntity<String> created = post("secretariat-slagelse", "/api/consultations", channelStrategy());

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = json.readTree(created.getBody());
        String id = body.get("id").asText();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/consultations/" + id);
        assertThat(body.get("status").asText()).isEqualTo("OPEN");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(body.get("processInstanceId").asText())
                .singleResult().getTenantId()).isEqualTo("slagelse");
        JsonNode consultees = body.get("consultees");
        assertThat(consultees).hasSize(5);
        assertThat(consultees.get(0).get("role").asText()).isEqualTo("ANSWER");
        assertThat(consultees.get(0).get("status").asText()).isEqualTo("AWAITING");
        assertThat(consultees.get(0).has("answerUrl")).isFalse();
        assertThat(consultees.get(3).get("answerUrl").asText()).matches("http://localhost:\\d+/hearing/answer/[A-Za-z0-9_-]{43}");
        assertThat(consultees.get(4).get("status").asText()).isEqualTo("INFORMED");
        assertThat(consultees.get(4).has("answerUrl")).isFalse();

        ResponseEntity<String> fetched = get("secretariat-slagelse", "/api/consultations/" + id);
        assertThat(fetched.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(fetched.getBody()).doesNotContain("/hearing/answer/");
        assertThat(json.readTree(fetched.getBody()).get("audit").findValuesAsText("action")).contains("SENT", "INFORMED");
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            deadline in the past        | deadline               | "deadline":"@DEADLINE@" ; "deadline":"2020-01-01"
            malformed deadline          | deadline               | "deadline":"@DEADLINE@" ; "deadline":"next week"
            deadline years ahead        | deadline               | "deadline":"@DEADLINE@" ; "deadline":"+999999999-12-31"
            no answering consultee      | consultees             | "role":"ANSWER" ; "role":"INFORM"
            unknown group               | consultees[0].group    | "committee-social" ; "committee-astrology"
            unknown deciding group      | decidingGroup          | "committee-finance" ; "the-king"
            unknown role                | consultees[0].role     | {"name":"Socialudvalget","role":"ANSWER" ; {"name":"Socialudvalget","role":"VETO"
            group and email both        | consultees[0].group    | "group":"committee-social" ; "group":"committee-social","email":"a@b.dk"
            unknown municipality        | municipality           | "slagelse" ; "atlantis"
            missing title               | title                  | "title":"Service- og kanalstrategi 2027", ;
            """)
    void badInputIsA400NamingTheFieldAndStartsNothing(String situation, String field, String replacement)
            throws Exception {
        String[] fromTo = replacement.split(";", -1);
        String valid = channelStrategy();
        String payload = valid.replace(fromTo[0].trim().replace("@DEADLINE@", aSvarfristInThreeWeeks().toString()),
                fromTo[1].trim());
        assertThat(payload).as("the replacement applies").isNotEqualTo(valid);
        long processes = runtime.createProcessInstanceQuery().processDefinitionKey("consultation").count();
        int rows = rows();

        ResponseEntity<String> response = post("secretariat-slagelse", "/api/consultations", payload);

        assertThat(response.getStatusCode()).as(situation).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(response.getBody()).get("field").asText()).as(situation).isEqualTo(field);
        assertThat(rows()).isEqualTo(rows);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("consultation").count())
                .isEqualTo(processes);
    }

    @Test
    void onlyTheSecretariatProcessOwnersAndAdminsMayStartAConsultation() {
        int rows = rows();
        ResponseEntity<String> agent = post("agent-slagelse", "/api/consultations", channelStrategy());
        assertThat(agent.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rows()).isEqualTo(rows);
        assertThat(post("owner", "/api/consultations", channelStrategy()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void anotherMunicipalityNeitherStartsNorSeesTheConsultation() throws Exception {
        assertThat(post("secretariat-roskilde", "/api/consultations", channelStrategy()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        String id = json.readTree(post("secretariat-slagelse", "/api/consultations", channelStrategy()).getBody())
                .get("id").asText();

        assertThat(get("secretariat-roskilde", "/api/consultations/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("secretariat-roskilde", "/api/consultations/" + id + "/notat").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("secretariat-roskilde", "/api/consultations").getBody()).doesNotContain(id);
        assertThat(get("secretariat-slagelse", "/api/consultations").getBody()).contains(id);
        assertThat(http.getForEntity("/api/consultations/" + id, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theNotatListsAnswersLateFlagsAndCommentsAsEscapedHtmlAndAsPdf() throws Exception {
        JsonNode created = json.readTree(post("secretariat-slagelse", "/api/consultations", channelStrategy()).getBody());
        String id = created.get("id").asText();
        JsonNode council = created.get("consultees").get(3);
        String answerUrl = council.get("answerUrl").asText();
        http.postForEntity(answerUrl.substring(answerUrl.indexOf("/hearing")), form("answer",
                "Brugerrådet <b>støtter</b> personlig betjening.", "signedBy", "Hanne Holm"), String.class);
        ResponseEntity<String> commented = exchange("secretariat-slagelse", HttpMethod.PUT,
                "/api/consultations/" + id + "/consultees/" + council.get("id").asText() + "/comment",
                "{\"comment\":\"Administrationen er enig i æ, ø og å.\"}");
        assertThat(commented.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(commented.getBody()).get("answers").get(0).get("late").asBoolean()).isFalse();
        ResponseEntity<String> attached = attach(id, "forslag.pdf", pdfBytes());
        assertThat(attached.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(attach(id, "virus.exe", "MZ not a pdf".getBytes()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<String> html = get("secretariat-slagelse", "/api/consultations/" + id + "/notat");
        assertThat(html.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(html.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(html.getBody())
                .contains("Høringsnotat: Service- og kanalstrategi 2027")
                .contains("Brugerrådet &lt;b&gt;støtter&lt;/b&gt; personlig betjening.")
                .contains("&lt;script&gt;").doesNotContain("<script>")
                .contains("Administrationen er enig i æ, ø og å.")
                .contains("forslag.pdf")
                .contains("Socialudvalget").contains("afventer svar")
                .contains("Til orientering").contains("HSU");

        ResponseEntity<byte[]> pdf = http.withBasicAuth("secretariat-slagelse", "demo")
                .getForEntity("/api/consultations/" + id + "/notat.pdf", byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        String text = textOf(pdf.getBody());
        assertThat(text).contains("Høringsnotat: Service- og kanalstrategi 2027")
                .contains("Det Sociale Brugerråd")
                .contains("Brugerrådet <b>støtter</b> personlig betjening.")
                .contains("Hanne Holm")
                .contains("Administrationen er enig i æ, ø og å.")
                .contains("Kultur- og Fritidsudvalget");
    }

    private ResponseEntity<String> attach(String id, String filename, byte[] content) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth("secretariat-slagelse", "demo").postForEntity("/api/consultations/" + id
                + "/attachments", new HttpEntity<>(parts, headers), String.class);
    }

    @Autowired
    NotatRenderer renderer;

    private byte[] pdfBytes() {
        return renderer.pdf("<html><body><p>Bilag til forslaget</p></body></html>");
    }

    static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = PDDocument.load(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static HttpEntity<LinkedMultiValueMap<String, String>> form(String... pairs) {
        LinkedMultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            values.add(pairs[i], pairs[i + 1]);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return new HttpEntity<>(values, headers);
    }

    private int rows() {
        return jdbc.queryForObject("select count(*) from consultation", Integer.class)
                + jdbc.queryForObject("select count(*) from consultation_consultee", Integer.class);
    }

    private ResponseEntity<String> post(String user, String path, String body) {
        return exchange(user, HttpMethod.POST, path, body);
    }

    private ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

    private ResponseEntity<String> exchange(String user, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
