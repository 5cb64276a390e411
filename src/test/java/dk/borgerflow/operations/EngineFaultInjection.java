package dk.borgerflow.operations;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Test profile only: a real failure inside the engine, on demand. The completion of an armed task runs
 * (listeners, delegates, the next task) and then fails with a {@link RuntimeException} inside the
 * command context, as a broken delegate would; the engine rolls everything back. Inert for every task
 * that was not armed.
 */
@Component
@Profile("test")
public class EngineFaultInjection extends AbstractProcessEnginePlugin {

    public static final String FAULT = "injected fault: the work after the task failed";
    private static final Map<String, RuntimeException> ARMED = new ConcurrentHashMap<>();

    /** The next completion (complete or submit-form) of this task fails after it ran, with this fault. */
    public static void failCompletionOf(String taskId, RuntimeException fault) {
        ARMED.put(taskId, fault);
    }

    public static void disarm() {
        ARMED.clear();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                T result = next.execute(command);
                String taskId = taskIdOf(command);
                RuntimeException fault = taskId == null ? null : ARMED.remove(taskId);
                if (fault != null) {
                    throw fault;
                }
                return result;
            }
        });
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    private static String taskIdOf(Command<?> command) {
        Class<?> type = command instanceof CompleteTaskCmd ? CompleteTaskCmd.class
                : command instanceof SubmitTaskFormCmd ? SubmitTaskFormCmd.class : null;
        if (type == null) {
            return null;
        }
        try {
            Field field = type.getDeclaredField("taskId");
            field.setAccessible(true);
            return (String) field.get(command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
