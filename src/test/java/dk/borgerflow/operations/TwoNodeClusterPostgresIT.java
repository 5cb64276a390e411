package dk.borgerflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.testsupport.AppNode;
import dk.borgerflow.testsupport.CrashDurability;
import dk.borgerflow.testsupport.EngineRest;
import dk.borgerflow.testsupport.PostgresTestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes started at the same moment against one empty database: one schema, one deployment,
 * both serving; after SIGKILL of one, the other keeps serving engine-rest and Tasklist.
 */
class TwoNodeClusterPostgresIT {

    static final String ADMIN_PASSWORD = "it-Cluster-Password-2026";
    static final String PATTERN = "--camunda.bpm.deployment-resource-pattern=classpath*:processes/**/*.bpmn,"
            + "classpath*:processes/**/*.dmn,classpath*:forms/**/*.form,classpath*:it-processes/**/*.bpmn";

    AppNode first;
    AppNode second;

    @BeforeEach
    void emptySchema() {
        PostgresTestDatabase.resetSchema();
    }

    @AfterEach
    void stopNodes() throws InterruptedException {
        if (first != null) {
            first.kill();
        }
        if (second != null) {
            second.kill();
        }
        PostgresTestDatabase.resetSchema(); // leave the shared test database empty
    }

    @Test
    void twoNodesStartAtOnceShareOneDeploymentAndSurviveTheLossOfOne() throws Exception {
        Duration boot = CrashDurability.defaultBootTimeout();
        first = AppNode.postgres("cluster-1", ADMIN_PASSWORD, PATTERN).start();
        second = AppNode.postgres("cluster-2", ADMIN_PASSWORD, PATTERN).start();
        first.awaitHealthy(boot);
        second.awaitHealthy(boot);
        EngineRest one = EngineRest.admin(first, ADMIN_PASSWORD);
        EngineRest two = EngineRest.admin(second, ADMIN_PASSWORD);

        // one schema (Flyway's advisory lock), one deployment (the engine's deployment lock + duplicate filter)
        assertThat(PostgresTestDatabase.count("select count(*) from camunda_schema_history where version = '1'"))
                .isEqualTo(1);
        assertThat(one.count("/engine-rest/deployment/count")).isEqualTo(1);
        assertThat(two.count("/engine-rest/process-definition/count?key=Process_DurabilityProbe")).isEqualTo(1);

        // the job executor runs on both nodes, each with its own lock owner
        assertThat(one.get("/actuator/health").body()).contains("\"active\":true");
        assertThat(two.get("/actuator/health").body()).contains("\"active\":true");

        // what one node writes, the other serves
        var started = one.postJson("/engine-rest/process-definition/key/Process_DurabilityProbe/start",
                "{\"businessKey\":\"cluster-1\"}");
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(two.count("/engine-rest/task/count?processInstanceBusinessKey=cluster-1")).isEqualTo(1);

        first.kill();

        assertThat(two.get("/engine-rest/engine").statusCode()).isEqualTo(200);
        assertThat(two.count("/engine-rest/task/count?processInstanceBusinessKey=cluster-1")).isEqualTo(1);
        assertThat(two.postJson("/engine-rest/process-definition/key/Process_DurabilityProbe/start",
                "{\"businessKey\":\"cluster-2\"}").statusCode()).isEqualTo(200);
        assertThat(two.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        assertThat(two.get("/actuator/health").body()).contains("\"status\":\"UP\"");
    }
}
