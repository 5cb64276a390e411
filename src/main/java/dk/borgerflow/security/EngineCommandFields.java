package dk.borgerflow.security;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.RestartProcessInstanceBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * What the engine guard reads from Camunda's command objects, which keep it in protected fields
 * without getters. Every field is looked up when the engine starts: an engine whose commands no
 * longer have them fails at startup, naming the field, instead of the guard silently checking
 * nothing ({@code EngineCommandFieldsTest} pins the list to the engine on the classpath).
 */
final class EngineCommandFields {

    private final Field completeTaskId = field(CompleteTaskCmd.class, "taskId");
    private final Field completeVariables = field(CompleteTaskCmd.class, "variables");
    private final Field submitTaskId = field(SubmitTaskFormCmd.class, "taskId");
    private final Field submitVariables = field(SubmitTaskFormCmd.class, "properties");
    private final Field variableEntityId = field(AbstractVariableCmd.class, "entityId");
    private final Field setVariables = field(AbstractSetVariableCmd.class, "variables");
    private final Field removeNames = field(AbstractRemoveVariableCmd.class, "variableNames");
    private final Field patchEntityId = field(AbstractPatchVariablesCmd.class, "entityId");
    private final Field patchVariables = field(AbstractPatchVariablesCmd.class, "variables");
    private final Field patchDeletions = field(AbstractPatchVariablesCmd.class, "deletions");
    private final Field startBuilder = field(StartProcessInstanceCmd.class, "instantiationBuilder");
    private final Field startAtActivitiesBuilder = field(StartProcessInstanceAtActivitiesCmd.class, "instantiationBuilder");
    private final Field submitStartDefinitionId = field(SubmitStartFormCmd.class, "processDefinitionId");
    private final Field submitStartVariables = field(SubmitStartFormCmd.class, "variables");
    private final Field restartBuilder = field(AbstractRestartProcessInstanceCmd.class, "builder");
    private final Field savedTask = field(SaveTaskCmd.class, "task");

    private static Field field(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Borgerflow's engine guard reads " + type.getName() + "." + name
                    + ", which this Camunda version does not have; see docs/upgrading.md", e);
        }
    }

    private static Object read(Field field, Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    String taskId(CompleteTaskCmd command) {
        return (String) read(completeTaskId, command);
    }

    @SuppressWarnings("unchecked")
    Map<String, ?> variables(CompleteTaskCmd command) {
        return (Map<String, ?>) read(completeVariables, command);
    }

    String taskId(SubmitTaskFormCmd command) {
        return (String) read(submitTaskId, command);
    }

    @SuppressWarnings("unchecked")
    Map<String, ?> variables(SubmitTaskFormCmd command) {
        return (Map<String, ?>) read(submitVariables, command);
    }

    String entityId(AbstractVariableCmd command) {
        return (String) read(variableEntityId, command);
    }

    @SuppressWarnings("unchecked")
    Map<String, ?> variables(AbstractSetVariableCmd command) {
        return (Map<String, ?>) read(setVariables, command);
    }

    @SuppressWarnings("unchecked")
    Collection<String> names(AbstractRemoveVariableCmd command) {
        return (Collection<String>) read(removeNames, command);
    }

    String entityId(AbstractPatchVariablesCmd command) {
        return (String) read(patchEntityId, command);
    }

    @SuppressWarnings("unchecked")
    Map<String, ?> variables(AbstractPatchVariablesCmd command) {
        return (Map<String, ?>) read(patchVariables, command);
    }

    @SuppressWarnings("unchecked")
    Collection<String> deletions(AbstractPatchVariablesCmd command) {
        return (Collection<String>) read(patchDeletions, command);
    }

    ProcessInstantiationBuilderImpl builder(StartProcessInstanceCmd command) {
        return (ProcessInstantiationBuilderImpl) read(startBuilder, command);
    }

    ProcessInstantiationBuilderImpl builder(StartProcessInstanceAtActivitiesCmd command) {
        return (ProcessInstantiationBuilderImpl) read(startAtActivitiesBuilder, command);
    }

    String processDefinitionId(SubmitStartFormCmd command) {
        return (String) read(submitStartDefinitionId, command);
    }

    @SuppressWarnings("unchecked")
    Map<String, ?> variables(SubmitStartFormCmd command) {
        return (Map<String, ?>) read(submitStartVariables, command);
    }

    RestartProcessInstanceBuilderImpl builder(AbstractRestartProcessInstanceCmd<?> command) {
        return (RestartProcessInstanceBuilderImpl) read(restartBuilder, command);
    }

    TaskEntity task(SaveTaskCmd command) {
        return (TaskEntity) read(savedTask, command);
    }
}
