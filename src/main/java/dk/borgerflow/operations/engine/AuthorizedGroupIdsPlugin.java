package dk.borgerflow.operations.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
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
    private static final Set<String> DATABASES = Set.of("h2", "postgres");

    /**
     * The engine no longer has the statement this patch replaces: say so at startup, instead of
     * mapping a name nothing calls (docs/upgrading.md).
     */
    static void requireCamundasStatement(Configuration mybatis) {
        if (!mybatis.hasStatement(CAMUNDA_STATEMENT, false)) {
            throw new IllegalStateException("Camunda's MyBatis statement " + CAMUNDA_STATEMENT + " is gone; "
                    + AuthorizedGroupIdsPlugin.class.getSimpleName() + " must be checked against this engine "
                    + "version (docs/upgrading.md)");
        }
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
        if (!DATABASES.contains(sessions.getDatabaseType())) {
            return;
        }
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        requireCamundasStatement(mybatis);
        if (!mybatis.hasStatement(BY_INDEX)) {
            try (InputStream xml = getClass().getClassLoader().getResourceAsStream(MAPPER)) {
                new XMLMapperBuilder(xml, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, String> mappings = sessions.getStatementMappings() == null ? new HashMap<>()
                : new HashMap<>(sessions.getStatementMappings());
        mappings.put(CAMUNDA_STATEMENT, BY_INDEX);
        sessions.setStatementMappings(mappings);
    }
}
