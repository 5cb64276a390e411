package dk.borgerflow.operations;

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

    private List<String> engineAnswer() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        assertThat(configuration.getDbSqlSessionFactory().mapStatement(AuthorizedGroupIdsPlugin.CAMUNDA_STATEMENT))
                .isEqualTo(AuthorizedGroupIdsPlugin.BY_INDEX);
        return configuration.getCommandExecutorTxRequired().execute(context -> context.getDbEntityManager()
                .selectList(AuthorizedGroupIdsPlugin.CAMUNDA_STATEMENT));
    }
}
