package dk.borgerflow.operations;

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
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A completion that fails inside the engine because a colleague completed the task at the same
 * moment is a conflict (409), not a server error; the real race runs in ConcurrentTaskWorkPostgresIT.
 */
@BorgerflowTest
class ConcurrentCompletionTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService tasks;

    @Test
    void aCompletionThatFailsOnATaskThatIsGoneIsAConflict() {
        assertThatThrownBy(() -> execute(failingCompletionOf("a-task-someone-else-completed")))
                .isInstanceOf(OptimisticLockingException.class).hasMessageContaining("at the same time");
    }

    @Test
    void aCompletionThatFailsOnATaskThatStillExistsKeepsItsError() {
        String open = tasks.createTaskQuery().active().listPage(0, 1).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo data has open tasks")).getId();
        assertThatThrownBy(() -> execute(failingCompletionOf(open))).isInstanceOf(NullPointerException.class);
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
