package dk.borgerflow.operations.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.borgerflow.BorgerflowTest;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A completion that fails inside the engine because a colleague completed the task at the same
 * moment is a conflict (409), not a server error; the real race runs in ConcurrentTaskWorkPostgresIT.
 */
@BorgerflowTest
@ExtendWith(OutputCaptureExtension.class)
class ConcurrentCompletionTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService tasks;
    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate http;

    @Test
    void aCompletionThatFailsOnATaskThatIsGoneIsAConflict() {
        assertThatThrownBy(() -> execute(failingCompletionOf("a-task-someone-else-completed")))
                .isInstanceOf(OptimisticLockingException.class).hasMessageContaining("at the same time");
    }

    @Test
    void aCompletionThatFailsOnATaskThatIsGoneIsLoggedAsAConflictNotAsAnError(CapturedOutput output) {
        assertThatThrownBy(() -> execute(failingCompletionOf("another-task-someone-else-completed")))
                .isInstanceOf(OptimisticLockingException.class);
        assertThat(output.getAll()).doesNotContain("another-task-someone-else-completed")
                .doesNotContainPattern("(?m)^\\S+\\s+ERROR\\s");
    }

    @Test
    void aCompletionThatFailsOnATaskThatStillExistsKeepsItsErrorAndItsErrorLine(CapturedOutput output) {
        String open = anOpenTask();
        assertThatThrownBy(() -> execute(failingCompletionOf(open))).isInstanceOf(NullPointerException.class);
        assertThat(output.getAll()).containsPattern("(?m)^\\S+\\s+ERROR\\s.*ENGINE-16004.*no parent any more");
    }

    private String anOpenTask() {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        var created = http.withBasicAuth("agent-slagelse", "demo").postForEntity("/api/inquiries",
                new org.springframework.http.HttpEntity<>("""
                        {"municipality":"slagelse","channel":"PHONE","topic":"housing-benefit",
                         "summary":"Spørger til boligstøtte"}""", headers), java.util.Map.class);
        return tasks.createTaskQuery().processInstanceId(String.valueOf(created.getBody().get("processInstanceId")))
                .singleResult().getId();
    }

    private void execute(CompleteTaskCmd command) {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(command);
    }

    /** What the loser of the race meets: the engine fails half-way with a NullPointerException. */
    private static CompleteTaskCmd failingCompletionOf(String taskId) {
        return new CompleteTaskCmd(taskId, null) {
            @Override
            public VariableMap execute(CommandContext context) {
                throw new NullPointerException("the task's execution had no parent any more");
            }
        };
    }
}
