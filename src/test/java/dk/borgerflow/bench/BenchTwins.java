package dk.borgerflow.bench;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The bare-engine twins the benchmark compares Borgerflow with. They are deployed programmatically
 * into the same engine, only by the benchmark; they are not part of processes/.
 */
final class BenchTwins {

    /** One exclusive gateway and one user task (candidate group, due date): the intake and queue twin. */
    static final String BARE = "benchBare";
    /** A user task with an interrupting boundary timer at its due date: the escalation twin. */
    static final String BARE_TIMER = "benchBareTimer";
    static final String BARE_TIMER_EVENT = "BoundaryTimer_BareDue";

    private BenchTwins() {
    }

    static BpmnModelInstance bare() {
        return Bpmn.createExecutableProcess(BARE).name("Bench: bare twin").camundaHistoryTimeToLiveString("P180D")
                .startEvent("StartEvent_BareReceived")
                .exclusiveGateway("Gateway_BareSelfService")
                    .condition("self-service", "${selfService}")
                    .endEvent("EndEvent_BareSelfService")
                .moveToLastGateway()
                    .condition("personal", "${!selfService}")
                    .userTask("Task_BareAnswer").camundaCandidateGroups("${answerGroup}").camundaDueDate("${dueAt}")
                    .endEvent("EndEvent_BareAnswered")
                .done();
    }

    static BpmnModelInstance bareTimer() {
        return Bpmn.createExecutableProcess(BARE_TIMER).name("Bench: bare timer twin")
                .camundaHistoryTimeToLiveString("P180D")
                .startEvent("StartEvent_BareTimerReceived")
                .userTask("Task_BareTimerAnswer").camundaCandidateGroups("${answerGroup}").camundaDueDate("${dueAt}")
                    .boundaryEvent(BARE_TIMER_EVENT).cancelActivity(true).timerWithDate("${dueAt}")
                    .endEvent("EndEvent_BareEscalated")
                .moveToActivity("Task_BareTimerAnswer")
                    .endEvent("EndEvent_BareTimerAnswered")
                .done();
    }

    static void deploy(RepositoryService repository) {
        repository.createDeployment().name("borgerflow-bench-twins").enableDuplicateFiltering(true)
                .addModelInstance("bench-bare.bpmn", bare())
                .addModelInstance("bench-bare-timer.bpmn", bareTimer())
                .deploy();
    }
}
