package dk.borgerflow.operations.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the Camunda schema with the PostgreSQL create scripts shipped in the camunda-engine jar
 * on the classpath (the same scripts Camunda's own Liquibase changelog and SQL distribution use),
 * in Camunda's order. A database whose Camunda schema already exists (e.g. created earlier with
 * {@code databaseSchemaUpdate=true}) is adopted as is: the engine checks its version at startup.
 * <p>
 * Upgrades add a migration per Camunda minor version, e.g. {@code V2__CamundaUpgrade_7_24_to_7_25}
 * running {@code org/camunda/bpm/engine/db/upgrade/postgres_engine_7.24_to_7.25.sql} unless
 * {@code ACT_GE_SCHEMA_LOG} already records that version (docs/operations.md, "Upgrade").
 */
class V1__CamundaCreateSchema extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V1__CamundaCreateSchema.class);
    private static final String CREATE = "org/camunda/bpm/engine/db/create/activiti.postgres.create.%s.sql";
    static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine", "case.history",
            "decision.engine", "decision.history");

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (camundaSchemaExists(connection)) {
            log.info("Camunda schema already present: adopted without changes");
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String component : COMPONENTS) {
                // PostgreSQL's simple query protocol runs a whole script in one execute
                statement.execute(script(String.format(CREATE, component)));
            }
        }
        log.info("Camunda schema created from camunda-engine {}", ProcessEngine.class.getPackage()
                .getImplementationVersion());
    }

    private static boolean camundaSchemaExists(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), "act_ge_property",
                new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    private static String script(String resource) throws IOException {
        try (InputStream in = V1__CamundaCreateSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Camunda script not on the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
