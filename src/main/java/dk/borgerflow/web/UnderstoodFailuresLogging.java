package dk.borgerflow.web;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda's command context logs every failed command as {@code ENGINE-16004} at ERROR, except a lost
 * claim (INFO), a lost optimistic lock, a bad request and a missing authorization (DEBUG): so a
 * colleague's task completed a moment ago ({@code "Cannot find task with id"}), or our own domain rule
 * refusing inside a task listener (wrapped by the engine in {@code ENGINE-03051}) landed at ERROR with
 * a stack trace, although the client gets a clear 404/409. Here the command context logs at DEBUG
 * exactly the failures that engine-rest and Tasklist answer clearly ({@link EngineRestConfig#clearAnswer},
 * the one list of understood failures), through the engine's own hook ({@code CommandContext.shouldLogFine});
 * every other failure keeps its ERROR line.
 */
@Component
class UnderstoodFailuresLogging extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCommandContextFactory() != null) {
            throw new IllegalStateException("Another plugin set a CommandContextFactory; merge it with "
                    + UnderstoodFailuresLogging.class.getName());
        }
        CommandContextFactory contexts = new CommandContextFactory() {
            @Override
            public CommandContext createCommandContext() {
                return new CommandContext(processEngineConfiguration) {
                    @Override
                    protected boolean shouldLogFine(Throwable exception) {
                        return super.shouldLogFine(exception) || isUnderstood(exception);
                    }
                };
            }
        };
        contexts.setProcessEngineConfiguration(configuration);
        configuration.setCommandContextFactory(contexts);
    }

    /**
     * Whether the failure gets a clear 4xx answer. The one answer that depends on the database (a missing
     * task authorization: 404 when the task is gone, else 403) is logged at DEBUG by the engine already,
     * so no lookup runs while the failed command closes.
     */
    static boolean isUnderstood(Throwable exception) {
        return EngineRestConfig.clearAnswer(exception, taskId -> true).isPresent();
    }
}
