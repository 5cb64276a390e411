package dk.borgerflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's first-admin setup is closed for good: its page ({@code /camunda/app/admin/{engine}/setup/})
 * and its API ({@code POST /camunda/api/admin/setup/{engine}/user/create}) answer 404. Camunda opens
 * them to anyone, without login, whenever no member of {@code camunda-admin} exists: on an empty
 * database before {@code AdminBootstrap} has run, or after the last admin was deleted. Borgerflow
 * creates its administrator from {@code BORGERFLOW_ADMIN_PASSWORD} (or the demo profile's users).
 */
class CamundaSetupClosed extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CamundaSetupClosed.class);

    private final Pattern setup;

    CamundaSetupClosed(String webappPath) {
        String app = Pattern.quote(webappPath);
        this.setup = Pattern.compile(app + "/api/admin/setup(/.*)?|" + app + "/app/admin/[^/]+/setup(/.*)?");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = RequestPaths.of(request);
        if (!setup.matcher(path).matches()) {
            chain.doFilter(request, response);
            return;
        }
        log.info("Refused Camunda's first-admin setup: {} {}", request.getMethod(), path);
        response.sendError(404);
    }
}
