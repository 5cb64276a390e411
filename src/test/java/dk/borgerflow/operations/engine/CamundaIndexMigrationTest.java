package dk.borgerflow.operations.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.BorgerflowTest;
import java.util.Arrays;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Borgerflow's indexes on Camunda's tables are applied after the engine created its schema (H2: the
 * engine itself; PostgreSQL: PostgresBootPostgresIT checks the same there), by a Flyway of their own,
 * and both databases have the same migrations.
 */
@BorgerflowTest
class CamundaIndexMigrationTest {

    @Autowired CamundaIndexMigration.CamundaIndexes indexes;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theTaskDueDateIndexIsOnCamundasTaskTable() {
        assertThat(indexes.database()).isEqualTo("h2");
        assertThat(Arrays.stream(indexes.flyway().info().applied()).filter(m -> m.getVersion() != null
                && "60".equals(m.getVersion().getVersion())).map(MigrationInfo::getState))
                .containsExactly(MigrationState.SUCCESS);
        assertThat(indexes.flyway().info().pending()).isEmpty();
        assertThat(jdbc.queryForList("select C.COLUMN_NAME from INFORMATION_SCHEMA.INDEX_COLUMNS C "
                + "where C.INDEX_NAME = 'BF_IDX_TASK_DUE' and C.TABLE_NAME = 'ACT_RU_TASK' order by C.ORDINAL_POSITION",
                String.class)).containsExactly("DUE_DATE_");
    }

    @Test
    void theJobAcquisitionReadsTheDueDateIndex() {
        assertThat(Arrays.stream(indexes.flyway().info().applied()).filter(m -> m.getVersion() != null
                && "61".equals(m.getVersion().getVersion())).map(MigrationInfo::getState))
                .containsExactly(MigrationState.SUCCESS);
        assertThat(jdbc.queryForList("select C.COLUMN_NAME from INFORMATION_SCHEMA.INDEX_COLUMNS C "
                + "where C.INDEX_NAME = 'BF_IDX_JOB_ACQUIRE' and C.TABLE_NAME = 'ACT_RU_JOB' order by C.ORDINAL_POSITION",
                String.class)).containsExactly("DUEDATE_");
        var engine = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) org.camunda.bpm.engine
                .ProcessEngines.getDefaultProcessEngine().getProcessEngineConfiguration();
        // the query the index serves: oldest due first, never a job without a due date
        assertThat(engine.isJobExecutorAcquireByDueDate()).isTrue();
        assertThat(engine.isEnsureJobDueDateNotNull()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_JOB where DUEDATE_ is null", Integer.class)).isZero();
    }

    @Test
    void h2AndPostgresHaveTheSameMigrations() throws Exception {
        var resolver = new PathMatchingResourcePatternResolver();
        var h2 = Arrays.stream(resolver.getResources("classpath:db/camunda-indexes/h2/*.sql"))
                .map(r -> r.getFilename()).sorted().toList();
        var postgres = Arrays.stream(resolver.getResources("classpath:db/camunda-indexes/postgres/*.sql"))
                .map(r -> r.getFilename()).sorted().toList();
        assertThat(h2).isNotEmpty().isEqualTo(postgres).allMatch(n -> n.matches("V6[0-9]__.+\\.sql"));
    }
}
