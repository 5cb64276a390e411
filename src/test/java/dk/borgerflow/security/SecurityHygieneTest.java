package dk.borgerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.BorgerflowTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

@BorgerflowTest
class SecurityHygieneTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void apiAndSwaggerAnswerWithSecurityHeadersAndOurContentSecurityPolicy() {
        for (String path : List.of("/v3/api-docs", "/swagger-ui/index.html", "/actuator/health")) {
            HttpHeaders headers = http.getForEntity(path, String.class).getHeaders();
            assertThat(headers.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(headers.getFirst("X-Frame-Options")).as(path).isEqualTo("SAMEORIGIN");
            assertThat(headers.getFirst("Referrer-Policy")).as(path).isEqualTo("same-origin");
            assertThat(headers.getFirst("Permissions-Policy")).as(path).contains("camera=()");
            assertThat(headers.get("Content-Security-Policy")).as(path)
                    .containsExactly(SecurityConfig.CONTENT_SECURITY_POLICY);
        }
    }

    @Test
    void camundaWebappsKeepTheirOwnNonceBasedContentSecurityPolicyAlone() {
        ResponseEntity<String> tasklist = http.getForEntity("/camunda/app/tasklist/default/", String.class);

        assertThat(tasklist.getStatusCode().value()).isEqualTo(200);
        List<String> policies = tasklist.getHeaders().get("Content-Security-Policy");
        assertThat(policies).hasSize(1);
        assertThat(policies.get(0)).contains("nonce-").isNotEqualTo(SecurityConfig.CONTENT_SECURITY_POLICY);
        assertThat(tasklist.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void unknownPathsAnswerWithoutInternals() {
        for (String path : List.of("/no-such-page-" + System.nanoTime(), "/api/no-such-resource")) {
            ResponseEntity<String> response = http.withBasicAuth("admin", "demo").getForEntity(path, String.class);
            assertThat(response.getStatusCode().value()).as(path).isEqualTo(404);
            assertThat(String.valueOf(response.getBody())).as(path)
                    .doesNotContain("trace").doesNotContain("Exception").doesNotContain("at org.");
        }
    }

    @Test
    void engineRestRequiresAuthentication() {
        assertThat(http.getForEntity("/engine-rest/user/count", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.withBasicAuth("admin", "demo").getForEntity("/engine-rest/user/count", String.class)
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void prometheusMetricsAreForAdminsAndManagersOnly() {
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.withBasicAuth("agent-slagelse", "demo").getForEntity("/actuator/prometheus", String.class)
                .getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> metrics = http.withBasicAuth("manager", "demo")
                .getForEntity("/actuator/prometheus", String.class);
        assertThat(metrics.getStatusCode().value()).isEqualTo(200);
        assertThat(metrics.getBody()).contains("jvm_memory_used_bytes").contains("hikaricp_connections")
                .contains("borgerflow_tasks_open").contains("borgerflow_incidents_open")
                .contains("borgerflow_jobs_failed").contains("borgerflow_jobs_due");
    }

    @Test
    void healthShowsDatabaseAndJobExecutorToAdmins() {
        String anonymous = http.getForObject("/actuator/health", String.class);
        assertThat(anonymous).contains("\"status\"").doesNotContain("jobExecutor");
        String agent = http.withBasicAuth("agent-slagelse", "demo").getForObject("/actuator/health", String.class);
        assertThat(agent).contains("\"status\"").doesNotContain("jobExecutor").doesNotContain("\"db\"");
        String admin = http.withBasicAuth("admin", "demo").getForObject("/actuator/health", String.class);
        assertThat(admin).contains("\"db\"").contains("\"processEngine\"")
                // the tests switch the job executor off on purpose: reported, not DOWN
                .contains("\"jobExecutor\":{\"status\":\"UP\",\"details\":{\"enabled\":false");
    }
}
