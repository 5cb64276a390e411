package dk.borgerflow.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyDigitRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLowerCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicySpecialCharacterRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUpperCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a production installation (any profile setting
 * {@code borgerflow.production.require-strong-admin-password=true}, i.e. {@code postgres}) when the
 * admin password is missing, shorter than 12 characters or a well-known default, when it fails
 * Camunda's password policy (if enabled, as in {@code postgres}: the engine would refuse to create
 * the admin with it, after the database was already set up), or when the {@code demo} profile (demo
 * users with password {@code demo}) is active as well. Runs right after the configuration is read,
 * before any bean or database connection exists.
 */
class ProductionSafetyCheck implements EnvironmentPostProcessor {

    static final String REQUIRE_STRONG = "borgerflow.production.require-strong-admin-password";
    static final String PASSWORD_POLICY = "camunda.bpm.generic-properties.properties.enable-password-policy";
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
        String password = environment.getProperty("borgerflow.admin.password");
        String problem = weakness(password);
        if (problem == null && environment.getProperty(PASSWORD_POLICY, Boolean.class, false)) {
            problem = policyViolation(password, environment.getProperty("borgerflow.admin.user", "admin"));
        }
        if (problem != null) {
            throw new IllegalStateException("Refusing to start: the admin password " + problem
                    + ". Set BORGERFLOW_ADMIN_PASSWORD (at least " + MIN_LENGTH
                    + " characters with upper- and lower-case letters, a digit and a special character, not a "
                    + "default); see docs/operations.md.");
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

    /**
     * What Camunda's default password policy (the one {@code enable-password-policy} switches on)
     * finds wrong with the password of the bootstrapped administrator, or {@code null}.
     */
    static String policyViolation(String password, String userId) {
        UserEntity admin = new UserEntity(userId);
        admin.setFirstName(AdminBootstrap.FIRST_NAME);
        admin.setLastName(AdminBootstrap.LAST_NAME);
        List<String> failed = new DefaultPasswordPolicyImpl().getRules().stream()
                .filter(rule -> !rule.execute(password, admin))
                .map(rule -> POLICY_RULES.getOrDefault(rule.getPlaceholder(), rule.getPlaceholder()))
                .toList();
        return failed.isEmpty() ? null : "does not meet Camunda's password policy: " + String.join(", ", failed);
    }

    private static final Map<String, String> POLICY_RULES = Map.of(
            PasswordPolicyUserDataRuleImpl.PLACEHOLDER, "it contains the user id or the admin's name ("
                    + AdminBootstrap.FIRST_NAME + " " + AdminBootstrap.LAST_NAME + ")",
            PasswordPolicyLengthRuleImpl.PLACEHOLDER, "fewer than " + DefaultPasswordPolicyImpl.MIN_LENGTH + " characters",
            PasswordPolicyLowerCaseRuleImpl.PLACEHOLDER, "no lower-case letter",
            PasswordPolicyUpperCaseRuleImpl.PLACEHOLDER, "no upper-case letter",
            PasswordPolicyDigitRuleImpl.PLACEHOLDER, "no digit",
            PasswordPolicySpecialCharacterRuleImpl.PLACEHOLDER, "no special character");

    static boolean isKnownDefault(String password) {
        String p = password.trim().toLowerCase(Locale.ROOT);
        // "admin", "admin!", "Admin2024" and the like
        String stem = p.replaceAll("[^a-z]", "");
        return KNOWN_DEFAULTS.contains(p) || (KNOWN_DEFAULTS.contains(stem) && p.length() - stem.length() <= 4);
    }
}
