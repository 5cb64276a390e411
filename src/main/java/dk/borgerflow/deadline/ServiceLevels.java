package dk.borgerflow.deadline;

import dk.borgerflow.municipality.Tier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Reads service levels from the process owners' decision {@value #DECISION} (processes/service-levels.dmn),
 * deployed once for all municipalities. Evaluated as the system: agents need no authorization on
 * the decision to get a deadline. An answer is reused per tier and topic for
 * {@code borgerflow.deadlines.service-level-cache-ttl}: each evaluation is an engine transaction
 * with history, far too slow to repeat for every one of thousands of inquiries.
 */
@Component
class ServiceLevels {

    static final String DECISION = "service-levels";

    private record Key(Tier tier, String topic) {
    }

    private record Cached(ServiceLevel level, long loadedAt) {
    }

    private final DecisionService decisions;
    private final IdentityService identity;
    private final long ttlNanos;
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

    ServiceLevels(DecisionService decisions, IdentityService identity, DeadlineProperties properties) {
        this.decisions = decisions;
        this.identity = identity;
        this.ttlNanos = properties.serviceLevelCacheTtl().toNanos();
    }

    ServiceLevel serviceLevel(Tier tier, String topic) {
        Key key = new Key(tier, topic);
        long now = System.nanoTime();
        Cached cached = cache.get(key);
        if (cached != null && now - cached.loadedAt() < ttlNanos) {
            return cached.level();
        }
        ServiceLevel level = evaluate(tier, topic);
        if (ttlNanos > 0) {
            cache.put(key, new Cached(level, now));
        }
        return level;
    }

    private ServiceLevel evaluate(Tier tier, String topic) {
        VariableMap inputs = Variables.createVariables().putValue("tier", tier.name()).putValue("topic", topic);
        Authentication caller = identity.getCurrentAuthentication();
        DmnDecisionResult result;
        try {
            identity.clearAuthentication();
            result = decisions.evaluateDecisionByKey(DECISION).decisionDefinitionWithoutTenantId()
                    .variables(inputs).evaluate();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
        if (result.isEmpty()) {
            throw new IllegalStateException(DECISION + " has no rule for tier " + tier + " and topic " + topic);
        }
        String deadline = result.getFirstResult().getEntry("feedbackDeadline");
        Number ratio = result.getFirstResult().getEntry("warningRatio");
        WorkingDuration.tryParse(deadline).orElseThrow(() -> new IllegalStateException(
                DECISION + " answers feedbackDeadline \"" + deadline + "\", which is no working-time duration"));
        if (ratio == null || ratio.doubleValue() < 0 || ratio.doubleValue() > 1) {
            throw new IllegalStateException(DECISION + " answers warningRatio " + ratio + "; it must lie in 0..1");
        }
        return new ServiceLevel(deadline, ratio.doubleValue());
    }
}
