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
 * Flyway takes a PostgreSQL advisory lock while it migrates, so several nodes starting at once do
 * not create the schema twice.
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
        return new CamundaSchemaFlyway(flyway);
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

        CamundaSchemaFlyway(Flyway flyway) {
            this.flyway = flyway;
        }

        @Override
        public void afterPropertiesSet() {
            MigrateResult result = flyway.migrate();
            log.info("Camunda schema: {} migration(s) applied, now at version {} ({})",
                    result.migrationsExecuted, flyway.info().current() == null ? "-"
                            : flyway.info().current().getVersion(), HISTORY_TABLE);
        }

        Flyway flyway() {
            return flyway;
        }
    }
}
