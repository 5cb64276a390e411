package dk.borgerflow.operations.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.borgerflow.operations.engine.ParsedFeelCachePlugin.CachingScalaFeelEngine;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

class ParsedFeelCacheTest {

    final CachingScalaFeelEngine feel = new CachingScalaFeelEngine(List.of());

    @Test
    void aUnaryTestIsParsedOnceAndStillEvaluatedAgainstEachInput() {
        assertThat(feel.evaluateSimpleUnaryTests(">= 75", "age", Variables.createVariables().putValue("age", 80)
                .asVariableContext())).isTrue();
        assertThat(feel.evaluateSimpleUnaryTests(">= 75", "age", Variables.createVariables().putValue("age", 40)
                .asVariableContext())).isFalse();
        assertThat(feel.cachedExpressions()).isEqualTo(1);
    }

    @Test
    void anExpressionIsParsedOnceAndReadsTheCurrentVariables() {
        Object first = feel.evaluateSimpleExpression("age + 1", Variables.createVariables().putValue("age", 80)
                .asVariableContext());
        Object second = feel.evaluateSimpleExpression("age + 1", Variables.createVariables().putValue("age", 40)
                .asVariableContext());
        assertThat(List.of(first, second)).containsExactly(81L, 41L);
        assertThat(feel.cachedExpressions()).isEqualTo(1);
    }

    @Test
    void anExpressionThatDoesNotParseFailsAsInCamundasEngineAndIsNotCached() {
        assertThatThrownBy(() -> feel.evaluateSimpleUnaryTests("> >", "age",
                Variables.createVariables().putValue("age", 1).asVariableContext())).isInstanceOf(FeelException.class);
        assertThat(feel.cachedExpressions()).isZero();
    }

    @Test
    void routingDecidesTheSameWithTheCacheAsWithCamundasEngine() throws Exception {
        Map<String, Object> anElderlyCitizenOnTheWeb = Map.of("municipality", "slagelse", "channel", "WEB", "topic",
                "moving", "language", "", "needsInterpreter", false, "digitallyExempt", false, "age", 80,
                "accessibilityNeeds", false, "selfServiceAvailable", true);
        DefaultDmnEngineConfiguration cached = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
                .createDefaultDmnEngineConfiguration();
        cached.setFeelEngineFactory(() -> new CachingScalaFeelEngine(List.of()));
        DmnEngine withCache = cached.buildEngine();
        DmnEngine camundas = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        for (int i = 0; i < 2; i++) { // the second round runs on parsed expressions
            assertThat(entryTier(withCache, anElderlyCitizenOnTheWeb))
                    .isEqualTo(entryTier(camundas, anElderlyCitizenOnTheWeb)).isEqualTo("CONTACT_CENTER");
        }
    }

    private static Object entryTier(DmnEngine engine, Map<String, Object> variables) throws Exception {
        try (InputStream in = new FileInputStream("processes/routing.dmn")) {
            DmnDecision decision = engine.parseDecision("routing-entry-tier", in);
            return engine.evaluateDecisionTable(decision, variables).getSingleEntry();
        }
    }
}
