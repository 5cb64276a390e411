package dk.borgerflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rules every executable model in processes/ must follow, so Tasklist and process owners can rely on them. */
class ModelLintTest {

    private static final String ID_PATTERN =
            "(StartEvent|EndEvent|Event|Task|Gateway|Timer|BoundaryTimer|BoundaryEvent|Flow|Lane|LaneSet|"
                    + "Participant|Collaboration|Message|MessageDef|TimerDef|SubProcess|CallActivity|Signal|Escalation|"
                    + "Error|ErrorDef|EscalationDef|SignalDef|DataObject)_[A-Z][A-Za-z0-9]*";

    static Stream<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyUserTaskHasACandidateGroupOrAssigneeAndADeployedForm(Path model) {
        BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());
        for (UserTask task : bpmn.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaCandidateGroups() != null || task.getCamundaAssignee() != null)
                    .as("%s in %s has a candidate group or assignee", task.getId(), model).isTrue();
            assertThat(task.getCamundaFormRef()).as("%s has a formRef", task.getId()).isNotBlank();
            assertThat(task.getCamundaFormRefBinding()).as("%s binds its form to the deployment", task.getId())
                    .isEqualTo("deployment");
            String form = task.getCamundaFormRef().replace(LANGUAGE_SUFFIX, "");
            assertThat(task.getCamundaFormRef()).as("%s opens its form in the municipality's language", task.getId())
                    .isEqualTo(form + LANGUAGE_SUFFIX);
            assertThat(formExists(form)).as("form %s of %s exists in forms/", form, task.getId()).isTrue();
            // the Swedish tenant gets no Danish form: every form has its twin (SwedishFormTwinsTest)
            assertThat(formExists(form + "-sv")).as("Swedish form %s-sv of %s exists in forms/", form, task.getId())
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void idsSayWhatTheElementIs(Path model) {
        BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());
        List<String> badIds = bpmn.getModelElementsByType(BaseElement.class).stream()
                .filter(e -> !(e instanceof Process))
                .filter(e -> !e.getElementType().getTypeName().startsWith("BPMN")) // DI
                .filter(e -> e.getElementType().getTypeName().matches("[a-z].*")) // BPMN elements, not expressions
                .map(BaseElement::getId)
                .filter(id -> id != null && !id.matches(ID_PATTERN))
                .toList();
        assertThat(badIds).as("ids in %s not matching %s", model, ID_PATTERN).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyTimerHasADefinition(Path model) {
        BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());
        for (TimerEventDefinition timer : bpmn.getModelElementsByType(TimerEventDefinition.class)) {
            assertThat(timer.getTimeDuration() != null || timer.getTimeDate() != null || timer.getTimeCycle() != null)
                    .as("timer %s in %s", timer.getId(), model).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void timerDatesComeFromProcessVariablesNotFromLiteralDatesInTheModel(Path model) {
        BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());
        for (TimerEventDefinition timer : bpmn.getModelElementsByType(TimerEventDefinition.class)) {
            if (timer.getTimeDate() != null) {
                assertThat(timer.getTimeDate().getTextContent().trim())
                        .as("timeDate of %s in %s", ((BaseElement) timer.getParentElement()).getId(), model)
                        .matches("\\$\\{[A-Za-z][A-Za-z0-9]*\\}");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyCallActivityCallsAProcessOfProcessesFolder(Path model) throws IOException {
        BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());
        List<String> processIds;
        try (Stream<Path> all = models()) {
            processIds = all.flatMap(m -> Bpmn.readModelFromFile(m.toFile()).getModelElementsByType(Process.class)
                    .stream().map(Process::getId)).toList();
        }
        for (CallActivity call : bpmn.getModelElementsByType(CallActivity.class)) {
            assertThat(processIds).as("process called by %s in %s", call.getId(), model)
                    .contains(call.getCalledElement());
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyMessageEventCatchesANamedMessageSoCodeCanCorrelateIt(Path model) {
        BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());
        for (MessageEventDefinition definition : bpmn.getModelElementsByType(MessageEventDefinition.class)) {
            assertThat(definition.getMessage()).as("message of %s in %s",
                    ((BaseElement) definition.getParentElement()).getId(), model).isNotNull();
            assertThat(definition.getMessage().getName()).isNotBlank();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyBranchOfAnExclusiveGatewayHasAConditionOrIsTheDefault(Path model) {
        BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());
        for (ExclusiveGateway gateway : bpmn.getModelElementsByType(ExclusiveGateway.class)) {
            if (gateway.getOutgoing().size() < 2) {
                continue;
            }
            for (SequenceFlow flow : gateway.getOutgoing()) {
                assertThat(flow.getConditionExpression() != null || flow.equals(gateway.getDefault()))
                        .as("%s leaving %s", flow.getId(), gateway.getId()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyFlowNodeIsDrawnSoModelerShowsIt(Path model) {
        BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());
        List<String> drawn = bpmn.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()).toList();
        List<String> undrawn = bpmn.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
                .filter(id -> !drawn.contains(id)).toList();
        assertThat(undrawn).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void noFlowNodeIsADeadEndOrUnreachable(Path model) {
        BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());
        for (FlowNode n : bpmn.getModelElementsByType(FlowNode.class)) {
            boolean entered = n instanceof org.camunda.bpm.model.bpmn.instance.StartEvent
                    || n instanceof org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
            boolean ends = n instanceof org.camunda.bpm.model.bpmn.instance.EndEvent;
            if (!entered) {
                assertThat(n.getIncoming()).as("%s in %s has an incoming flow", n.getId(), model).isNotEmpty();
            }
            if (!ends) {
                assertThat(n.getOutgoing()).as("%s in %s has an outgoing flow", n.getId(), model).isNotEmpty();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void executableProcessesHaveAHistoryTimeToLive(Path model) {
        BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());
        bpmn.getModelElementsByType(Process.class).stream().filter(Process::isExecutable).forEach(p ->
                assertThat(p.getCamundaHistoryTimeToLiveString()).as("%s", p.getId()).isNotBlank());
    }

    /** The form reference of every user task: the form's id, then the language of the municipality. */
    static final String LANGUAGE_SUFFIX = "${taskForms.suffix(task)}";

    private static boolean formExists(String formId) {
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            return forms.anyMatch(f -> {
                try {
                    return Files.readString(f).contains("\"id\": \"" + formId + "\"");
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }
}
