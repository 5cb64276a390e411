package dk.borgerflow.operations.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.BorgerflowTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The engine's "which groups hold any authorization" answers exactly what Camunda's own SQL did. */
@BorgerflowTest
class AuthorizedGroupIdsTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theIndexWalkFindsEveryGroupThatHoldsAnAuthorizationIncludingANewOne() {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId("zz-a-group-created-by-this-test");
        grant.setResource(Resources.TASK);
        grant.setResourceId("no-such-task");
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
        try {
            Set<String> camundas = new HashSet<>(jdbc.queryForList(
                    "select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION where GROUP_ID_ is not null", String.class));

            assertThat(engineAnswer()).containsExactlyInAnyOrderElementsOf(camundas)
                    .contains("zz-a-group-created-by-this-test", "cc-general");
        } finally {
            authorizations.deleteAuthorization(grant.getId());
        }
        assertThat(engineAnswer()).doesNotContain("zz-a-group-created-by-this-test");
    }

    @Test
    void anEngineWithoutCamundasStatementIsRefusedAtStartup() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuthorizedGroupIdsPlugin
                .requireCamundasStatement(new org.apache.ibatis.session.Configuration()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("selectAuthorizedGroupIds");
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        AuthorizedGroupIdsPlugin.requireCamundasStatement(configuration.getSqlSessionFactory().getConfiguration());
    }

    /**
     * The patch maps a statement name; it only helps while the engine still calls that name. An
     * agent's task query (what Tasklist runs for every list) must run the index walk.
     */
    @Test
    void camundasOwnAuthorizationCheckOfATaskQueryRunsTheIndexWalk() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        StatementCounter counter = StatementCounter.installedIn(configuration);
        int before = counter.executions(AuthorizedGroupIdsPlugin.BY_INDEX);
        engine.getIdentityService().setAuthentication("agent-slagelse", List.of("cc-general"), List.of("slagelse"));
        try {
            engine.getTaskService().createTaskQuery().taskCandidateGroup("cc-general").count();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(counter.executions(AuthorizedGroupIdsPlugin.BY_INDEX)).isGreaterThan(before);
    }

    /** Counts executed MyBatis statements by id (installed once into the shared engine, cheap). */
    @org.apache.ibatis.plugin.Intercepts(@org.apache.ibatis.plugin.Signature(type = org.apache.ibatis.executor.Executor.class,
            method = "query", args = {org.apache.ibatis.mapping.MappedStatement.class, Object.class,
                    org.apache.ibatis.session.RowBounds.class, org.apache.ibatis.session.ResultHandler.class}))
    static final class StatementCounter implements org.apache.ibatis.plugin.Interceptor {

        private static StatementCounter installed;
        private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> counts =
                new java.util.concurrent.ConcurrentHashMap<>();

        static synchronized StatementCounter installedIn(ProcessEngineConfigurationImpl configuration) {
            if (installed == null) {
                installed = new StatementCounter();
                configuration.getSqlSessionFactory().getConfiguration().addInterceptor(installed);
            }
            return installed;
        }

        int executions(String statement) {
            return counts.entrySet().stream().filter(e -> e.getKey().endsWith(statement))
                    .mapToInt(e -> e.getValue().get()).sum();
        }

        @Override
        public Object intercept(org.apache.ibatis.plugin.Invocation invocation) throws Throwable {
            var statement = (org.apache.ibatis.mapping.MappedStatement) invocation.getArgs()[0];
            counts.computeIfAbsent(statement.getId(), id -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet();
            return invocation.proceed();
        }
    }

    private List<String> engineAnswer() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        assertThat(configuration.getDbSqlSessionFactory().mapStatement(AuthorizedGroupIdsPlugin.CAMUNDA_STATEMENT))
                .isEqualTo(AuthorizedGroupIdsPlugin.BY_INDEX);
        return configuration.getCommandExecutorTxRequired().execute(context -> context.getDbEntityManager()
                .selectList(AuthorizedGroupIdsPlugin.CAMUNDA_STATEMENT));
    }
}
