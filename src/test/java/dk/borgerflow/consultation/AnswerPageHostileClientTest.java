package dk.borgerflow.consultation;

import static dk.borgerflow.consultation.ConsultationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.testsupport.RawHttp;
import dk.borgerflow.testsupport.RawHttp.Request;
import dk.borgerflow.testsupport.RawHttp.Response;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public answer page against hostile clients, over real sockets (declared lengths that the
 * body never reaches, chunked uploads, duplicate fields, other client addresses). Every test checks
 * that nothing was stored: answers, attachments, audit entries and ended branch processes.
 */
@BorgerflowTest
class AnswerPageHostileClientTest {

    @LocalServerPort
    int port;
    @Autowired
    ConsultationService consultations;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AnswerPageProperties limits;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    RawHttp raw;

    @BeforeEach
    void client() {
        raw = new RawHttp("127.0.0.1", port);
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void endRunningConsultations() {
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        cancelRunningConsultations(engine.getRuntimeService());
    }

    @Test
    void anUnknownLinkIsRefusedBeforeAByteOfTheUploadIsRead() throws Exception {
        prepare();
        Map<String, Long> before = stored();
        byte[] start = java.util.Arrays.copyOf(multipart("answer", "Falsk svar", "file", "%PDF-1.4 " + "x".repeat(2_000)), 1_024);

        // the client announces 5 MB and sends 1 KB: a server that read the body first would wait for the rest
        Response response = raw.send(Request.post("/hearing/answer/" + AnswerTokens.newToken(), MULTIPART, start)
                .declaring(5_000_000), "127.0.11.1", Duration.ofSeconds(5));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.text()).contains("Linket findes ikke");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aUsedLinkIsRefusedBeforeTheUploadIsRead() throws Exception {
        String token = userCouncilTokenOf(prepare());
        assertThat(raw.send(Request.post("/hearing/answer/" + token, FORM, form("answer", "Vi støtter forslaget.")),
                "127.0.11.2", Duration.ofSeconds(30)).status()).isEqualTo(200);
        Map<String, Long> before = stored();
        byte[] start = java.util.Arrays.copyOf(multipart("answer", "Nyt svar", "file", "%PDF-1.4 " + "x".repeat(2_000)), 1_024);

        Response response = raw.send(Request.post("/hearing/answer/" + token, MULTIPART, start).declaring(5_000_000),
                "127.0.11.2", Duration.ofSeconds(5));

        assertThat(response.status()).isEqualTo(410);
        assertThat(response.text()).contains("allerede afgivet");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aDeclaredBodyOverTheLimitIsA413BeforeItIsRead() throws Exception {
        ConsultationService.Prepared prepared = prepare();
        Map<String, Long> before = stored();

        Response response = raw.send(Request.post("/hearing/answer/" + userCouncilTokenOf(prepared), MULTIPART,
                multipart("answer", "Svar")).declaring(limits.maxRequestBody().toBytes() + 1), "127.0.11.3",
                Duration.ofSeconds(5));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.text()).contains("Svaret er for stort").contains("10 MB");
        assertThat(stored()).isEqualTo(before);
        assertThat(userCouncil(prepared).status()).isEqualTo(ConsulteeStatus.AWAITING);
    }

    @Test
    void aChunkedUploadOverTheLimitIsA413AndStoresNothing() throws Exception {
        ConsultationService.Prepared prepared = prepare();
        Map<String, Long> before = stored();
        byte[] huge = multipart("answer", "Se bilag", "file", "%PDF-1.4 " + "x".repeat(13 * 1024 * 1024));

        Response response = raw.send(Request.post("/hearing/answer/" + userCouncilTokenOf(prepared), MULTIPART, huge)
                .chunkedBody(), "127.0.11.4", Duration.ofSeconds(60));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.text()).contains("Svaret er for stort");
        assertThat(stored()).isEqualTo(before);
        assertThat(userCouncil(prepared).status()).isEqualTo(ConsulteeStatus.AWAITING);
    }

    @Test
    void aFormBodyOverTheFormLimitIsA413AndStoresNothing() throws Exception {
        ConsultationService.Prepared prepared = prepare();
        Map<String, Long> before = stored();

        Response response = raw.send(Request.post("/hearing/answer/" + userCouncilTokenOf(prepared), FORM,
                form("answer", "x".repeat(3 * 1024 * 1024))), "127.0.11.5", Duration.ofSeconds(30));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.text()).contains("Svaret er for stort");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aClientOverTheRateLimitGets429WithRetryAfterOnGetAndPostAndOtherClientsAreServed() throws Exception {
        ConsultationService.Prepared prepared = prepare();
        String token = userCouncilTokenOf(prepared);
        String client = "127.0.12.1";
        for (int i = 0; i < limits.requestsPerMinute(); i++) {
            assertThat(raw.send(Request.get("/hearing/answer/" + AnswerTokens.newToken()), client, Duration.ofSeconds(10))
                    .status()).as("request %d of %d", i + 1, limits.requestsPerMinute()).isEqualTo(404);
        }
        Map<String, Long> before = stored();

        Response get = raw.send(Request.get("/hearing/answer/" + token), client, Duration.ofSeconds(10));
        Response post = raw.send(Request.post("/hearing/answer/" + token, FORM, form("answer", "Svar")), client,
                Duration.ofSeconds(10));

        for (Response refused : new Response[] {get, post}) {
            assertThat(refused.status()).isEqualTo(429);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(refused.header("Content-Type")).startsWith("text/html");
            assertThat(refused.text()).contains("For mange forsøg").contains("Vent").doesNotContain("Kanalstrategi");
        }
        assertThat(stored()).isEqualTo(before);
        assertThat(userCouncil(prepared).status()).isEqualTo(ConsulteeStatus.AWAITING);
        assertThat(raw.send(Request.get("/hearing/answer/" + token), "127.0.12.2", Duration.ofSeconds(10)).status())
                .as("another client").isEqualTo(200);
    }

    @Test
    void aDuplicatedAnswerFieldIsRefusedAndStoresNothing() throws Exception {
        ConsultationService.Prepared prepared = prepare();
        Map<String, Long> before = stored();

        Response response = raw.send(Request.post("/hearing/answer/" + userCouncilTokenOf(prepared), FORM,
                form("answer", "Vi støtter", "answer", "Vi er imod")), "127.0.11.6", Duration.ofSeconds(30));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).contains("sendt flere gange").contains("<form");
        assertThat(stored()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            NUL             | answer   | Vi støtter%00forslaget
            U+FFFF          | answer   | Vi støtter%EF%BF%BFforslaget
            U+FFFE          | answer   | Vi støtter%EF%BF%BEforslaget
            U+FDD0          | answer   | Vi støtter%EF%B7%90forslaget
            NUL             | signedBy | Hanne%00Holm
            """)
    void textThatCannotBeStoredIsRefusedWithADanishMessageAndStoresNothing(String what, String field, String encoded)
            throws Exception {
        ConsultationService.Prepared prepared = prepare();
        Map<String, Long> before = stored();
        String body = "answer".equals(field) ? "answer=" + encoded + "&signedBy=Hanne+Holm"
                : "answer=Vi+st%C3%B8tter&signedBy=" + encoded;

        Response response = raw.send(Request.post("/hearing/answer/" + userCouncilTokenOf(prepared), FORM,
                body.getBytes(StandardCharsets.US_ASCII)), "127.0.11.7", Duration.ofSeconds(30));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).contains("indeholder tegn, der ikke kan gemmes")
                .contains("answer".equals(field) ? "Høringssvaret" : "Afsenderens navn");
        assertThat(stored()).isEqualTo(before);
        assertThat(userCouncil(prepared).status()).isEqualTo(ConsulteeStatus.AWAITING);
    }

    @Test
    void aBodyThatIsNotTheFormIsA415AndStoresNothing() throws Exception {
        ConsultationService.Prepared prepared = prepare();
        Map<String, Long> before = stored();

        Response response = raw.send(Request.post("/hearing/answer/" + userCouncilTokenOf(prepared), "text/plain",
                "answer=Vi støtter".getBytes(StandardCharsets.UTF_8)), "127.0.11.8", Duration.ofSeconds(30));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.text()).contains("Svaret kunne ikke læses");
        assertThat(stored()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            lone surrogate in the title        | title              | "title":"Service- og kanalstrategi 2027" ; "title":"Strategi \\ud800"
            noncharacter in the proposal       | proposal           | "proposal":"Borgerservice ; "proposal":"\\uffffBorgerservice
            U+FFFE in the name of a consultee  | consultees[0].name | "Socialudvalget" ; "Social\\ufffeudvalget"
            NUL in the name of a consultee     | consultees[0].name | "Socialudvalget" ; "Social\\u0000udvalget"
            """)
    void theApiRefusesTextTheNotatCannotHoldNamingTheField(String situation, String field, String replacement)
            throws Exception {
        String[] fromTo = replacement.split(";", -1);
        String valid = ConsultationApiTest.channelStrategy();
        String payload = valid.replace(fromTo[0].trim(), fromTo[1].trim());
        assertThat(payload).as("the replacement applies").isNotEqualTo(valid);
        long rows = jdbc.queryForObject("select count(*) from consultation", Long.class);

        ResponseEntity<String> response = apiCall("secretariat-slagelse", HttpMethod.POST, "/api/consultations", payload);

        assertThat(response.getStatusCode()).as(situation).isEqualTo(HttpStatus.BAD_REQUEST);
        var problem = json.readTree(response.getBody());
        assertThat(problem.get("field").asText()).isEqualTo(field);
        assertThat(problem.get("detail").asText()).containsAnyOf("NUL", "surrogate", "noncharacter");
        assertThat(jdbc.queryForObject("select count(*) from consultation", Long.class)).isEqualTo(rows);
    }

    @Test
    void theApiRefusesACommentTheNotatCannotHold() throws Exception {
        ConsultationService.Prepared prepared = prepare();
        String councilId = userCouncil(prepared).id();

        ResponseEntity<String> response = apiCall("secretariat-slagelse", HttpMethod.PUT, "/api/consultations/"
                + prepared.consultation().id() + "/consultees/" + councilId + "/comment", "{\"comment\":\"Enig\\uffff\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).get("field").asText()).isEqualTo("comment");
        assertThat(userCouncil(prepared).adminComment()).isNull();
    }

    @Test
    void aNotatSummaryWithANulCharacterIsRefusedInTasklistAndTheTaskStays() {
        ConsultationService.Prepared prepared = prepare();
        var main = closeAllBranchesAtTheSvarfrist(prepared);
        var compile = BpmnAwareTests.task(main);

        assertThatThrownBy(() -> engine.getTaskService().complete(compile.getId(),
                BpmnAwareTests.withVariables("notatSummary", "Ingen\u0000svar.")))
                .hasMessageContaining("Bemærkningerne indeholder tegn, der ikke kan gemmes");

        assertThat(engine.getTaskService().createTaskQuery().taskId(compile.getId()).count()).isOne();
        Consultation after = consultations.get(prepared.consultation().id(), theSecretariatOfSlagelse());
        assertThat(after.status()).isEqualTo(ConsultationStatus.COMPILING);
        assertThat(after.notatSummary()).isNull();
    }

    /**
     * Text stored before input was checked (or written by a path that does not check) must not break
     * the notat: control characters, NUL, U+FFFE/U+FFFF, lone surrogates, a 3000-letter word, RTL
     * text, combining marks, emoji, bidi overrides. The HTML is well-formed XML, the PDF parses,
     * shows the answers and keeps every letter on the page.
     */
    @Test
    void theNotatRendersWhateverWasStoredAsHtmlAndPdfWithLongWordsBrokenOnThePage() throws Exception {
        ConsultationService.Prepared prepared = prepare();
        String token = userCouncilTokenOf(prepared);
        assertThat(raw.send(Request.post("/hearing/answer/" + token, FORM, form("answer", "Foreløbigt svar")),
                "127.0.11.9", Duration.ofSeconds(30)).status()).isEqualTo(200);
        String id = prepared.consultation().id();
        String longWord = "Kommunalbestyrelsesmedlem".repeat(120);
        String hostile = "Ctl\u0001\u0007\u001b\u007f\u0085 NUL\u0000 FFFE\ufffe FFFF\uffff lone\ud800 low\udc00 "
                + "RTL مرحبا بالعالم שלום combining e\u0301\u0308 Z\u0336 emoji 🙂👍🏽 bidi\u202e reversed\u202c "
                + "Łukasz Ğül Ærø";
        jdbc.update("update consultation set title = ?, proposal = ?, notat_summary = ? where id = ?",
                "Titel " + "Høringsnotatsoverskrift".repeat(12) + " \u0007\uffff", "FORSLAG " + hostile + " " + longWord,
                "RESUME " + hostile, id);
        jdbc.update("update consultation_consultee set answer_text = ?, answered_by = ?, admin_comment = ?, name = ? "
                + "where consultation_id = ? and name = ?", "SVARTEKST " + hostile + " " + longWord, "Hanne\u0000Holm",
                "KOMMENTAR " + hostile, "Brugerrådet\ufffe\ud800", id, USER_COUNCIL);

        ResponseEntity<String> html = http.withBasicAuth("secretariat-slagelse", "demo")
                .getForEntity("/api/consultations/" + id + "/notat", String.class);
        assertThat(html.getStatusCode()).isEqualTo(HttpStatus.OK);
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new java.io.StringReader(html.getBody())));
        assertThat(html.getBody()).contains("SVARTEKST Ctl").contains("مرحبا بالعالم").contains("🙂")
                .contains("KOMMENTAR").contains("RESUME").contains(longWord).doesNotContain("\u0000").doesNotContain("\uffff");

        ResponseEntity<byte[]> pdf = http.withBasicAuth("secretariat-slagelse", "demo")
                .getForEntity("/api/consultations/" + id + "/notat.pdf", byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        PdfText text = PdfText.of(pdf.getBody());
        assertThat(text.text()).contains("SVARTEKST").contains("FORSLAG").contains("KOMMENTAR").contains("RESUME")
                .contains("Łukasz Ğül Ærø").contains("Brugerrådet");
        assertThat(text.text().replaceAll("\\s", "")).contains(longWord);
        assertThat(text.rightmostLetter()).as("rightmost letter vs. page width %s", text.pageWidth())
                .isLessThanOrEqualTo(text.pageWidth());
    }

    /** The text of a PDF, and how far right its rightmost letter reaches. */
    record PdfText(String text, float rightmostLetter, float pageWidth) {

        static PdfText of(byte[] pdf) throws java.io.IOException {
            try (var document = org.apache.pdfbox.pdmodel.PDDocument.load(pdf)) {
                float[] right = {0};
                var stripper = new org.apache.pdfbox.text.PDFTextStripper() {
                    @Override
                    protected void writeString(String text, java.util.List<org.apache.pdfbox.text.TextPosition> letters)
                            throws java.io.IOException {
                        for (var letter : letters) {
                            right[0] = Math.max(right[0], letter.getXDirAdj() + letter.getWidthDirAdj());
                        }
                        super.writeString(text, letters);
                    }
                };
                String text = stripper.getText(document);
                return new PdfText(text, right[0], document.getPage(0).getMediaBox().getWidth());
            }
        }
    }

    private org.camunda.bpm.engine.runtime.ProcessInstance closeAllBranchesAtTheSvarfrist(
            ConsultationService.Prepared prepared) {
        var main = BpmnAwareTests.runtimeService().createProcessInstanceQuery()
                .processInstanceId(prepared.consultation().processInstanceId()).singleResult();
        for (var branch : BpmnAwareTests.runtimeService().createProcessInstanceQuery()
                .superProcessInstanceId(main.getId()).list()) {
            var deadline = BpmnAwareTests.job(ConsultationConstants.TIMER_DEADLINE, branch);
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(
                    deadline.getDuedate().getTime() + 60_000));
            BpmnAwareTests.execute(deadline);
        }
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        return main;
    }

    // ---- helpers ----

    static final String MULTIPART = "multipart/form-data; boundary=----borgerflow";
    static final String FORM = "application/x-www-form-urlencoded";

    /** Text fields, then (for the name "file") a PDF file part. */
    static byte[] multipart(String... pairs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            String disposition = "file".equals(pairs[i])
                    ? "form-data; name=\"file\"; filename=\"bilag.pdf\"\r\nContent-Type: application/pdf"
                    : "form-data; name=\"" + pairs[i] + "\"";
            out.writeBytes(("------borgerflow\r\nContent-Disposition: " + disposition + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(pairs[i + 1].getBytes(StandardCharsets.UTF_8));
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes("------borgerflow--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static byte[] form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** What an accepted answer changes: answers, attachments, audit entries, ended branch processes. */
    Map<String, Long> stored() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("answers", jdbc.queryForObject(
                "select count(*) from consultation_consultee where answer_text is not null", Long.class));
        counts.put("attachments", jdbc.queryForObject("select count(*) from consultation_attachment", Long.class));
        counts.put("audit entries", jdbc.queryForObject("select count(*) from consultation_audit", Long.class));
        counts.put("ended processes", jdbc.queryForObject(
                "select count(*) from act_hi_procinst where end_time_ is not null", Long.class));
        return counts;
    }

    private ResponseEntity<String> apiCall(String user, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private ConsultationService.Prepared prepare() {
        return consultations.prepare(aConsultationOfTheSocialCommitteeAndTheUserCouncil(), theSecretariatOfSlagelse());
    }

    private Consultee userCouncil(ConsultationService.Prepared prepared) {
        return consultations.get(prepared.consultation().id(), theSecretariatOfSlagelse()).consultees().stream()
                .filter(c -> c.name().equals(USER_COUNCIL)).findFirst().orElseThrow();
    }

    private static String userCouncilTokenOf(ConsultationService.Prepared prepared) {
        String id = prepared.consultation().consultees().stream().filter(c -> c.name().equals(USER_COUNCIL))
                .findFirst().orElseThrow().id();
        return prepared.tokensByConsulteeId().get(id);
    }
}
