package dk.borgerflow.deadline;

import static dk.borgerflow.deadline.CalendarFixtures.copenhagen;
import static dk.borgerflow.deadline.CalendarFixtures.stockholm;
import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.BorgerflowTest;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Durations in BPMN models count working time of the instance's municipality and tier. */
@BorgerflowTest
class WorkingTimeBusinessCalendarTest {

    static final String TIMER_PROCESS = "Process_WaitFourOpeningHours";
    static final String TASK_PROCESS = "Process_AnswerWithinWorkingTime";
    static final String BOUNDARY_PROCESS = "Process_EscalateAfterFourOpeningHours";

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;

    private String deploymentId;

    /** Start → wait PT4H → end. */
    static BpmnModelInstance aFourOpeningHourTimer() {
        return Bpmn.createExecutableProcess(TIMER_PROCESS)
                .startEvent("StartEvent_Received")
                .intermediateCatchEvent("Timer_FourOpeningHours").timerWithDuration("PT4H")
                .endEvent("EndEvent_Done")
                .done();
    }

    /** A user task due in two working days, to follow up after four opening hours. */
    static BpmnModelInstance aTaskDueInTwoWorkingDays() {
        return Bpmn.createExecutableProcess(TASK_PROCESS)
                .startEvent("StartEvent_Received")
                .userTask("Task_Answer").camundaCandidateGroups("desk").camundaDueDate("P2D").camundaFollowUpDate("PT4H")
                .endEvent("EndEvent_Answered")
                .done();
    }

    /** A desk task that escalates after four opening hours. */
    static BpmnModelInstance aDeskTaskWithABoundaryTimer() {
        return Bpmn.createExecutableProcess(BOUNDARY_PROCESS)
                .startEvent("StartEvent_Received")
                .userTask("Task_AnswerAtDesk").camundaCandidateGroups("desk")
                .boundaryEvent("BoundaryTimer_FeedbackDue").timerWithDuration("PT4H")
                .endEvent("EndEvent_Escalated")
                .moveToActivity("Task_AnswerAtDesk")
                .endEvent("EndEvent_Answered")
                .done();
    }

    @AfterEach
    void resetClockAndRemoveModels() {
        ClockUtil.reset();
        if (deploymentId != null) {
            repository.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void aFourHourTimerStartedInSlagelseOnFridayAtFourFiresOnMondayAtTen() {
        ProcessInstance instance = startAt(copenhagen("2026-06-12T16:00"), aFourOpeningHourTimer(), TIMER_PROCESS,
                Map.of("municipality", "slagelse"));

        assertThat(instance.getTenantId()).isEqualTo("slagelse");
        assertThat(timerDueDate(instance)).isEqualTo(copenhagen("2026-06-15T10:00"));
    }

    @Test
    void aTimerCountsTheOpeningHoursOfTheTierInTheInstanceVariable() {
        ProcessInstance instance = startAt(stockholm("2026-06-12T15:00"), aFourOpeningHourTimer(), TIMER_PROCESS,
                Map.of("municipality", "spanga-tensta", "tier", "SPECIALIST"));

        // specialists 08-16: one hour on Friday, three on Monday
        assertThat(timerDueDate(instance)).isEqualTo(stockholm("2026-06-15T11:00"));
    }

    @Test
    void aTimerWithoutMunicipalityUsesTheDanishDefaultsIncludingGrundlovsdag() {
        ProcessInstance instance = startAt(copenhagen("2026-06-04T16:00"), aFourOpeningHourTimer(), TIMER_PROCESS,
                Map.of());

        assertThat(timerDueDate(instance)).isEqualTo(copenhagen("2026-06-08T10:00"));
    }

    @Test
    void aUserTaskIsDueAndFollowedUpInTheWorkingTimeOfItsTier() {
        startAt(copenhagen("2026-06-12T16:00"), aTaskDueInTwoWorkingDays(), TASK_PROCESS,
                Map.of("municipality", "slagelse", "tier", "desk"));

        Task task = tasks.createTaskQuery().processDefinitionKey(TASK_PROCESS).singleResult();
        assertThat(task.getDueDate().toInstant()).isEqualTo(copenhagen("2026-06-16T16:00"));
        // the desk opens at 10: two hours on Friday, two on Monday
        assertThat(task.getFollowUpDate().toInstant()).isEqualTo(copenhagen("2026-06-15T12:00"));
    }

    @Test
    void aBoundaryTimerOnADeskTaskCountsDeskHours() {
        ProcessInstance instance = startAt(copenhagen("2026-06-12T16:00"), aDeskTaskWithABoundaryTimer(),
                BOUNDARY_PROCESS, Map.of("municipality", "slagelse", "tier", "DESK"));

        assertThat(timerDueDate(instance)).isEqualTo(copenhagen("2026-06-15T12:00"));
    }

    private ProcessInstance startAt(Instant now, BpmnModelInstance model, String key, Map<String, Object> variables) {
        deploymentId = repository.createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy().getId();
        ClockUtil.setCurrentTime(Date.from(now));
        return runtime.startProcessInstanceByKey(key, new HashMap<>(variables));
    }

    private Instant timerDueDate(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult()
                .getDuedate().toInstant();
    }
}
