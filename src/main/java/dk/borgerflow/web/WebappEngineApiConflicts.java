package dk.borgerflow.web;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappInitializer;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

/**
 * Tasklist and Cockpit talk to the engine through the webapps' own engine API
 * ({@code /camunda/api/engine}), a JAX-RS application of its own that engine-rest's configuration
 * ({@link EngineRestConfig}) does not reach. There, too, the failures we understand get their clear
 * answer by the same rules ({@link EngineRestConfig#clearAnswer}): an agent who loses a claim race to
 * a colleague gets 409 "already claimed", a change that lost the engine's optimistic lock 409, a form
 * submitted for a task a colleague completed a moment ago 404, a domain rule refusing inside a
 * listener 409 with its Danish message, what the engine guard refuses 400; everything else gets
 * Camunda's answer (a real error: 500).
 * The mappers are added to the webapp's "Engine Api" servlet by class name (Jersey's provider class
 * names parameter). They map the same types as Camunda's own mappers there, so they carry a higher
 * priority ({@code @Priority(1)}; Jersey picks the nearer exception type first, then the priority).
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
                        EngineExceptions.class.getName() + "," + RestExceptions.class.getName() + ","
                                + EngineRestConfig.RefusedWrites.class.getName());
            };
        }
        return bean;
    }

    /** The webapps' engine API serves the default engine, the one this application embeds. */
    private static boolean taskExists(String taskId) {
        return EngineRestConfig.taskExists(
                (ProcessEngineConfigurationImpl) ProcessEngines.getDefaultProcessEngine().getProcessEngineConfiguration(),
                taskId);
    }

    /** Engine exceptions thrown directly (e.g. claim). */
    @Priority(1)
    public static final class EngineExceptions implements ExceptionMapper<ProcessEngineException> {

        private final EngineRestConfig.EngineExceptions rules =
                new EngineRestConfig.EngineExceptions(WebappEngineApiConflicts::taskExists);

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return rules.toResponse(exception);
        }
    }

    /** Engine exceptions wrapped by the resource (e.g. submit-form and complete wrap them in a 500). */
    @Priority(1)
    public static final class RestExceptions implements ExceptionMapper<RestException> {

        private final EngineRestConfig.RestExceptions rules =
                new EngineRestConfig.RestExceptions(WebappEngineApiConflicts::taskExists);

        @Override
        public Response toResponse(RestException exception) {
            return rules.toResponse(exception);
        }
    }
}
