package dk.borgerflow.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import dk.borgerflow.security.ClientWriteRefused;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * engine-rest ({@code /engine-rest}) as the starter configures it, with clear answers where two
 * users (or nodes) change the same thing at once. Camunda answers those with 500; here:
 * <ul>
 * <li>a request the engine guard refused (a variable the task's form does not own, a process that
 * starts only through our API, ...: {@link ClientWriteRefused}) → 400 with its message;
 * <li>claiming a task someone else has claimed ({@link TaskAlreadyClaimedException}) → 409;
 * <li>a concurrent change lost the optimistic lock ({@link OptimisticLockingException}, e.g. two
 * completes or two claims of one task at the same moment; or JPA's version check on the inquiry row,
 * {@link ConcurrencyFailureException}) → 409;
 * <li>completing a task another request completed a moment ago ("Cannot find task", or the
 * authorization check failing because the task and its candidate authorizations are gone) → 404;
 * <li>touching a task or instance of a municipality (tenant) the user does not serve → 403;
 * <li>one of our own refusals ({@link Refusals}: a domain rule such as {@code InquiryRuleViolation},
 * e.g. the inquiry moved to another tier while this request was under way), also inside a task
 * listener or delegate → its status (409) with the rule's message.
 * </ul>
 * The body keeps engine-rest's error shape {@code {"type": ..., "message": ...}}. Everything else
 * goes to Camunda's own exception mappers unchanged: an engine exception we do not understand (also a
 * {@link BadUserRequestException} from inside a listener, e.g. a bug passing null to the engine) stays
 * Camunda's 500, logged by the engine (ENGINE-16004, ERROR) and engine-rest (ENGINE-REST-HTTP500).
 */
@Component
class EngineRestConfig extends CamundaJerseyResourceConfig {

    static final String ALREADY_CLAIMED = "The task has already been claimed by another user.";
    static final String CONCURRENT_CHANGE =
            "Someone else changed this task or case at the same time; reload and try again.";
    static final String TASK_GONE = "The task no longer exists; it was probably completed by someone else.";
    static final String OTHER_TENANT = "This belongs to a municipality you do not serve.";

    private final ProcessEngineConfigurationImpl engine;

    EngineRestConfig(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    @Override
    protected void registerCamundaRestResources() {
        registerClasses(CamundaRestResources.getResourceClasses());
        // Camunda's configuration classes, with its two general mappers replaced by ours (which
        // delegate to them); two mappers for one exception type would leave the choice to chance
        Set<Class<?>> configuration = CamundaRestResources.getConfigurationClasses().stream()
                .filter(c -> c != ProcessEngineExceptionHandler.class && c != RestExceptionHandler.class)
                .collect(Collectors.toSet());
        registerClasses(configuration);
        TaskLookup lookup = taskId -> taskExists(engine, taskId);
        register(new EngineExceptions(lookup));
        register(new RestExceptions(lookup));
        register(new DatabaseConcurrencyExceptions());
        register(new RefusedWrites());
        register(JacksonFeature.class);
    }

    /** Whether the task exists at all, whoever may see it (no authorization or tenant check). */
    static boolean taskExists(ProcessEngineConfigurationImpl engine, String taskId) {
        return engine.getCommandExecutorTxRequired().execute(context -> {
            context.disableAuthorizationCheck();
            context.disableTenantCheck();
            return context.getTaskManager().findTaskById(taskId) != null;
        });
    }

    interface TaskLookup {
        boolean exists(String taskId);
    }

    /** The status and message for a concurrent change or a foreign tenant found in the cause chain. */
    static Optional<Response> clearAnswer(Throwable thrown, TaskLookup tasks) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            // the engine guard refused what the request carried, before anything changed
            if (t instanceof ClientWriteRefused) {
                return Optional.of(answer(Response.Status.BAD_REQUEST, t, t.getMessage()));
            }

            // the winner's commit removed the task and its candidate authorizations while the loser
            // checked them: a task that is gone, not a lack of rights
            if (t instanceof AuthorizationException denied && denied.getMissingAuthorizations().stream()
                    .anyMatch(m -> "Task".equals(m.getResourceType()) && m.getResourceId() != null
                            && !tasks.exists(m.getResourceId()))) {
                return Optional.of(answer(Response.Status.NOT_FOUND, t, TASK_GONE));
            }
            if (t instanceof TaskAlreadyClaimedException) {
                return Optional.of(answer(Response.Status.CONFLICT, t, ALREADY_CLAIMED));
            }
            // also the database's own verdict on two transactions colliding: serialization failure
            // or deadlock (SQLSTATE class 40), which the engine passes on as a plain exception
            if (t instanceof OptimisticLockingException || t instanceof ConcurrencyFailureException
                    || t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("40")) {
                return Optional.of(answer(Response.Status.CONFLICT, t, CONCURRENT_CHANGE));
            }
            String message = String.valueOf(t.getMessage());
            if (t instanceof NullValueException && message.startsWith("Cannot find task with id")) {
                return Optional.of(answer(Response.Status.NOT_FOUND, t, TASK_GONE));
            }
            if (t instanceof ProcessEngineException && message.contains("belongs to no authenticated tenant")) {
                return Optional.of(answer(Response.Status.FORBIDDEN, t, OTHER_TENANT));
            }
            // one of our rules refused the change, maybe inside a listener or delegate (Camunda: 500), e.g.
            // the inquiry moved on while this request was under way; any other engine error is not ours
            if (Refusals.isRefusal(t)) {
                return Optional.of(answer(Response.Status.CONFLICT, t, message));
            }
        }
        return Optional.empty();
    }

    static Response answer(Response.Status status, Throwable cause, String message) {
        ExceptionDto dto = new ExceptionDto();
        dto.setType(cause.getClass().getSimpleName());
        dto.setMessage(message);
        return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Replaces Camunda's {@link ProcessEngineExceptionHandler} (e.g. claim: exceptions reach it directly). */
    public static final class EngineExceptions implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();
        private final TaskLookup tasks;

        EngineExceptions(TaskLookup tasks) {
            this.tasks = tasks;
        }

        @Override
        public Response toResponse(ProcessEngineException e) {
            return clearAnswer(e, tasks).orElseGet(() -> camunda.toResponse(e));
        }
    }

    /** Replaces Camunda's {@link RestExceptionHandler} (e.g. complete wraps engine exceptions in a 500). */
    public static final class RestExceptions implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();
        private final TaskLookup tasks;

        RestExceptions(TaskLookup tasks) {
            this.tasks = tasks;
        }

        @Override
        public Response toResponse(RestException e) {
            if (e.getStatus() != null && e.getStatus() != Response.Status.INTERNAL_SERVER_ERROR) {
                return camunda.toResponse(e);
            }
            return clearAnswer(e, tasks).orElseGet(() -> camunda.toResponse(e));
        }
    }

    /** The engine guard refused what the request carried, before anything changed: 400 with its message. */
    public static final class RefusedWrites implements ExceptionMapper<ClientWriteRefused> {

        @Override
        public Response toResponse(ClientWriteRefused e) {
            return answer(Response.Status.BAD_REQUEST, e, e.getMessage());
        }
    }

    /** JPA's optimistic lock on our rows (e.g. the inquiry) fails at commit, outside the engine's exceptions. */
    public static final class DatabaseConcurrencyExceptions implements ExceptionMapper<ConcurrencyFailureException> {

        @Override
        public Response toResponse(ConcurrencyFailureException e) {
            return answer(Response.Status.CONFLICT, e, CONCURRENT_CHANGE);
        }
    }
}
