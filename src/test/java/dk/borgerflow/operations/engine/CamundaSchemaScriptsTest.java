package dk.borgerflow.operations.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The production schema migration (V1__CamundaCreateSchema) runs the create scripts shipped inside
 * camunda-engine. A Camunda version that moves or renames them must fail here, not on the first
 * production start.
 */
class CamundaSchemaScriptsTest {

    @Test
    void everyCreateScriptTheMigrationRunsIsInTheEngineOnTheClasspath() {
        for (String component : V1__CamundaCreateSchema.COMPONENTS) {
            String script = "org/camunda/bpm/engine/db/create/activiti.postgres.create." + component + ".sql";
            assertThat(getClass().getClassLoader().getResource(script)).as(script).isNotNull();
        }
    }
}
