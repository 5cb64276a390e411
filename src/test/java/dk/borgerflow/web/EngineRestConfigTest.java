package dk.borgerflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/**
 * The rules by which engine-rest answers a lost race or a foreign tenant clearly instead of 500; the
 * HTTP races themselves are in {@code ConcurrentTaskWorkTest} and {@code TenantIsolationTest}, these
 * cover the cases too rare to provoke there (e.g. a database deadlock).
 */
class EngineRestConfigTest {

    static final EngineRestConfig.TaskLookup TASK_STILL_THERE = id -> true;
    static final EngineRestConfig.TaskLookup TASK_GONE = id -> false;

    @Test
    void aTaskClaimedBySomeoneElseIsAConflict() {
        assertAnswer(new TaskAlreadyClaimedException("t1", "agent-slagelse"), 409, EngineRestConfig.ALREADY_CLAIMED);
    }

    @Test
    void aLostOptimisticLockAtCompletionIsAConflict() {
        var lost = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new OptimisticLockingException("ENGINE-03005 Execution of 'DELETE TaskEntity' failed"), "Cannot complete");
        assertAnswer(lost, 409, EngineRestConfig.CONCURRENT_CHANGE);
    }

    @Test
    void aDatabaseDeadlockOrSerializationFailureIsAConflict() {
        var deadlock = new ProcessEngineException("ENGINE-03083 batch failed",
                new SQLException("deadlock detected", "40P01"));
        assertAnswer(deadlock, 409, EngineRestConfig.CONCURRENT_CHANGE);
        assertThat(EngineRestConfig.clearAnswer(new ProcessEngineException("x", new SQLException("syntax", "42601")),
                TASK_STILL_THERE)).isEmpty();
    }

    @Test
    void completingATaskThatIsGoneIsNotFound() {
        var gone = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new NullValueException("Cannot find task with id t1: task is null"), "Cannot complete task t1");
        assertAnswer(gone, 404, EngineRestConfig.TASK_GONE);
    }

    @Test
    void aMissingTaskAuthorizationIsNotFoundOnlyWhenTheTaskIsGone() {
        var denied = new AuthorizationException("agent-slagelse",
                List.of(new MissingAuthorization("TASK_WORK", "Task", "t1")));
        assertAnswer(denied, TASK_GONE, 404, EngineRestConfig.TASK_GONE);
        assertThat(EngineRestConfig.clearAnswer(denied, TASK_STILL_THERE)).as("a real 403 stays Camunda's").isEmpty();
    }

    @Test
    void anotherMunicipalitysTaskIsForbidden() {
        var foreign = new RestException(Response.Status.INTERNAL_SERVER_ERROR, new ProcessEngineException(
                "ENGINE-03110 Cannot complete the task 't1' because it belongs to no authenticated tenant."), "x");
        assertAnswer(foreign, 403, EngineRestConfig.OTHER_TENANT);
    }

    @Test
    void aDomainRuleRefusingInsideAListenerIsAConflictWithItsMessage() {
        var refused = new RestException(Response.Status.INTERNAL_SERVER_ERROR, new ProcessEngineException(
                "ENGINE-03051 listener failed", new dk.borgerflow.inquiry.InquiryRuleViolation("Henvendelsen er på trinnet Borgerservice.")),
                "Cannot complete task t1");
        assertAnswer(refused, 409, "Henvendelsen er på trinnet Borgerservice.");
        assertAnswer(new dk.borgerflow.consultation.ConsultationRuleViolation("Høringen er afsluttet."), 409, "Høringen er afsluttet.");
        assertThat(EngineRestConfig.clearAnswer(new BadUserRequestException("bad query"), TASK_STILL_THERE))
                .as("thrown directly, Camunda's 400 stays").isEmpty();
    }

    @Test
    void aBadRequestOfTheEngineInsideAListenerIsNoRuleOfOursAndStaysCamundasError() {
        // e.g. a listener passing null to the engine: a bug, not the user's conflict
        var bug = new RestException(Response.Status.INTERNAL_SERVER_ERROR, new ProcessEngineException(
                "ENGINE-03051 listener failed", new BadUserRequestException("taskId is null")), "Cannot complete task t1");
        assertThat(EngineRestConfig.clearAnswer(bug, TASK_STILL_THERE)).isEmpty();
        var npeInsideAListener = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new NullPointerException("inquiry"), "Cannot complete task t1");
        assertThat(EngineRestConfig.clearAnswer(npeInsideAListener, TASK_STILL_THERE)).isEmpty();
    }

    @Test
    void theEngineGuardsRefusalIsABadRequestWithItsMessageAlsoWhenWrapped() {
        assertAnswer(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new dk.borgerflow.security.ClientWriteRefused("Feltet findes ikke."), "Cannot complete task t1"),
                400, "Feltet findes ikke.");
    }

    @Test
    void anythingElseIsLeftToCamunda() {
        assertThat(EngineRestConfig.clearAnswer(new ProcessEngineException("boom"), TASK_STILL_THERE)).isEmpty();
    }

    private static void assertAnswer(Throwable thrown, int status, String message) {
        assertAnswer(thrown, TASK_STILL_THERE, status, message);
    }

    private static void assertAnswer(Throwable thrown, EngineRestConfig.TaskLookup tasks, int status, String message) {
        Optional<Response> answer = EngineRestConfig.clearAnswer(thrown, tasks);
        assertThat(answer).isPresent();
        assertThat(answer.get().getStatus()).isEqualTo(status);
        assertThat(((ExceptionDto) answer.get().getEntity()).getMessage()).isEqualTo(message);
    }
}
