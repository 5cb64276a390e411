package dk.borgerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** The guard's decision for the settings the shared test context cannot switch (allow-list, same-site). */
class CrossSiteRequestGuardTest {

    static final CrossSiteProperties DEFAULTS = new CrossSiteProperties(null, false);

    @Test
    void anAllowListedOriginMaySendCrossSiteRequests() {
        var guard = guard(new CrossSiteProperties(List.of("https://Portal.Kommune.dk:443/"), false));

        assertThat(guard.refusal(post("https://portal.kommune.dk", "cross-site"))).isNull();
        assertThat(guard.refusal(post("https://portal.kommune.dk:8443", "cross-site"))).isNotNull();
        assertThat(guard.refusal(post("https://evil.example", "cross-site"))).isNotNull();
    }

    @Test
    void sameSiteRequestsPassOnlyWhenConfigured() {
        assertThat(guard(DEFAULTS).refusal(post("https://intranet.kommune.dk", "same-site"))).contains("same-site");
        assertThat(guard(new CrossSiteProperties(List.of(), true))
                .refusal(post("https://intranet.kommune.dk", "same-site"))).isNull();
    }

    @ParameterizedTest(name = "Origin {0} on {1}:{2} → same origin")
    @CsvSource({
            "http://borgerflow.kommune.dk, borgerflow.kommune.dk, 80",
            "HTTPS://Borgerflow.Kommune.dk, borgerflow.kommune.dk, 443",
            "http://[::1]:8080, ::1, 8080",
            "http://127.0.0.1:8080, 127.0.0.1, 8080"})
    void anOlderBrowsersOriginHeaderMatchingTheRequestsOwnOriginPasses(String origin, String host, int port) {
        MockHttpServletRequest request = post(origin, null);
        request.setScheme(origin.toLowerCase().startsWith("https") ? "https" : "http");
        request.setServerName(host);
        request.setServerPort(port);

        assertThat(guard(DEFAULTS).refusal(request)).isNull();
    }

    @Test
    void anUnknownSecFetchSiteValueIsTreatedAsCrossSite() {
        assertThat(guard(DEFAULTS).refusal(post(null, "somewhere-else"))).isNotNull();
    }

    @Test
    void safeMethodsAndOtherPathsAreNotGuarded() {
        var guard = guard(DEFAULTS);
        MockHttpServletRequest get = post("https://evil.example", "cross-site");
        get.setMethod("GET");
        MockHttpServletRequest hearing = post("https://evil.example", "cross-site");
        hearing.setServletPath("/hearing/answer/abc");

        assertThat(guard.shouldNotFilter(get)).isTrue();
        assertThat(guard.shouldNotFilter(hearing)).isTrue();
        assertThat(guard.shouldNotFilter(post("https://evil.example", "cross-site"))).isFalse();
    }

    private static CrossSiteRequestGuard guard(CrossSiteProperties settings) {
        return new CrossSiteRequestGuard(settings, "/camunda", new com.fasterxml.jackson.databind.ObjectMapper());
    }

    private static MockHttpServletRequest post(String origin, String secFetchSite) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/inquiries");
        request.setServletPath("/api/inquiries");
        if (origin != null) {
            request.addHeader("Origin", origin);
        }
        if (secFetchSite != null) {
            request.addHeader("Sec-Fetch-Site", secFetchSite);
        }
        return request;
    }
}
