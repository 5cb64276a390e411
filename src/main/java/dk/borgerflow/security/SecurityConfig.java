package dk.borgerflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * Our API ({@code /api/**}) and Actuator use Spring Security with HTTP Basic against Camunda's
 * users. engine-rest gets Camunda's own authentication filter so the engine applies its
 * authorizations and tenant checks. The webapps under {@code /camunda} have their own login and
 * CSRF protection; the external consultation pages are public and guarded by the unguessable token in their path (no session, so no CSRF).
 * In front of all of them: the readiness gate (503 until the identity is set up), Camunda's setup
 * closed, and unsafe cross-site requests refused ({@link CrossSiteRequestGuard}); every password
 * check is throttled per client and user ({@link LoginThrottle}).
 */
@Configuration
class SecurityConfig {

    /**
     * For our API, Swagger UI (external scripts, inline styles) and everything else outside the
     * Camunda webapps: same-origin only, no framing by other sites, no plugins.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
            ObjectMapper json) throws Exception {
        AuthenticationEntryPoint problemEntryPoint = (request, response, e) -> {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Basic realm=\"borgerflow\"");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            if (request.getAttribute(LoginThrottle.RETRY_AFTER) instanceof Duration wait) {
                // a failed login all the same; says nothing about whether the password was right
                long seconds = LoginThrottle.retryAfterSeconds(wait);
                response.setHeader("Retry-After", String.valueOf(seconds));
                json.writeValue(response.getOutputStream(), Map.of("type", "about:blank", "status", 401,
                        "title", "For mange forkerte logins", "detail", "Too many failed logins for this user from "
                                + "your address. Wait " + seconds + " seconds before you try again."));
                return;
            }
            json.writeValue(response.getOutputStream(), Map.of("type", "about:blank", "status", 401,
                    "title", "Login påkrævet", "detail", "Authenticate with HTTP Basic (Camunda user)."));
        };
        http.authenticationProvider(provider)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/**").authenticated()
                        // the managers' report pages (reporting): dashboard, evaluation, CSV downloads
                        .requestMatchers("/reports/**").authenticated()
                        // external consultees have no account: the answer link's token is the credential
                        .requestMatchers("/hearing/**").permitAll()
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasAnyAuthority(
                                "GROUP_" + Groups.ADMIN, "GROUP_" + Groups.MANAGER)
                        .anyRequest().permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(problemEntryPoint))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/engine-rest/**", "/camunda/**",
                        "/actuator/**",
                        // the unguessable token in the path is what a forged request would lack
                        "/hearing/answer/**"))
                .headers(headers -> headers
                        .contentTypeOptions(Customizer.withDefaults())
                        .frameOptions(f -> f.sameOrigin())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY))
                        // the Camunda webapps send their own nonce-based CSP (HttpHeaderSecurityFilter);
                        // a second policy would be enforced on top of it and break them
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(new AntPathRequestMatcher("/camunda/**")),
                                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY))))
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .anonymous(Customizer.withDefaults());
        return http.build();
    }

    /**
     * Requests the firewall refuses (odd characters in paths, headers or parameter names) get a 400
     * problem+json instead of Spring Security's default, an exception ending as 500.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (request, response, e) -> {
            response.setStatus(400);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Map.of("type", "about:blank", "status", 400,
                    "title", "Ugyldigt input", "detail", "The request was rejected: malformed path, header or parameter."));
        };
    }

    /*
     * Guards in front of everything else (Spring Security's chain runs at -100, engine-rest's
     * authentication at LOWEST_PRECEDENCE - 10): refused requests never reach a password check.
     */
    static final int READINESS_GATE_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
    static final int SETUP_CLOSED_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;
    static final int CROSS_SITE_ORDER = Ordered.HIGHEST_PRECEDENCE + 30;
    static final int LOGIN_CLIENT_ORDER = Ordered.HIGHEST_PRECEDENCE + 40;

    @Bean
    FilterRegistrationBean<LoginThrottle.Binding> loginClientBinding() {
        var registration = new FilterRegistrationBean<>(new LoginThrottle.Binding());
        registration.setName("borgerflow-login-client");
        registration.setOrder(LOGIN_CLIENT_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ReadinessGate> readinessGate(ApplicationAvailability availability, ObjectMapper json,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
            @Value("${borgerflow.security.readiness-retry-after:PT5S}") Duration retryAfter) {
        var registration = new FilterRegistrationBean<>(new ReadinessGate(availability, webappPath, retryAfter, json));
        registration.setName("borgerflow-readiness-gate");
        registration.setOrder(READINESS_GATE_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<CamundaSetupClosed> camundaSetupClosed(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        var registration = new FilterRegistrationBean<>(new CamundaSetupClosed(webappPath));
        registration.setName("borgerflow-camunda-setup-closed");
        registration.setOrder(SETUP_CLOSED_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<CrossSiteRequestGuard> crossSiteRequestGuard(CrossSiteProperties settings,
            ObjectMapper json, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        var registration = new FilterRegistrationBean<>(new CrossSiteRequestGuard(settings, webappPath, json));
        registration.setName("borgerflow-cross-site-guard");
        registration.setOrder(CROSS_SITE_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-auth");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
