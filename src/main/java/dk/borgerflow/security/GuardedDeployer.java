package dk.borgerflow.security;

import java.util.List;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;

/**
 * Camunda's deployers behind the model guard: a new deployment is checked as a whole before any
 * deployer parses it; a deployment the engine already holds is re-read as it was accepted.
 */
final class GuardedDeployer implements Deployer {

    private final ModelGuard guard;
    private final List<Deployer> deployers;

    GuardedDeployer(ModelGuard guard, List<Deployer> deployers) {
        this.guard = guard;
        this.deployers = List.copyOf(deployers);
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            GuardedExpressionManager.readingStoredDeployment(() -> {
                deployers.forEach(d -> d.deploy(deployment));
                return null;
            });
            return;
        }
        guard.check(deployment.getResources().values());
        try {
            deployers.forEach(d -> d.deploy(deployment));
        } catch (ParseException e) {
            throw e;
        } catch (ProcessEngineException e) {
            // an expression the guard let through but the expression manager refuses: still a 400
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof GuardedExpressionManager.Refused refused) {
                    throw new ParseException(refused.getMessage(), deployment.getName(), List.of(), List.of());
                }
            }
            throw e;
        }
    }
}
