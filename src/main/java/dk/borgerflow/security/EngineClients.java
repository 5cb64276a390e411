package dk.borgerflow.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Marks the threads that serve engine clients: engine-rest ({@code /engine-rest}, Camunda Modeler,
 * scripts, anyone with a login) and the webapps' own engine API ({@code /camunda/api}, Tasklist and
 * Cockpit). Engine commands such a request runs are checked by {@link EngineClientGuard}; our own
 * API, the public pages and the job executor run their commands unmarked, as process code.
 */
@Configuration
class EngineClients {

    private static final ThreadLocal<Boolean> SERVING_CLIENT = new ThreadLocal<>();

    /** Whether the current thread serves a request of an engine client. */
    static boolean servingClient() {
        return Boolean.TRUE.equals(SERVING_CLIENT.get());
    }

    /** Runs {@code work} as if serving an engine client (tests of the guard without HTTP). */
    static <T> T asClient(java.util.function.Supplier<T> work) {
        Boolean before = SERVING_CLIENT.get();
        SERVING_CLIENT.set(true);
        try {
            return work.get();
        } finally {
            SERVING_CLIENT.set(before);
        }
    }

    @Bean
    FilterRegistrationBean<Filter> engineClientMarker() {
        Filter marker = (ServletRequest request, ServletResponse response, FilterChain chain) -> {
            Boolean before = SERVING_CLIENT.get();
            SERVING_CLIENT.set(true);
            try {
                chain.doFilter(request, response);
            } finally {
                if (before == null) {
                    SERVING_CLIENT.remove();
                } else {
                    SERVING_CLIENT.set(before);
                }
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(marker);
        registration.setName("borgerflow-engine-client-marker");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }
}
