package dk.borgerflow.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expression manager. Every expression the engine creates passes {@link #createExpression}:
 * those of models while they are parsed, and those of stored Tasklist filters when they run. Each must
 * pass the {@link ExpressionRule}, except while the engine re-reads a deployment it already holds (after
 * a restart or a cache eviction): those were accepted when deployed, and refusing them now would
 * strand their running instances. Evaluation sees only the listed beans ({@link AllowedBeansElResolver}),
 * and they win over process variables of the same name, so a variable a client sets cannot stand in
 * for a delegate. Camunda's test-only {@code Mocks} resolver is left out.
 */
final class GuardedExpressionManager extends SpringExpressionManager {

    private static final ThreadLocal<Boolean> STORED_DEPLOYMENT = ThreadLocal.withInitial(() -> false);
    /** Checked texts; models and filters hold a few hundred, the bound only guards against growth. */
    private static final int MAX_REMEMBERED = 10_000;

    private final ExpressionRule rule;
    private final Map<String, Boolean> allowed = new ConcurrentHashMap<>();

    GuardedExpressionManager(ApplicationContext context, ExpressionRule rule) {
        super(context, null);
        this.rule = rule;
    }

    /** Runs the engine's re-reading of a deployment it already holds. */
    static <T> T readingStoredDeployment(Supplier<T> work) {
        boolean before = STORED_DEPLOYMENT.get();
        STORED_DEPLOYMENT.set(true);
        try {
            return work.get();
        } finally {
            STORED_DEPLOYMENT.set(before);
        }
    }

    @Override
    public Expression createExpression(String expression) {
        if (!STORED_DEPLOYMENT.get() && !allowed.containsKey(expression)) {
            String refusal = rule.refusal(expression);
            if (refusal != null) {
                throw new Refused("Expression refused: " + refusal + " (" + ModelGuard.GUIDE + ")");
            }
            if (allowed.size() >= MAX_REMEMBERED) {
                allowed.clear();
            }
            allowed.put(expression, true);
        }
        return super.createExpression(expression);
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new AllowedBeansElResolver(applicationContext, rule.beans()));
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(new ArrayELResolver());
        resolver.add(new ListELResolver());
        resolver.add(new MapELResolver());
        resolver.add(new BeanELResolver());
        return resolver;
    }

    /** An expression the rule refuses: engine-rest answers 400. */
    static final class Refused extends BadUserRequestException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }
}
