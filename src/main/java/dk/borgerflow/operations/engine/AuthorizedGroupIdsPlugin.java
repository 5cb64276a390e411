package dk.borgerflow.operations.engine;

import java.util.Map;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Before every authorized command Camunda reads which groups hold any authorization, with
 * {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION}: a read of the whole table, which
 * holds one row per open task and candidate group (camunda/camunda-bpm-platform#5485). With
 * 100,000 open tasks that was 75 ms of every Tasklist request on PostgreSQL. This plugin maps the
 * statement to an equivalent that walks the group index ({@code authorized-group-ids.xml}), on
 * the databases whose SQL it was written and tested for.
 */
@Component
class AuthorizedGroupIdsPlugin extends AbstractProcessEnginePlugin {

    static final String CAMUNDA_STATEMENT = "selectAuthorizedGroupIds";
    static final String BY_INDEX = "selectAuthorizedGroupIdsByIndex";
    private static final String MAPPER = "dk/borgerflow/operations/engine/authorized-group-ids.xml";
    /**
     * The engine no longer has the statement this patch replaces: say so at startup, instead of
     * mapping a name nothing calls (docs/upgrading.md).
     */
    static void requireCamundasStatement(Configuration mybatis) {
        MyBatisStatementPatch.requireStatement(mybatis, CAMUNDA_STATEMENT, AuthorizedGroupIdsPlugin.class);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!MyBatisStatementPatch.appliesTo(configuration)) {
            return;
        }
        requireCamundasStatement(configuration.getSqlSessionFactory().getConfiguration());
        MyBatisStatementPatch.replace(configuration, MAPPER, BY_INDEX, Map.of(CAMUNDA_STATEMENT, BY_INDEX));
    }
}
