package dk.borgerflow.consultation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.filter.OrderedFormContentFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /hearing/answer/{token}} before anything reads the request body. Spring MVC's
 * multipart resolver parses an upload (spooling it to disk) before the controller sees the token,
 * so an unknown link would cost the server a full upload; here, in this order, for every method:
 * <ol>
 * <li>the rate limit of the client address (429 with {@code Retry-After});</li>
 * <li>the token: unknown 404, used or closed 410, from one indexed look-up of its hash; nothing of the
 *     body has been read;</li>
 * <li>only GET, HEAD and POST (405);</li>
 * <li>the declared size: over {@code max-request-body} 413, still unread;</li>
 * <li>for a POST: only the page's own form types (415), then the form is parsed here, so that
 *     an oversized (chunked) or malformed body gets a Danish page (413/400) and not an error.</li>
 * </ol>
 * The client address is {@link HttpServletRequest#getRemoteAddr()}: behind a proxy, Spring Boot's
 * forward-headers support ({@code server.forward-headers-strategy}) makes it the client's.
 * Runs before every filter that may read a body (Spring's {@code FormContentFilter} parses PUT and
 * DELETE form bodies, and answered a broken one with a 500, found by {@code HearingAnswerPageFuzzTest}),
 * so also before Spring Security: its own pages carry their security headers themselves.
 */
class AnswerPageGate extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AnswerPageGate.class);
    static final String PREFIX = "/hearing/answer";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST");

    private final ConsultationService consultations;
    private final AnswerPageRateLimit rateLimit;
    private final HearingPages pages;
    private final long maxBody;

    AnswerPageGate(ConsultationService consultations, AnswerPageRateLimit rateLimit, HearingPages pages,
            AnswerPageProperties properties) {
        this.consultations = consultations;
        this.rateLimit = rateLimit;
        this.pages = pages;
        this.maxBody = properties.maxRequestBody().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long wait = rateLimit.secondsToWait(request.getRemoteAddr());
        if (wait > 0) {
            pages.write(response, HearingPages.tooManyRequests(wait), Map.of(HttpHeaders.RETRY_AFTER, Long.toString(wait)));
            return;
        }
        HearingPages.Message refused = checkLink(token(request));
        if (refused != null) {
            pages.write(response, refused, Map.of());
            return;
        }
        if (!METHODS.contains(request.getMethod())) {
            pages.write(response, HearingPages.METHOD_NOT_ALLOWED, Map.of());
            return;
        }
        if (request.getContentLengthLong() > maxBody) {
            pages.write(response, HearingPages.TOO_LARGE, Map.of());
            return;
        }
        if ("POST".equals(request.getMethod())) {
            HearingPages.Message unreadable = parseForm(request);
            if (unreadable != null) {
                pages.write(response, unreadable, Map.of());
                return;
            }
            chain.doFilter(request, response);
        } else {
            chain.doFilter(new WithoutBody(request), response);
        }
    }

    /**
     * A GET or HEAD as the page reads it: without a content type, so that nothing downstream (Spring
     * MVC's multipart resolver would, and answered a GET declaring multipart with a 500) parses a body.
     */
    private static final class WithoutBody extends jakarta.servlet.http.HttpServletRequestWrapper {

        WithoutBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaders(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? java.util.Collections.emptyEnumeration()
                    : super.getHeaders(name);
        }
    }

    /** The one path segment after the prefix, or null (then the link is unknown). */
    private static String token(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(PREFIX + "/")) {
            return null;
        }
        String token = path.substring(PREFIX.length() + 1);
        return token.indexOf('/') >= 0 ? null : token;
    }

    private HearingPages.Message checkLink(String token) {
        if (token == null) {
            return HearingPages.UNKNOWN_LINK;
        }
        try {
            consultations.openAnswerLink(token);
            return null;
        } catch (ConsultationNotFound e) {
            return HearingPages.UNKNOWN_LINK;
        } catch (ConsultationClosed e) {
            return HearingAnswerPage.gone(e);
        }
    }

    /** Reads the form now (the container caches it for Spring MVC); null if it is readable. */
    private static HearingPages.Message parseForm(HttpServletRequest request) {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
        try {
            if (type.startsWith("multipart/form-data")) {
                request.getParts();
            } else if (type.startsWith("application/x-www-form-urlencoded")) {
                request.getParameterMap();
                if (request.getAttribute("org.apache.catalina.parameter_parse_failed") != null) {
                    // Tomcat drops all parameters of a body over server.tomcat.max-http-form-post-size (or malformed)
                    return request.getContentLengthLong() < 0 || request.getContentLengthLong() > 1024 * 1024
                            ? HearingPages.TOO_LARGE : HearingPages.UNREADABLE;
                }
            } else {
                return HearingPages.UNSUPPORTED_TYPE;
            }
            return null;
        } catch (IllegalStateException e) {
            // Tomcat: a part or the whole upload over spring.servlet.multipart.max-file-size / max-request-size,
            // or more parts / longer part headers than it allows
            log.debug("Answer page: upload refused: {}", e.getMessage());
            return tooLarge(e) ? HearingPages.TOO_LARGE : HearingPages.UNREADABLE;
        } catch (IOException | ServletException | RequestRejectedException e) {
            log.debug("Answer page: unreadable form: {}", e.getMessage());
            return HearingPages.UNREADABLE;
        }
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            String name = c.getClass().getSimpleName();
            if (name.contains("SizeLimitExceeded") || name.contains("SizeException")) {
                return true;
            }
        }
        return false;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** Only for the answer page; before the first filter that reads a body. */
        @Bean
        FilterRegistrationBean<AnswerPageGate> answerPageGate(ConsultationService consultations,
                AnswerPageRateLimit rateLimit, HearingPages pages, AnswerPageProperties properties) {
            var registration = new FilterRegistrationBean<>(new AnswerPageGate(consultations, rateLimit, pages, properties));
            registration.setName("hearing-answer-page-gate");
            registration.addUrlPatterns(PREFIX, PREFIX + "/*");
            registration.setOrder(OrderedFormContentFilter.DEFAULT_ORDER - 10);
            return registration;
        }
    }
}
