package dk.borgerflow.citizen;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.filter.OrderedFormContentFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of {@code /kontakt}, before anything reads a body (Spring Security's CSRF check reads the
 * form): the client address's rate limit (token bucket, 429 with {@code Retry-After}), only GET,
 * HEAD and POST (405), for a POST only a URL-encoded form of at most {@code max-request-body}
 * (415, 413, unread). Behind a proxy the client address is the forwarded one
 * ({@code server.forward-headers-strategy}).
 */
class ContactPageGate extends OncePerRequestFilter {

    static final String PREFIX = "/kontakt";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST");

    private final ContactPages pages;
    private final int perMinute;
    private final long maxBody;
    private final Cache<String, Bucket> buckets;

    ContactPageGate(ContactPages pages, ContactPageProperties properties) {
        this.pages = pages;
        this.perMinute = properties.requestsPerMinute();
        this.maxBody = properties.maxRequestBody().toBytes();
        this.buckets = Caffeine.newBuilder().maximumSize(properties.maxTrackedClients())
                .expireAfterAccess(Duration.ofMinutes(2)).build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // from the query string only: nothing here may read a body
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        String language = ContactPages.language(query.contains("lang=sv") ? "sv" : query.contains("lang=en") ? "en" : null);
        long wait = secondsToWait(request.getRemoteAddr());
        if (wait > 0) {
            response.setHeader("Retry-After", Long.toString(wait));
            pages.writeMessage(response, 429, language, "tooMany", wait);
            return;
        }
        if (!METHODS.contains(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD, POST");
            pages.writeMessage(response, 405, language, "unreadable");
            return;
        }
        if ("POST".equals(request.getMethod())) {
            String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
            if (!type.startsWith("application/x-www-form-urlencoded")) {
                pages.writeMessage(response, 415, language, "unreadable");
                return;
            }
            long length = request.getContentLengthLong();
            if (length < 0 || length > maxBody) {
                pages.writeMessage(response, 413, language, "tooLarge");
                return;
            }
        }
        chain.doFilter(request, "POST".equals(request.getMethod()) ? new ExpiredForm(response, language) : response);
    }

    /**
     * Spring Security refuses a help form whose CSRF token is missing or no longer in the session (the
     * page stood open too long) with {@code sendError(403)}; the citizen gets a page saying so, in the
     * page's language, instead of the container's error.
     */
    private final class ExpiredForm extends jakarta.servlet.http.HttpServletResponseWrapper {

        private final String language;

        ExpiredForm(HttpServletResponse response, String language) {
            super(response);
            this.language = language;
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (status == 403 && !isCommitted()) {
                pages.writeMessage((HttpServletResponse) getResponse(), 403, language, "expired");
            } else {
                super.sendError(status, message);
            }
        }
    }

    private long secondsToWait(String client) {
        Bucket bucket = buckets.get(client == null ? "" : client, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }

    @Configuration(proxyBeanMethods = false)
    @org.springframework.boot.context.properties.EnableConfigurationProperties(ContactPageProperties.class)
    static class Registration {

        @Bean
        FilterRegistrationBean<ContactPageGate> contactPageGate(ContactPages pages, ContactPageProperties properties) {
            var registration = new FilterRegistrationBean<>(new ContactPageGate(pages, properties));
            registration.setName("contact-page-gate");
            registration.addUrlPatterns(PREFIX, PREFIX + "/*");
            registration.setOrder(OrderedFormContentFilter.DEFAULT_ORDER - 10);
            return registration;
        }
    }
}
