package dk.borgerflow.operations.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Two people completing one task at the same moment on two nodes: the loser's command can read the
 * task before the winner commits and its execution tree after, and then fails inside the engine with a
 * {@link NullPointerException} (seen in {@code ConcurrentTaskWorkPostgresIT}: the task's execution had
 * no parent any more) instead of the {@link OptimisticLockingException} it would have met at flush.
 * When a task completion fails that way and the task is gone afterwards, it was completed
 * concurrently: it fails as the engine does for that case (engine-rest and Tasklist map it to 409).
 * Any other failure passes through unchanged. The interceptor runs inside the command context, so
 * the context sees the conflict and logs it as one (DEBUG), not the NullPointerException (ERROR).
 */
@Component
class ConcurrentCompletionPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new CompletedConcurrently(configuration));
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    static final class CompletedConcurrently extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        CompletedConcurrently(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (NullPointerException e) {
                String taskId = taskIdOf(command);
                if (taskId != null && isGone(taskId)) {
                    OptimisticLockingException conflict = new OptimisticLockingException("Task " + taskId
                            + " was completed by someone else at the same time.");
                    conflict.initCause(e);
                    throw conflict;
                }
                throw e;
            }
        }

        /** Looked up in a transaction of its own: the winner's commit is visible there. */
        private boolean isGone(String taskId) {
            CommandExecutor fresh = configuration.getCommandExecutorTxRequiresNew();
            return fresh.execute(context -> context.getTaskManager().findTaskById(taskId) == null);
        }

        private static String taskIdOf(Command<?> command) {
            if (!(command instanceof CompleteTaskCmd) && !(command instanceof SubmitTaskFormCmd)) {
                return null;
            }
            Class<?> type = command instanceof CompleteTaskCmd ? CompleteTaskCmd.class : SubmitTaskFormCmd.class;
            try {
                Field field = type.getDeclaredField("taskId");
                field.setAccessible(true);
                return (String) field.get(command);
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
    }
}
