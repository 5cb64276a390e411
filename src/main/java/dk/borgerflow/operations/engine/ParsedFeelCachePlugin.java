package dk.borgerflow.operations.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Right;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

/**
 * The DMN engine's FEEL, parsing each expression once instead of on every evaluation. Camunda's
 * {@link ScalaFeelEngine} parses every input expression and every rule's unary test anew each time
 * a decision is evaluated; for routing.dmn that parsing was a tenth of an intake request's CPU
 * (docs/benchmarks.md). Evaluation itself is unchanged: the same engine, value mappers and
 * variable context as Camunda's.
 */
@Component
class ParsedFeelCachePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
        if (dmn == null) {
            dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
            configuration.setDmnEngineConfiguration(dmn);
        }
        DefaultDmnEngineConfiguration finalDmn = dmn;
        // called while the DMN engine is built, after Camunda has set the custom function providers
        dmn.setFeelEngineFactory(() -> new CachingScalaFeelEngine(finalDmn.getFeelCustomFunctionProviders()));
    }

    /** Camunda's FEEL engine with a bounded cache of parsed expressions. */
    static final class CachingScalaFeelEngine extends ScalaFeelEngine {

        /** Decision tables are finite; the bound only guards against unbounded growth. */
        static final int MAX_CACHED = 10_000;

        private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
        private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

        CachingScalaFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
            super(functionProviders == null ? List.of() : functionProviders);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
            ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
            if (parsed == null) {
                return super.evaluateSimpleExpression(expression, variables); // reports the parse error
            }
            VariableProvider provider = new ContextVariableWrapper(variables);
            return (T) valueOf(feelEngine.eval(parsed, contextOf(provider)));
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
            ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
            if (parsed == null) {
                return super.evaluateSimpleUnaryTests(expression, inputVariable, variables);
            }
            VariableProvider input = new VariableProvider.StaticVariableProvider(
                    new camundajar.impl.scala.collection.immutable.Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
            VariableProvider provider = new VariableProvider.CompositeVariableProvider(
                    toScalaList(input, new ContextVariableWrapper(variables)));
            return Boolean.TRUE.equals(valueOf(feelEngine.eval(parsed, contextOf(provider))));
        }

        int cachedExpressions() {
            return expressions.size() + unaryTests.size();
        }

        private static ParsedExpression parsed(Map<String, ParsedExpression> cache, String expression,
                Function<String, Either<Failure, ParsedExpression>> parser) {
            ParsedExpression cached = cache.get(expression);
            if (cached != null) {
                return cached;
            }
            Either<Failure, ParsedExpression> result = parser.apply(expression);
            if (!(result instanceof Right<Failure, ParsedExpression> right)) {
                return null;
            }
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(expression, right.value());
            return right.value();
        }

        private static Object valueOf(Either<Failure, Object> result) {
            if (result instanceof Right<Failure, Object> right) {
                return right.value();
            }
            throw LOGGER.evaluationException(((Failure) result.left().get()).message());
        }

        private static CustomContext contextOf(VariableProvider provider) {
            return new CustomContext() {
                @Override
                public VariableProvider variableProvider() {
                    return provider;
                }
            };
        }
    }
}
