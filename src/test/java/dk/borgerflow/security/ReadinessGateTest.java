package dk.borgerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Until the start-up tasks have created users, groups and grants (Spring Boot reports readiness
 * after the last {@code ApplicationReadyEvent} listener), nothing but the health probes is served.
 * The window is too short to hit over HTTP at a real start, so the test switches the application's
 * readiness state back to REFUSING_TRAFFIC and restores it afterwards.
 */
@BorgerflowTest
class ReadinessGateTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ApplicationAvailability availability;
    @Autowired
    IdentityService identity;
    @Autowired
    ObjectMapper json;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void acceptTrafficAgain() {
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Test
    void beforeTheIdentityIsSetUpOurApiEngineRestAndTheWebappsAnswer503WithRetryAfter() throws Exception {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);

        HttpResponse<String> api = get("/api/inquiries", "admin");
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(api.body()).get("status").asInt()).isEqualTo(503);

        HttpResponse<String> engineRest = get("/engine-rest/task", "admin");
        assertThat(engineRest.statusCode()).isEqualTo(503);
        assertThat(json.readTree(engineRest.body()).get("type").asText()).isEqualTo("ServiceUnavailable");
        assertThat(engineRest.headers().firstValue("Retry-After")).isPresent();

        for (String page : new String[] {"/camunda/app/tasklist/default/", "/camunda/api/admin/auth/user/default",
                "/swagger-ui/index.html", "/actuator/prometheus"}) {
            HttpResponse<String> response = get(page, "admin");
            assertThat(response.statusCode()).as(page).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).as(page).isPresent();
        }
    }

    @Test
    void nothingIsWrittenWhileNotReady() throws Exception {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        String userId = "early-" + System.nanoTime();

        HttpResponse<String> create = http.send(request("/engine-rest/user/create", "admin")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"profile":{"id":"%s","firstName":"Early","lastName":"Bird"},"credentials":{"password":"demo"}}"""
                        .formatted(userId))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(create.statusCode()).isEqualTo(503);
        assertThat(identity.createUserQuery().userId(userId).count()).isZero();
    }

    @Test
    void theHealthProbesAreServedAndReportTheState() throws Exception {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);

        HttpResponse<String> readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("OUT_OF_SERVICE");
        assertThat(readiness.headers().firstValue("Retry-After")).isEmpty();
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health", null).body()).contains("OUT_OF_SERVICE");
    }

    @Test
    void onceReadyEverythingIsServedAgain() throws Exception {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        assertThat(get("/api/inquiries", "admin").statusCode()).isEqualTo(503);

        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);

        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(get("/api/inquiries", "admin").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }
}
