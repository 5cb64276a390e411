package dk.borgerflow.operations;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test class path only, and only with {@code --borgerflow.test.fault-injection=true} (nodes started by
 * {@code NodeLossPostgresIT}): moves the due date of a process instance's timer, so a deadline that is
 * days away in working time falls within the test run. Uses the engine's own API
 * ({@link ManagementService#setJobDuedate}), as an operator would in Cockpit.
 */
@RestController
@ConditionalOnProperty(name = "borgerflow.test.fault-injection", havingValue = "true")
class DeadlineFaultInjectionController {

    static final String PATH = "/api/test-faults/timers/{processInstanceId}/{activityId}";

    private final ManagementService management;

    DeadlineFaultInjectionController(ManagementService management) {
        this.management = management;
    }

    @PostMapping(PATH)
    Map<String, Object> moveTimer(@PathVariable String processInstanceId, @PathVariable String activityId,
            @RequestParam Instant dueAt) {
        Job timer = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers()
                .singleResult();
        if (timer == null) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "No timer " + activityId + " in " + processInstanceId);
        }
        management.setJobDuedate(timer.getId(), Date.from(dueAt));
        return Map.of("jobId", timer.getId(), "dueAt", dueAt.toString());
    }
}
