package dk.borgerflow.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The process owner changes models, not the system: what a deployed model may reach is limited
 * here, in the engine, so it holds for every way in (engine-rest, Cockpit, startup deployment).
 * <ul>
 * <li>expressions see only the beans of {@code borgerflow.models.expression-beans}
 * ({@link GuardedExpressionManager});</li>
 * <li>a new deployment is checked before Camunda's deployers run ({@link ModelGuard}, wrapped around
 * them by {@link GuardedDeployer}): only BPMN, DMN and forms; no scripts, Java classes, connectors,
 * task types; expressions within the {@link ExpressionRule}; DMN in FEEL only;</li>
 * <li>no script engine exists ({@link NoScriptEngines}), and DMN's defaults stay FEEL.</li>
 * </ul>
 */
@Component
class ModelGuardPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ModelGuardPlugin.class);

    private final ApplicationContext context;
    private final ExpressionRule rule;

    ModelGuardPlugin(ApplicationContext context, ModelGuardProperties properties) {
        this.context = context;
        Set<String> beans = new LinkedHashSet<>(properties.expressionBeans());
        beans.stream().filter(ExpressionRule.CONTEXT_OBJECTS::contains).findFirst().ifPresent(name -> {
            throw new IllegalStateException("borgerflow.models.expression-beans must not list '" + name
                    + "': the name is the engine's own");
        });
        this.rule = new ExpressionRule(beans, context::containsBean);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new GuardedExpressionManager(context, rule));
        configuration.setScriptEngineResolver(new NoScriptEngines());
        configuration.setEnableFetchScriptEngineFromProcessApplication(false);
        configuration.setDmnFeelEnableLegacyBehavior(false); // legacy makes JUEL DMN's default language
        configuration.setEnableExpressionsInAdhocQueries(false);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = new ArrayList<>(configuration.getDeployers());
        configuration.getDeploymentCache().setDeployers(List.of(new GuardedDeployer(new ModelGuard(rule), deployers)));
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        List<String> missing = rule.beans().stream().filter(name -> !context.containsBean(name)).sorted().toList();
        if (!missing.isEmpty()) {
            log.warn("borgerflow.models.expression-beans lists {}, which are no beans of the application", missing);
        }
    }
}
