package dk.borgerflow.operations.engine;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Production schema handling for Camunda (profile {@code postgres}). Camunda recommends that a
 * production engine does not create or change its own schema ({@code databaseSchemaUpdate=false})
 * and that its SQL scripts are applied by the operator or a migration tool. Here a dedicated Flyway
 * (history table {@code camunda_schema_history}, separate from Borgerflow's own
 * {@code borgerflow_schema_history}) applies the scripts shipped inside {@code camunda-engine}
 * before the process engine is built; the engine then only checks the schema version.
 * <p>
 * Both Flyways (Borgerflow's and this one) migrate under one cluster-wide advisory lock
 * ({@link SchemaMigrationLock}): Flyway's own lock comes after its check for a history table, which
 * let two nodes starting at once both try to baseline.
 */
@Configuration(proxyBeanMethods = false)
@Profile("postgres")
class CamundaSchemaMigration {

    static final String BEAN_NAME = "camundaSchemaFlyway";
    static final String HISTORY_TABLE = "camunda_schema_history";

    private static final Logger log = LoggerFactory.getLogger(CamundaSchemaMigration.class);

    @Bean(BEAN_NAME)
    CamundaSchemaFlyway camundaSchemaFlyway(DataSource dataSource) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                // no SQL locations: the migrations are the Java classes below, reading the
                // engine's own scripts from the camunda-engine jar
                .locations(new org.flywaydb.core.api.Location[0])
                .javaMigrations(new V1__CamundaCreateSchema())
                // Borgerflow's Flyway may have created its tables first: a non-empty schema is
                // expected, baseline 0 keeps V1 and later
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        return new CamundaSchemaFlyway(flyway, dataSource);
    }

    /** Borgerflow's own Flyway (spring.flyway) under the same cluster-wide lock as Camunda's. */
    @Bean
    FlywayMigrationStrategy lockedBorgerflowMigration(DataSource dataSource) {
        return flyway -> SchemaMigrationLock.around(dataSource, flyway::migrate);
    }

    /** Makes the process engine wait for the Camunda schema. */
    @Bean
    static AbstractDependsOnBeanFactoryPostProcessor processEngineDependsOnCamundaSchema() {
        return new AbstractDependsOnBeanFactoryPostProcessor(ProcessEngine.class, ProcessEngineFactoryBean.class,
                BEAN_NAME) {
        };
    }

    /** Runs the Camunda migrations when created, i.e. before any bean that depends on it. */
    static final class CamundaSchemaFlyway implements InitializingBean {

        private final Flyway flyway;
        private final DataSource dataSource;

        CamundaSchemaFlyway(Flyway flyway, DataSource dataSource) {
            this.flyway = flyway;
            this.dataSource = dataSource;
        }

        @Override
        public void afterPropertiesSet() {
            MigrateResult result = SchemaMigrationLock.around(dataSource, flyway::migrate);
            log.info("Camunda schema: {} migration(s) applied, now at version {} ({})",
                    result.migrationsExecuted, flyway.info().current() == null ? "-"
                            : flyway.info().current().getVersion(), HISTORY_TABLE);
        }

        Flyway flyway() {
            return flyway;
        }
    }
}
