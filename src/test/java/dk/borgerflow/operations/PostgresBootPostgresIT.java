package dk.borgerflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.borgerflow.BorgerflowApplication;
import dk.borgerflow.security.Groups;
import dk.borgerflow.testsupport.PostgresTestDatabase;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The whole application on PostgreSQL, started the production way (profile postgres), on an empty schema. */
@SpringBootTest(classes = BorgerflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // inline properties: the production safety check reads them before the context exists
        properties = {
                "spring.datasource.url=${borgerflow.it.db-url:jdbc:postgresql://127.0.0.1:5432/test}",
                "spring.datasource.username=${borgerflow.it.db-user:postgres}",
                "borgerflow.admin.password=" + PostgresBootPostgresIT.ADMIN_PASSWORD,
                "management.prometheus.metrics.export.enabled=true",
                "camunda.bpm.deployment-resource-pattern=classpath*:processes/**/*.bpmn,classpath*:processes/**/*.dmn,"
                        + "classpath*:forms/**/*.form,classpath*:it-processes/**/*.bpmn"})
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresBootPostgresIT {

    // meets Camunda's password policy (on in the postgres profile): no user id ("admin") or name in it
    static final String ADMIN_PASSWORD = "it-Boot-Password-2026";

    @BeforeAll
    static void emptySchema() {
        PostgresTestDatabase.resetSchema();
    }

    @Autowired ProcessEngine engine;
    @Autowired ProcessEngineConfigurationImpl engineConfiguration;
    @Autowired RepositoryService repository;
    @Autowired IdentityService identity;
    @Autowired DataSource dataSource;
    @Autowired TestRestTemplate http;

    @Test
    void createsTheCamundaSchemaWithFlywayAndLetsTheEngineOnlyCheckIt() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(engineConfiguration.getDatabaseSchemaUpdate()).isEqualTo("false");
        assertThat(engineConfiguration.getDatabaseType()).isEqualTo("postgres");
        assertThat(jdbc.queryForObject("select count(*) from camunda_schema_history where success and version = '1'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select value_ from act_ge_property where name_ = 'schema.version'",
                String.class)).startsWith("fox");
        assertThat(jdbc.queryForObject("select max(version_) from act_ge_schema_log", String.class))
                .isEqualTo("7.24.0");
        assertThat(engine.getName()).isEqualTo("default");
    }

    @Test
    void appliesBorgerflowsOwnMigrationsOnPostgres() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select count(*) from borgerflow_schema_history where success "
                + "and version is not null and version <> '0'", Integer.class)).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from borgerflow_schema_history where not success",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from topic", Integer.class)).isPositive();
    }

    @Test
    void addsBorgerflowsIndexesToCamundasTablesAfterTheCamundaSchema() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select count(*) from camunda_index_history where success and version = '60'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select indexdef from pg_indexes where tablename = 'act_ru_task' "
                + "and indexname = 'bf_idx_task_due'", String.class)).contains("(due_date_)");
        assertThat(jdbc.queryForObject("select indexdef from pg_indexes where tablename = 'act_ru_job' "
                + "and indexname = 'bf_idx_job_acquire'", String.class)).contains("(duedate_)")
                .contains("WHERE ((retries_ > 0) AND (suspension_state_ = 1))");
    }

    @Test
    void everyConnectionRunsReadCommitted() {
        assertThat(new JdbcTemplate(dataSource).queryForObject("show transaction_isolation", String.class))
                .isEqualTo("read committed");
    }

    @Test
    void theJobExecutorRunsAndHealthReportsItWithTheDatabase() {
        assertThat(engineConfiguration.getJobExecutor().isActive()).isTrue();
        String health = http.withBasicAuth("admin", ADMIN_PASSWORD).getForObject("/actuator/health", String.class);
        assertThat(health).contains("\"status\":\"UP\"").contains("\"database\":\"PostgreSQL\"")
                .contains("\"jobExecutor\":{\"status\":\"UP\",\"details\":{\"enabled\":true,\"active\":true");
    }

    @Test
    void deploysTheModelsAtStartup() {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("Process_DurabilityProbe").count())
                .isEqualTo(1);
    }

    @Test
    void onlyTheBootstrappedAdminExistsAndNoDemoUser() {
        assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly("admin");
        assertThat(identity.checkPassword("admin", ADMIN_PASSWORD)).isTrue();
        assertThat(identity.createGroupQuery().groupMember("admin").groupId(Groups.ADMIN).count()).isEqualTo(1);
        assertThat(http.withBasicAuth("admin", "demo").getForEntity("/engine-rest/user/count", String.class)
                .getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void enforcesCamundasPasswordPolicyForNewPasswords() {
        assertThat(engineConfiguration.isEnablePasswordPolicy()).isTrue();
        User weak = identity.newUser("weak-password-user");
        weak.setPassword("password");
        assertThatThrownBy(() -> identity.saveUser(weak)).hasMessageContaining("Password does not match policy");
        assertThat(identity.createUserQuery().userId("weak-password-user").count()).isZero();
    }

    @Test
    void servesPrometheusMetricsToTheAdmin() {
        var metrics = http.withBasicAuth("admin", ADMIN_PASSWORD).getForEntity("/actuator/prometheus", String.class);
        assertThat(metrics.getStatusCode().value()).isEqualTo(200);
        assertThat(metrics.getBody()).contains("hikaricp_connections_max{pool=\"borgerflow\"} 20.0");
    }
}
