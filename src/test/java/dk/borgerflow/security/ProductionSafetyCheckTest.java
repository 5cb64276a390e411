package dk.borgerflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.borgerflow.BorgerflowApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The postgres profile refuses weak admin passwords and the demo profile before it touches any
 * database (the data source here points nowhere, so no PostgreSQL is needed).
 */
class ProductionSafetyCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"demo", "admin", "Admin", "password", "Password1!", "camunda", "changeme", "admin2024"})
    void rejectsKnownDefaultPasswords(String password) {
        assertThat(ProductionSafetyCheck.weakness(password)).isEqualTo("is a known default");
    }

    @Test
    void rejectsMissingAndShortPasswordsAndAcceptsALongUnusualOne() {
        assertThat(ProductionSafetyCheck.weakness(null)).isEqualTo("is missing");
        assertThat(ProductionSafetyCheck.weakness("  ")).isEqualTo("is missing");
        assertThat(ProductionSafetyCheck.weakness("Xk3#pq")).contains("shorter than 12");
        assertThat(ProductionSafetyCheck.weakness("correct-horse-battery-staple")).isNull();
    }

    @Test
    void postgresProfileRefusesToStartWithoutAdminPassword() {
        assertThatThrownBy(() -> start("postgres", "--borgerflow.admin.password="))
                .hasMessageContaining("Refusing to start: the admin password is missing")
                .hasMessageContaining("BORGERFLOW_ADMIN_PASSWORD");
    }

    @Test
    void postgresProfileRefusesToStartWithADefaultAdminPassword() {
        assertThatThrownBy(() -> start("postgres", "--borgerflow.admin.password=demo"))
                .hasMessageContaining("is a known default");
    }

    @Test
    void namesWhatCamundasPasswordPolicyFindsWrongWithTheAdminPassword() {
        assertThat(ProductionSafetyCheck.policyViolation("correct-horse-battery-staple", "admin"))
                .contains("no upper-case letter").contains("no digit").doesNotContain("special");
        assertThat(ProductionSafetyCheck.policyViolation("My-Admin-Password-2026", "admin")).contains("user id");
        assertThat(ProductionSafetyCheck.policyViolation("Borgerflow-Secret-2026", "admin")).contains("name");
        // the example of README and docs/operations.md
        assertThat(ProductionSafetyCheck.policyViolation("Choose-A-Long-Secret-42", "admin")).isNull();
    }

    @Test
    void postgresProfileRefusesToStartWithAPasswordCamundasPolicyWouldRefuse() {
        // long and no default, but the engine would refuse to create the admin with it (after the schema was set up)
        assertThatThrownBy(() -> start("postgres", "--borgerflow.admin.password=correct-horse-battery-staple"))
                .hasMessageContaining("does not meet Camunda's password policy")
                .hasMessageContaining("no upper-case letter");
    }

    @Test
    void postgresProfileRefusesToRunWithTheDemoProfile() {
        assertThatThrownBy(() -> start("postgres,demo", "--borgerflow.admin.password=correct-horse-battery-staple"))
                .hasMessageContaining("'demo' profile");
    }

    private static void start(String profiles, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--spring.profiles.active=" + profiles;
        all[1] = "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere";
        all[2] = "--server.port=0";
        // engines register by name in Camunda's static ProcessEngines; a second "default" would take
        // engine-rest and the webapps of the shared test context with it when it closes
        all[3] = "--camunda.bpm.process-engine-name=safety-check";
        System.arraycopy(args, 0, all, 4, args.length);
        new SpringApplicationBuilder(BorgerflowApplication.class).run(all).close();
    }
}
