package dk.borgerflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser sends the HTTP Basic credentials it once used for this site with every later request
 * to it, also when another web site makes it send one (a form posted to us, a {@code fetch}). So an
 * unsafe request (anything but GET, HEAD, OPTIONS, TRACE) to our API ({@code /api}), engine-rest
 * and the webapps' API ({@code /camunda/api}) is refused with 403 when the browser says it comes
 * from another site:
 * <ul>
 * <li>{@code Sec-Fetch-Site} (set by every current browser, no page can forge it): {@code same-origin}
 * and {@code none} (typed by the user) pass; {@code same-site} only with
 * {@code borgerflow.security.cross-site.allow-same-site}; {@code cross-site} is refused;
 * <li>without it (older browsers), an {@code Origin} header must be the request's own origin;
 * <li>an {@code Origin} listed in {@code borgerflow.security.cross-site.allowed-origins} always passes.
 * </ul>
 * Requests with neither header are not from a web page (curl, Camunda Modeler, Java clients) and
 * pass: their credentials are not ambient. The webapps' session is also guarded by Camunda's CSRF
 * token; this is a second, independent line there. The public answer page ({@code /hearing}) has no
 * ambient credentials (the link's token is the credential) and Spring's CSRF token on its forms, so
 * it is left out.
 */
class CrossSiteRequestGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CrossSiteRequestGuard.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final CrossSiteProperties settings;
    private final String webappApiPrefix;
    private final ObjectMapper json;

    CrossSiteRequestGuard(CrossSiteProperties settings, String webappPath, ObjectMapper json) {
        this.settings = settings;
        this.webappApiPrefix = webappPath + "/api/";
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return true;
        }
        String path = RequestPaths.of(request);
        return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/engine-rest/")
                || path.equals("/engine-rest") || path.startsWith(webappApiPrefix));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = refusal(request);
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        String path = RequestPaths.of(request);
        log.info("Refused cross-site {} {}: {}", request.getMethod(), path, refusal);
        response.setStatus(403);
        String detail = "Cross-site request refused (" + refusal + "): send it from this site's own pages "
                + "or from a client that is not a browser.";
        if (path.startsWith("/api")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Map.of("type", "about:blank", "status", 403,
                    "title", "Ingen adgang", "detail", detail));
        } else {
            // engine-rest's own error shape (the webapps' API uses it too)
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Map.of("type", "CrossSiteRequestRefused", "message", detail));
        }
    }

    /** Why the request is refused, or {@code null} when it may pass. */
    String refusal(HttpServletRequest request) {
        String originHeader = request.getHeader("Origin");
        String origin = originHeader == null ? null : CrossSiteProperties.origin(originHeader);
        if (origin != null && settings.allowedOrigins().contains(origin)) {
            return null;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return switch (site.trim().toLowerCase(Locale.ROOT)) {
                case "same-origin", "none" -> null;
                case "same-site" -> settings.allowSameSite() ? null : "Sec-Fetch-Site: same-site";
                default -> "Sec-Fetch-Site: cross-site";
            };
        }
        if (originHeader == null) {
            return null;
        }
        String own = CrossSiteProperties.origin(request.getScheme(), request.getServerName(), request.getServerPort());
        return own.equals(origin) ? null : "Origin is another site";
    }
}
