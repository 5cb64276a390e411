package dk.borgerflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.borgerflow.testsupport.HostileRequests.HostileRequest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sends one {@link HostileRequest} to a {@link FuzzTarget} over real HTTP and checks what every
 * answer must satisfy: never a 5xx; every 4xx is {@code application/problem+json} with its status;
 * a refused request leaves every count of the target unchanged; an accepted one (201) adds at most one.
 */
public final class HostileInputHarness {

    private final String baseUrl;
    private final JdbcTemplate jdbc;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HostileInputHarness(String baseUrl, JdbcTemplate jdbc) {
        this.baseUrl = baseUrl;
        this.jdbc = jdbc;
    }

    /** Answers the status, after checking the invariants (AssertJ failures name the request). */
    public int check(FuzzTarget target, HostileRequest request) throws Exception {
        Map<String, Long> before = counts(target);
        HttpResponse<String> response = send(target, request);
        Map<String, Long> after = counts(target);
        int status = response.statusCode();
        String what = request + "\n -> " + status + " " + response.headers().firstValue("Content-Type").orElse("")
                + " " + response.body();

        assertThat(status).as("no 5xx: " + what).isLessThan(500);
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as("4xx as problem+json: " + what).startsWith("application/problem+json");
            JsonNode problem = HostileRequests.JSON.readTree(response.body());
            assertThat(problem.path("status").asInt()).as("problem status: " + what).isEqualTo(status);
            assertThat(response.body()).as("no internals: " + what).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(after).as("a refused request writes nothing: " + what).isEqualTo(before);
        } else if (status == 201) {
            before.forEach((name, count) -> assertThat(after.get(name)).as(name + " after 201: " + what)
                    .isBetween(count, count + 1));
        } else {
            assertThat(after).as("a repeat (200) writes nothing: " + what).isEqualTo(before);
        }
        return status;
    }

    private HttpResponse<String> send(FuzzTarget target, HostileRequest request) throws Exception {
        HttpRequest.BodyPublisher body = request.chunked()
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body()))
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + target.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((target.user() + ":demo").getBytes(StandardCharsets.UTF_8)))
                .POST(body);
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        request.headers().forEach(builder::header);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Long> counts(FuzzTarget target) {
        Map<String, Long> counts = new LinkedHashMap<>();
        target.counts().forEach((name, sql) -> counts.put(name, jdbc.queryForObject(sql, Long.class)));
        return counts;
    }
}
