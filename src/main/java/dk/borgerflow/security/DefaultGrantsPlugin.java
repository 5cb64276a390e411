package dk.borgerflow.security;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.stereotype.Component;

/**
 * The grants Camunda creates by itself when something new appears, without the destructive part:
 * whoever deploys may read the deployment but not delete it (Camunda: READ and DELETE), and a new
 * user may read and update their own account but not delete it (Camunda: ALL). Deleting is the
 * administrator's (docs/operations.md, "Who may do what"). Everything else as Camunda's default.
 */
@Component
class DefaultGrantsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new WithoutDeleting());
    }

    static final class WithoutDeleting extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newDeployment(Deployment deployment) {
            Authentication current = Context.getProcessEngineConfiguration().getIdentityService()
                    .getCurrentAuthentication();
            if (current == null || current.getUserId() == null) {
                return null;
            }
            return new AuthorizationEntity[] {createGrantAuthorization(current.getUserId(), null, Resources.DEPLOYMENT,
                    deployment.getId(), Permissions.READ)};
        }

        @Override
        public AuthorizationEntity[] newUser(User user) {
            return new AuthorizationEntity[] {createGrantAuthorization(user.getId(), null, Resources.USER,
                    user.getId(), Permissions.READ, Permissions.UPDATE)};
        }
    }
}
