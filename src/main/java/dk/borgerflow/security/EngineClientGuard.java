package dk.borgerflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.ExtendLockOnExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.FetchExternalTasksCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.LockExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The trust boundary between engine clients and the engine. engine-rest and Tasklist's engine API
 * are public APIs: whatever a logged-in worker may send there will be sent. Camunda's authorizations
 * decide who may touch which task or instance; they do not look at what a request carries. This
 * guard does, for every command such a request runs (not the commands process code runs inside it,
 * nor our own API's, nor the job executor's):
 * <ul>
 * <li>completing a task, submitting its form, or setting/removing its variables: only the fields of
 * that task's form, fields the form only shows unchanged, choice fields with one of their options,
 * text within the column limit and without CPR numbers; nothing else ({@code inquiryId}, {@code tier}, {@code dueAt} ...);
 * <li>starting, submitting the start form of, or restarting a process that belongs to our API
 * ({@link ApiStartedProcess}): refused for everyone, the row would be missing;
 * <li>for everyone but administrators: no process or execution variables, no message correlation,
 * signals or conditional starts, no instance modification, no BPMN error or escalation thrown from a
 * task, no external-task work, and no change of a task's deadline, follow-up date, priority, name or
 * description (the inquiry's service level owns them).
 * </ul>
 * A refusal is a {@link ClientWriteRefused} (400) thrown before the command changes anything.
 */
@Component
class EngineClientGuard extends AbstractProcessEnginePlugin {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EngineClientGuard.class);
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final ObjectProvider<ApiStartedProcess> apiStartedProcesses;
    private final ObjectMapper json;
    private final EngineCommandFields fields = new EngineCommandFields();
    /** Forms bound to a deployment never change: parsed once per (process definition, form key). */
    private final Map<String, TaskForm> forms = new ConcurrentHashMap<>();

    EngineClientGuard(ObjectProvider<ApiStartedProcess> apiStartedProcesses, ObjectMapper json) {
        this.apiStartedProcesses = apiStartedProcesses;
        this.json = json;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> post = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        post.add(new Interceptor());
        configuration.setCustomPostCommandInterceptorsTxRequired(post);
    }

    /** Runs inside the command context, so the checks read the same state the command will change. */
    private final class Interceptor extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (!EngineClients.servingClient()) {
                return next.execute(command);
            }
            int[] depth = DEPTH.get();
            depth[0]++;
            try {
                if (depth[0] == 1) {
                    try {
                        check(command, Context.getCommandContext());
                    } catch (ClientWriteRefused refused) {
                        // who tried what, for the security log (the answer itself goes to the client)
                        Authentication who = Context.getCommandContext().getAuthentication();
                        log.warn("Engine client {} refused: {}: {}", who == null ? "(anonymous)" : who.getUserId(),
                                command.getClass().getSimpleName(), refused.getMessage());
                        throw refused;
                    }
                }
                return next.execute(command);
            } finally {
                depth[0]--;
                if (depth[0] == 0) {
                    DEPTH.remove();
                }
            }
        }
    }

    void check(Command<?> command, CommandContext context) {
        // for everyone, administrators included
        if (command instanceof CompleteTaskCmd complete) {
            checkTaskVariables(context, fields.taskId(complete), fields.variables(complete), "afslutte opgaven");
            return;
        }
        if (command instanceof SubmitTaskFormCmd submit) {
            checkTaskVariables(context, fields.taskId(submit), fields.variables(submit), "afslutte opgaven");
            return;
        }
        if (command instanceof StartProcessInstanceCmd start) {
            refuseApiStarted(context, fields.builder(start));
            return;
        }
        if (command instanceof StartProcessInstanceAtActivitiesCmd start) {
            refuseApiStarted(context, fields.builder(start));
            return;
        }
        if (command instanceof SubmitStartFormCmd submit) {
            refuseApiStarted(context, definition(context, fields.processDefinitionId(submit)));
            return;
        }
        if (command instanceof AbstractRestartProcessInstanceCmd<?> restart) {
            String definitionId = fields.builder(restart).getProcessDefinitionId();
            refuseApiStarted(context, definitionId == null ? null : definition(context, definitionId));
            return;
        }
        if (isAdmin(context.getAuthentication())) {
            return;
        }
        // for everyone else
        if (command instanceof SetTaskVariablesCmd set) {
            checkTaskVariables(context, fields.entityId(set), fields.variables(set), "gemme variabler");
        } else if (command instanceof PatchTaskVariablesCmd patch) {
            checkTaskVariables(context, fields.entityId(patch), fields.variables(patch), "gemme variabler");
            checkTaskRemovals(context, fields.entityId(patch), fields.deletions(patch));
        } else if (command instanceof RemoveTaskVariablesCmd remove) {
            checkTaskRemovals(context, fields.entityId(remove), fields.names(remove));
        } else if (command instanceof SaveTaskCmd save) {
            checkTaskChanges(context, fields.task(save));
        } else {
            REFUSED_FOR_WORKERS.forEach((type, reason) -> {
                if (type.isInstance(command)) {
                    throw new ClientWriteRefused(reason);
                }
            });
        }
    }

    /** Commands whose content the guard checks (for everyone, or for everyone but administrators). */
    static final List<Class<?>> CHECKED = List.of(CompleteTaskCmd.class, SubmitTaskFormCmd.class,
            StartProcessInstanceCmd.class, StartProcessInstanceAtActivitiesCmd.class, SubmitStartFormCmd.class,
            AbstractRestartProcessInstanceCmd.class, SetTaskVariablesCmd.class, PatchTaskVariablesCmd.class,
            RemoveTaskVariablesCmd.class, SaveTaskCmd.class);

    private static final String VARIABLES_OWNED_BY_PROCESS = "Procesvariabler ændres kun af processen selv og af "
            + "administratorer. Udfyld opgavens formular i stedet.";
    private static final String MESSAGES_THROUGH_API = "Beskeder, signaler og betingelser sendes af Borgerflows API "
            + "(fx POST /api/inquiries/{id}/citizen-replies) og af administratorer, ikke direkte til motoren.";
    private static final String MODIFICATION_BY_ADMIN = "Kun administratorer kan flytte en proces til et andet trin.";
    private static final String TASK_ENDS_WITH_FORM = "En opgave afsluttes med sin formular; fejl og eskaleringer "
            + "kastes af processen selv.";
    private static final String EXTERNAL_TASKS_BY_SYSTEM = "Eksterne opgaver arbejdes kun af systemets egne "
            + "workers (administratorer).";

    private static final String ADMINISTRATORS_ONLY = "Kun administratorer kan suspendere, migrere eller ændre "
            + "opbevaringstiden for processer i alle kommuner (docs/operations.md, \"Who may do what\").";

    /** Commands refused to everyone but administrators, with the reason the client reads. */
    static final Map<Class<?>, String> REFUSED_FOR_WORKERS = refusedForWorkers();

    private static Map<Class<?>, String> refusedForWorkers() {
        Map<Class<?>, String> refused = new java.util.LinkedHashMap<>();
        for (Class<?> type : List.of(SetExecutionVariablesCmd.class, PatchExecutionVariablesCmd.class,
                RemoveExecutionVariablesCmd.class, SetVariablesToProcessInstancesBatchCmd.class)) {
            refused.put(type, VARIABLES_OWNED_BY_PROCESS);
        }
        for (Class<?> type : List.of(AbstractCorrelateMessageCmd.class, CorrelateAllMessageBatchCmd.class,
                MessageEventReceivedCmd.class, SignalEventReceivedCmd.class, SignalCmd.class,
                EvaluateStartConditionCmd.class)) {
            refused.put(type, MESSAGES_THROUGH_API);
        }
        for (Class<?> type : List.of(ModifyProcessInstanceCmd.class, ModifyProcessInstanceAsyncCmd.class,
                ProcessInstanceModificationCmd.class, ProcessInstanceModificationBatchCmd.class)) {
            refused.put(type, MODIFICATION_BY_ADMIN);
        }
        refused.put(HandleTaskBpmnErrorCmd.class, TASK_ENDS_WITH_FORM);
        refused.put(HandleTaskEscalationCmd.class, TASK_ENDS_WITH_FORM);
        for (Class<?> type : List.of(ExternalTaskCmd.class, FetchExternalTasksCmd.class, LockExternalTaskCmd.class,
                ExtendLockOnExternalTaskCmd.class, UnlockExternalTaskCmd.class)) {
            refused.put(type, EXTERNAL_TASKS_BY_SYSTEM);
        }
        refused.put(AbstractSetTaskPropertyCmd.class, DEADLINE_OWNED);
        // a task without its candidate groups is a task nobody finds: a citizen lost in the system
        refused.put(org.camunda.bpm.engine.impl.cmd.DeleteGroupIdentityLinkCmd.class, "Opgavens kandidatgrupper "
                + "styres af processen og kan ikke fjernes. Omfordel opgaven i stedet (teamlederen kan hjælpe).");
        for (Class<?> type : List.of(org.camunda.bpm.engine.impl.cmd.AbstractUpdateProcessInstancesSuspendStateCmd.class,
                org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd.class,
                org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd.class,
                org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricProcessInstancesCmd.class,
                org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricDecisionInstancesCmd.class,
                org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricBatchesCmd.class,
                org.camunda.bpm.engine.impl.cmd.SetExternalTasksRetriesCmd.class,
                org.camunda.bpm.engine.impl.cmd.SetExternalTasksRetriesBatchCmd.class)) {
            refused.put(type, ADMINISTRATORS_ONLY);
        }
        return java.util.Collections.unmodifiableMap(refused);
    }

    /** Whether the guard looks at commands of this type at all (EngineCommandCoverageTest). */
    static boolean covers(Class<?> commandType) {
        return CHECKED.stream().anyMatch(t -> t.isAssignableFrom(commandType))
                || REFUSED_FOR_WORKERS.keySet().stream().anyMatch(t -> t.isAssignableFrom(commandType));
    }

    static final String DEADLINE_OWNED = "Opgavens frist, opfølgningsdato, prioritet, navn og beskrivelse følger "
            + "henvendelsens servicemål og kan ikke ændres her. Omfordel opgaven, eller bed teamlederen om hjælp.";

    private static boolean isAdmin(Authentication authentication) {
        return authentication != null && authentication.getGroupIds() != null
                && authentication.getGroupIds().contains(Groups.ADMIN);
    }

    // ---- process starts ----

    private ProcessDefinitionEntity definition(CommandContext context, String definitionId) {
        return context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(definitionId);
    }

    private void refuseApiStarted(CommandContext context, ProcessInstantiationBuilderImpl builder) {
        String key = builder.getProcessDefinitionKey();
        if (key == null && builder.getProcessDefinitionId() != null) {
            key = definition(context, builder.getProcessDefinitionId()).getKey();
        }
        refuseApiStarted(key);
    }

    private void refuseApiStarted(CommandContext context, ProcessDefinitionEntity definition) {
        if (definition != null) {
            refuseApiStarted(definition.getKey());
        }
    }

    private void refuseApiStarted(String processKey) {
        apiStartedProcesses.stream().filter(p -> p.processKey().equals(processKey)).findFirst().ifPresent(p -> {
            throw new ClientWriteRefused("Processen '" + processKey + "' startes kun gennem " + p.startedThrough()
                    + ", som også opretter sagen; startet her ville processen ikke høre til nogen sag.");
        });
    }

    private boolean isApiStarted(String processKey) {
        return apiStartedProcesses.stream().anyMatch(p -> p.processKey().equals(processKey));
    }

    // ---- task variables ----

    private void checkTaskVariables(CommandContext context, String taskId, Map<String, ?> variables, String action) {
        if (variables == null || variables.isEmpty()) {
            return;
        }
        TaskEntity task = visibleTask(context, taskId);
        if (task == null) {
            return; // the command itself answers "no such task" or "not yours"
        }
        TaskForm form = form(context, task);
        for (Map.Entry<String, ?> entry : variables.entrySet()) {
            String name = entry.getKey();
            TaskForm.Field field = form.fields().get(name);
            if (field == null) {
                throw new ClientWriteRefused("Feltet '" + name + "' hører ikke til opgavens formular ("
                        + form.formId() + "), så du kan ikke " + action + " med det. Formularens felter: "
                        + String.join(", ", form.editableKeys()) + ".");
            }
            Object value = entry.getValue();
            if (!primitive(value)) {
                throw new ClientWriteRefused("Feltet '" + name + "' skal være tekst, tal, dato eller ja/nej.");
            }
            Object plain = plain(value);
            if (!field.editable()) {
                if (!sameValue(plain, task.getVariable(name))) {
                    throw new ClientWriteRefused("Feltet '" + name + "' vises kun i formularen og kan ikke ændres.");
                }
                continue;
            }
            checkValue(field, plain);
        }
    }

    private void checkValue(TaskForm.Field field, Object value) {
        if (value == null || value instanceof String s && s.isEmpty()) {
            return;
        }
        if (!field.options().isEmpty() && !field.options().contains(String.valueOf(value))) {
            throw new ClientWriteRefused("'" + value + "' er ikke et af valgene i feltet '" + field.key() + "' ("
                    + String.join(", ", field.options()) + ").");
        }
        if (value instanceof String text) {
            if (text.length() > TaskForm.TEXT_LIMIT) {
                throw new ClientWriteRefused("Feltet '" + field.key() + "' må højst have " + TaskForm.TEXT_LIMIT
                        + " tegn (" + text.length() + "). Forkort teksten.");
            }
            // a CPR number typed into a note would become a process variable every worker can read
            if (field.freeText() && CprInText.containsCpr(text)) {
                throw new ClientWriteRefused("Feltet '" + field.key() + "': " + CprInText.WHERE_IT_BELONGS);
            }
        }
    }

    private void checkTaskRemovals(CommandContext context, String taskId, Collection<String> names) {
        if (names == null || names.isEmpty()) {
            return;
        }
        TaskEntity task = visibleTask(context, taskId);
        if (task == null) {
            return;
        }
        TaskForm form = form(context, task);
        for (String name : names) {
            TaskForm.Field field = form.fields().get(name);
            if (field == null || !field.editable()) {
                throw new ClientWriteRefused("Variablen '" + name + "' kan ikke fjernes her; kun opgavens egne "
                        + "formularfelter (" + String.join(", ", form.editableKeys()) + ").");
            }
        }
    }

    /**
     * The task, if the user may see it (tenant and authorizations, as the task query applies them).
     * A task of another municipality is left to the command's own 403/404: a refusal naming the
     * form's fields would tell an outsider that the task exists.
     */
    private static TaskEntity visibleTask(CommandContext context, String taskId) {
        if (taskId == null || context.getProcessEngineConfiguration().getTaskService().createTaskQuery()
                .taskId(taskId).count() == 0) {
            return null;
        }
        return context.getTaskManager().findTaskById(taskId);
    }

    /**
     * The form of the task: its Camunda Form, its generated form fields, or none (no variables). A form
     * reference may be an expression (e.g. a form per language), so the cache key is the form it
     * resolved to: within a deployment (binding {@code deployment}) a form never changes.
     */
    TaskForm form(CommandContext context, TaskEntity task) {
        TaskFormData formData = context.runWithoutAuthorization(() -> new GetTaskFormCmd(task.getId()).execute(context));
        if (formData.getCamundaFormRef() != null) {
            boolean cacheable = "deployment".equals(formData.getCamundaFormRef().getBinding());
            String cacheKey = task.getProcessDefinitionId() + "/" + formData.getCamundaFormRef().getKey();
            TaskForm cached = cacheable ? forms.get(cacheKey) : null;
            if (cached != null) {
                return cached;
            }
            TaskForm form;
            try (InputStream resource = context.runWithoutAuthorization(
                    () -> new GetDeployedTaskFormCmd(task.getId()).execute(context))) {
                form = TaskForm.ofCamundaForm(resource, json);
            } catch (IOException e) {
                throw new IllegalStateException("Form " + formData.getCamundaFormRef().getKey() + " cannot be read", e);
            }
            if (cacheable) {
                forms.put(cacheKey, form);
            }
            return form;
        }
        if (formData.getFormFields() != null && !formData.getFormFields().isEmpty()) {
            return TaskForm.ofFormFields(task.getTaskDefinitionKey(),
                    formData.getFormFields().stream().map(FormField::getId).toList());
        }
        return TaskForm.NONE;
    }

    /** Text, number, date, yes/no or nothing: what form fields hold (no bytes, files or objects). */
    private static boolean primitive(Object value) {
        if (value instanceof TypedValue typed) {
            return (typed.getType() == null || typed.getType().isPrimitiveValueType()) && primitive(typed.getValue());
        }
        return value == null || value instanceof String || value instanceof Boolean || value instanceof Number
                || value instanceof Date;
    }

    private static Object plain(Object value) {
        return value instanceof TypedValue typed ? typed.getValue() : value;
    }

    /** What Tasklist sends back for a read-only field: the value it showed (empty for none). */
    static boolean sameValue(Object submitted, Object current) {
        Object a = plain(submitted);
        Object b = plain(current);
        if (isEmpty(a) && isEmpty(b)) {
            return true;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return new java.math.BigDecimal(x.toString()).compareTo(new java.math.BigDecimal(y.toString())) == 0;
        }
        return Objects.equals(a, b) || a != null && b != null && a.toString().equals(b.toString());
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof String s && s.isEmpty();
    }

    // ---- task properties ----

    /** engine-rest's PUT /task/{id}: only assignment (assignee, owner, delegation) may change. */
    private void checkTaskChanges(CommandContext context, TaskEntity changed) {
        if (changed == null || changed.getId() == null) {
            return;
        }
        // read in a transaction of its own: the command merges its own copy of the task into this
        // context's entity cache, which a second copy loaded here would collide with
        TaskEntity current = context.getProcessEngineConfiguration().getCommandExecutorTxRequiresNew()
                .execute(c -> c.getTaskManager().findTaskById(changed.getId()));
        if (current == null || current.getProcessDefinitionId() == null
                || !isApiStarted(definition(context, current.getProcessDefinitionId()).getKey())) {
            // processes of the process owners' own: their tasks' dates are theirs to manage
            return;
        }
        Set<String> differences = new java.util.TreeSet<>();
        compare(differences, "due", changed.getDueDate(), current.getDueDate());
        compare(differences, "followUp", changed.getFollowUpDate(), current.getFollowUpDate());
        compare(differences, "priority", changed.getPriority(), current.getPriority());
        compare(differences, "name", changed.getName(), current.getName());
        compare(differences, "description", changed.getDescription(), current.getDescription());
        compare(differences, "tenantId", changed.getTenantId(), current.getTenantId());
        compare(differences, "parentTaskId", changed.getParentTaskId(), current.getParentTaskId());
        compare(differences, "caseInstanceId", changed.getCaseInstanceId(), current.getCaseInstanceId());
        if (!differences.isEmpty()) {
            throw new ClientWriteRefused(DEADLINE_OWNED + " (ændret: "
                    + differences.stream().collect(Collectors.joining(", ")) + ")");
        }
    }

    private static void compare(Set<String> differences, String name, Object changed, Object current) {
        if (changed instanceof Date a && current instanceof Date b ? a.getTime() != b.getTime()
                : !Objects.equals(changed, current)) {
            differences.add(name);
        }
    }
}
