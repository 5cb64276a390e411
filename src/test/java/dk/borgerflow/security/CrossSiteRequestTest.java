package dk.borgerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A browser that once logged in with HTTP Basic sends those credentials with every later request,
 * also when another site makes it post to us. Such requests are refused and change nothing; clients
 * that are not browsers (no Origin, no Sec-Fetch-Site: curl, Camunda Modeler) and our own pages keep
 * working. The headers are set as a browser sets them.
 */
@BorgerflowTest
class CrossSiteRequestTest {

    static final String A_PHONE_CALL = """
            {"municipality":"slagelse","channel":"PHONE","topic":"housing-benefit",
             "summary":"Spørger til boligstøtte","citizen":{"name":"Mette Jensen","phone":"+45 20304050"}}""";
    static final String EVIL = "https://evil.example";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    ObjectMapper json;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aCrossSitePostToOurApiWithAWorkersCredentialsIsRefusedAndCreatesNoInquiry() throws Exception {
        int inquiries = inquiryRows();
        long processes = runtime.createProcessInstanceQuery().count();

        HttpResponse<String> response = postInquiry(browser(EVIL, "cross-site"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(403);
        assertThat(problem.get("detail").asText()).contains("Cross-site request refused");
        assertThat(inquiryRows()).isEqualTo(inquiries);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(processes);
    }

    @Test
    void aPostFromAnotherSiteInABrowserWithoutSecFetchHeadersIsRefusedByItsOrigin() throws Exception {
        int inquiries = inquiryRows();

        HttpResponse<String> response = postInquiry(Map.of("Origin", EVIL));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(inquiryRows()).isEqualTo(inquiries);
    }

    @Test
    void aPostFromASandboxedOrFilePageIsRefused() throws Exception {
        int inquiries = inquiryRows();

        HttpResponse<String> response = postInquiry(Map.of("Origin", "null"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(inquiryRows()).isEqualTo(inquiries);
    }

    @Test
    void aSameSitePostFromAnotherHostOfTheDomainIsRefusedUnlessConfigured() throws Exception {
        int inquiries = inquiryRows();

        HttpResponse<String> response = postInquiry(browser("https://intranet.example", "same-site"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(inquiryRows()).isEqualTo(inquiries);
    }

    @Test
    void theSameRequestFromCurlOrModelerOrOurOwnPagesIsServed() throws Exception {
        int inquiries = inquiryRows();

        assertThat(postInquiry(Map.of()).statusCode()).as("no browser headers").isEqualTo(201);
        assertThat(postInquiry(browser(ownOrigin(), "same-origin")).statusCode()).as("our own page").isEqualTo(201);
        assertThat(postInquiry(Map.of("Origin", ownOrigin())).statusCode()).as("older browser, own page")
                .isEqualTo(201);
        assertThat(inquiryRows()).isEqualTo(inquiries + 3);
    }

    @Test
    void aCrossSiteReadIsServedBecauseTheBrowserKeepsTheAnswerFromTheOtherSite() throws Exception {
        HttpResponse<String> response = http.send(request("/api/inquiries?size=1", "agent-slagelse",
                browser(EVIL, "cross-site")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aCrossSitePostToEngineRestIsRefusedInEngineRestsShapeAndCreatesNoUser() throws Exception {
        String userId = "forged-" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"profile":{"id":"%s","firstName":"Forged","lastName":"User"},"credentials":{"password":"demo"}}"""
                .formatted(userId);

        HttpResponse<String> forged = http.send(request("/engine-rest/user/create", "admin", browser(EVIL, "cross-site"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(403);
        JsonNode error = json.readTree(forged.body());
        assertThat(error.get("type").asText()).isEqualTo("CrossSiteRequestRefused");
        assertThat(error.get("message").asText()).contains("Cross-site request refused");
        assertThat(identity.createUserQuery().userId(userId).count()).isZero();

        HttpResponse<String> modeler = http.send(request("/engine-rest/user/create", "admin", Map.of())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        try {
            assertThat(modeler.statusCode()).as(modeler.body()).isEqualTo(204);
        } finally {
            identity.deleteUser(userId);
        }
    }

    @Test
    void aCrossSiteLoginOrTaskCompletionThroughTheWebappsApiIsRefused() throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", EVIL)
                .header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(login.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        assertThat(json.readTree(login.body()).get("type").asText()).isEqualTo("CrossSiteRequestRefused");
    }

    // ---- helpers ----

    private static Map<String, String> browser(String origin, String secFetchSite) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Origin", origin);
        headers.put("Sec-Fetch-Site", secFetchSite);
        headers.put("Sec-Fetch-Mode", "cors");
        return headers;
    }

    private HttpResponse<String> postInquiry(Map<String, String> browserHeaders) throws Exception {
        return http.send(request("/api/inquiries", "agent-slagelse", browserHeaders)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(A_PHONE_CALL)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String user, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        headers.forEach(builder::header);
        return builder;
    }

    private int inquiryRows() {
        return jdbc.queryForObject("select count(*) from inquiry", Integer.class);
    }

    private String ownOrigin() {
        return "http://127.0.0.1:" + port;
    }

    private String baseUrl() {
        return ownOrigin();
    }
}
