package dk.borgerflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The expression manager refuses what the rule refuses everywhere except while the engine re-reads a
 * deployment it already holds: a model deployed before the guard keeps running after a restart.
 */
class GuardedDeployerTest {

    static final String ENGINE_API = "${execution.processEngine}";

    final ExpressionRule rule = new ExpressionRule(Set.of("recordRouting"), name -> false);
    final GuardedExpressionManager expressions = new GuardedExpressionManager(new GenericApplicationContext(), rule);
    /** What Camunda's BPMN deployer does with the model's expressions. */
    final Deployer parsesAnOldExpression = deployment -> expressions.createExpression(ENGINE_API);
    final GuardedDeployer deployer = new GuardedDeployer(new ModelGuard(rule), List.of(parsesAnOldExpression));

    @Test
    void aStoredDeploymentIsReReadAsItWasAccepted() {
        DeploymentEntity stored = aDeployment(false);

        deployer.deploy(stored);
        Expression later = GuardedExpressionManager.readingStoredDeployment(
                () -> expressions.createExpression(ENGINE_API));

        assertThat(later).isNotNull();
    }

    @Test
    void aNewDeploymentAndEveryOtherUseAreChecked() {
        assertThatThrownBy(() -> deployer.deploy(aDeployment(true))).isInstanceOf(ParseException.class)
                .hasMessageContaining("'execution' may only be passed as a whole");
        assertThatThrownBy(() -> expressions.createExpression(ENGINE_API))
                .isInstanceOf(GuardedExpressionManager.Refused.class);
        assertThat(expressions.createExpression("${recordRouting}")).isNotNull();
    }

    private static DeploymentEntity aDeployment(boolean isNew) {
        DeploymentEntity deployment = new DeploymentEntity();
        deployment.setName("old");
        deployment.setNew(isNew);
        ResourceEntity resource = new ResourceEntity();
        resource.setName("old.bpmn");
        resource.setBytes("""
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
                  <bpmn:process id="P" isExecutable="true"/>
                </bpmn:definitions>""".getBytes(StandardCharsets.UTF_8));
        deployment.addResource(resource);
        return deployment;
    }
}
