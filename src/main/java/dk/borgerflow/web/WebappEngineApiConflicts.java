package dk.borgerflow.web;

import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappInitializer;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

/**
 * Tasklist and Cockpit talk to the engine through the webapps' own engine API
 * ({@code /camunda/api/engine}), a JAX-RS application of its own that engine-rest's configuration
 * ({@link EngineRestConfig}) does not reach. There, too, an agent who loses a claim race to a colleague
 * gets 409 "already claimed" instead of 500, as does a change that lost the engine's optimistic lock,
 * and what the engine guard refuses (a variable the task's form does not own, ...) is a 400.
 * The mappers are added to the webapp's "Engine Api" servlet by class name (Jersey's provider class
 * names parameter); Jersey prefers a mapper of the exception's own type over Camunda's general one.
 */
@Component
class WebappEngineApiConflicts implements BeanPostProcessor {

    /** The servlet the Camunda webapp starter registers for {@code /camunda/api/engine/*}. */
    static final String ENGINE_API_SERVLET = "Engine Api";

    /** Adds our mappers to the servlet right after the webapp starter's initializer has registered it. */
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof CamundaBpmWebappInitializer webapps) {
            return (ServletContextInitializer) servletContext -> {
                webapps.onStartup(servletContext);
                ServletRegistration engineApi = servletContext.getServletRegistration(ENGINE_API_SERVLET);
                if (engineApi == null) {
                    throw new IllegalStateException("Camunda's webapp starter registered no servlet '"
                            + ENGINE_API_SERVLET + "'; check WebappEngineApiConflicts after an upgrade");
                }
                engineApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES,
                        AlreadyClaimed.class.getName() + "," + ConcurrentChange.class.getName() + ","
                                + EngineRestConfig.RefusedWrites.class.getName());
            };
        }
        return bean;
    }

    public static final class AlreadyClaimed implements ExceptionMapper<TaskAlreadyClaimedException> {
        @Override
        public Response toResponse(TaskAlreadyClaimedException exception) {
            return EngineRestConfig.answer(Response.Status.CONFLICT, exception, EngineRestConfig.ALREADY_CLAIMED);
        }
    }

    public static final class ConcurrentChange implements ExceptionMapper<OptimisticLockingException> {
        @Override
        public Response toResponse(OptimisticLockingException exception) {
            return EngineRestConfig.answer(Response.Status.CONFLICT, exception, EngineRestConfig.CONCURRENT_CHANGE);
        }
    }
}
