package dk.borgerflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request is served with a half-initialised identity. Tomcat accepts connections before the
 * start-up tasks have run ({@code ApplicationReadyEvent}: role groups and grants, tenants, the admin,
 * demo users, Tasklist filters); in that window engine-rest, the webapps and our API would work
 * against an identity without its users, groups and grants, and Camunda's first-admin setup would be
 * open. Spring Boot reports {@link ReadinessState#ACCEPTING_TRAFFIC} right after the last ready
 * listener (and {@code REFUSING_TRAFFIC} again when the application shuts down); until then every
 * request except the health probes ({@code /actuator/health/**}, which report the state) gets 503
 * with {@code Retry-After}.
 */
class ReadinessGate extends OncePerRequestFilter {

    private final ApplicationAvailability availability;
    private final String webappApiPrefix;
    private final long retryAfterSeconds;
    private final ObjectMapper json;

    ReadinessGate(ApplicationAvailability availability, String webappPath, Duration retryAfter, ObjectMapper json) {
        this.availability = availability;
        this.webappApiPrefix = webappPath + "/api/";
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = RequestPaths.of(request);
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(503);
        response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
        String path = RequestPaths.of(request);
        String detail = "Borgerflow is starting or stopping; try again in " + retryAfterSeconds + " seconds.";
        if (path.startsWith("/api/") || path.equals("/api")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Map.of("type", "about:blank", "status", 503,
                    "title", "Ikke klar", "detail", detail));
        } else if (path.startsWith("/engine-rest") || path.startsWith(webappApiPrefix)) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Map.of("type", "ServiceUnavailable", "message", detail));
        } else {
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write("Borgerflow starter op eller lukker ned. Prøv igen om et øjeblik.\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
    }
}
