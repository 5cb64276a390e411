package dk.borgerflow.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a production installation (any profile setting
 * {@code borgerflow.production.require-strong-admin-password=true}, i.e. {@code postgres}) when the
 * admin password is missing, shorter than 12 characters or a well-known default, or when the
 * {@code demo} profile (demo users with password {@code demo}) is active as well. Runs right after
 * the configuration is read, before any bean or database connection exists.
 */
class ProductionSafetyCheck implements EnvironmentPostProcessor {

    static final String REQUIRE_STRONG = "borgerflow.production.require-strong-admin-password";
    static final int MIN_LENGTH = 12;
    static final Set<String> KNOWN_DEFAULTS = Set.of("demo", "admin", "password", "camunda", "changeme",
            "change-me", "secret", "borgerflow", "123456", "12345678", "123456789", "1234567890", "qwerty",
            "letmein", "welcome", "passw0rd", "password1", "administrator", "admin123", "demo1234", "test");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(REQUIRE_STRONG, Boolean.class, false)) {
            return;
        }
        if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
            throw new IllegalStateException("Refusing to start: the 'demo' profile (demo users, password 'demo') "
                    + "must not run together with a production profile (" + REQUIRE_STRONG + "=true).");
        }
        String problem = weakness(environment.getProperty("borgerflow.admin.password"));
        if (problem != null) {
            throw new IllegalStateException("Refusing to start: the admin password " + problem
                    + ". Set BORGERFLOW_ADMIN_PASSWORD (at least " + MIN_LENGTH
                    + " characters, not a default); see docs/operations.md.");
        }
    }

    /** Why a password is unacceptable for production, or {@code null} when it is acceptable. */
    static String weakness(String password) {
        if (password == null || password.isBlank()) {
            return "is missing";
        }
        if (isKnownDefault(password)) {
            return "is a known default";
        }
        if (password.length() < MIN_LENGTH) {
            return "is shorter than " + MIN_LENGTH + " characters";
        }
        return null;
    }

    static boolean isKnownDefault(String password) {
        String p = password.trim().toLowerCase(Locale.ROOT);
        // "admin", "admin!", "Admin2024" and the like
        String stem = p.replaceAll("[^a-z]", "");
        return KNOWN_DEFAULTS.contains(p) || (KNOWN_DEFAULTS.contains(stem) && p.length() - stem.length() <= 4);
    }
}
