package dk.borgerflow.operations.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.operations.engine.ParsedFeelCachePlugin.CachingScalaFeelEngine;
import java.util.Map;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine patches are installed in the running engine and reached by its own code paths, not
 * merely compiled: the decisions the processes evaluate go through the FEEL parse cache, and history
 * goes through the handler without variable details. (The index walk: AuthorizedGroupIdsTest; the
 * concurrent-completion conflict: ConcurrentCompletionTest; the schema scripts:
 * CamundaSchemaScriptsTest; docs/upgrading.md lists them all.)
 */
@BorgerflowTest
class EnginePatchesInPlaceTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void theDecisionsOfTheProcessesAreEvaluatedThroughTheFeelParseCache() {
        var dmn = (DefaultDmnEngineConfiguration) configuration().getDmnEngineConfiguration();
        assertThat(dmn.getFeelEngine()).isInstanceOf(CachingScalaFeelEngine.class);
        CachingScalaFeelEngine feel = (CachingScalaFeelEngine) dmn.getFeelEngine();

        engine.getDecisionService().evaluateDecisionByKey("routing-entry-tier").variables(Map.of(
                "municipality", "slagelse", "channel", "PHONE", "topic", "housing-benefit", "language", "",
                "needsInterpreter", false, "digitallyExempt", false, "age", 40, "accessibilityNeeds", false,
                "selfServiceAvailable", true)).evaluate();

        assertThat(feel.cachedExpressions()).isPositive();
    }

    @Test
    void historyIsWrittenByTheHandlerWithoutVariableDetails() {
        assertThat(configuration().isEnableDefaultDbHistoryEventHandler()).isFalse();
        assertThat(configuration().getCustomHistoryEventHandlers())
                .anyMatch(h -> h instanceof LeanHistoryPlugin.WithoutVariableDetails);
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }
}
