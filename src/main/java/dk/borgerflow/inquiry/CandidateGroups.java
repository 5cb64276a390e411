package dk.borgerflow.inquiry;

import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Which Camunda group gets an inquiry's task when it moves to the desk, to a specialist or to the
 * team lead: the process owners' decision {@value #DECISION} (processes/candidate-group.dmn), by target
 * and the topic's department. The contact center's group is the answer group routing.dmn chose.
 *
 * <p>Evaluated by a DMN engine of its own on the latest deployed version of the decision, not by the
 * engine's {@code DecisionService}: a hand-off is frequent, and a decision instance in history for each
 * (with its inputs and output) would only repeat what the inquiry's history says already. Each call
 * looks up the latest version (one indexed query), so a version a process owner deploys applies to the
 * next hand-off; the parsed table is kept per version.
 */
@Component
class CandidateGroups {

    static final String DECISION = "candidate-group";

    /** Where an inquiry's task goes; the decision's input {@code tier}. */
    enum Target {
        DESK, SPECIALIST, TEAM_LEAD
    }

    private final RepositoryService repository;
    private final IdentityService identity;
    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    CandidateGroups(RepositoryService repository, IdentityService identity) {
        this.repository = repository;
        this.identity = identity;
    }

    /** The group for {@code target}; a decision without an answer stops the change (nobody would get the task). */
    String groupFor(Target target, String department) {
        DmnDecisionResult result = dmn.evaluateDecision(latest(), Variables.createVariables()
                .putValue("tier", target.name()).putValue("department", department));
        String group = result.isEmpty() ? null : result.getFirstResult().getEntry("candidateGroup");
        if (group == null || group.isBlank()) {
            throw new IllegalStateException(DECISION + " names no group for " + target + " (department "
                    + department + ")");
        }
        return group;
    }

    private DmnDecision latest() {
        Authentication caller = identity.getCurrentAuthentication();
        try {
            // the engine's own lookup, as the system: agents need no authorization on the definition
            identity.clearAuthentication();
            DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                    .withoutTenantId().latestVersion().singleResult();
            if (definition == null) {
                throw new IllegalStateException("The decision " + DECISION + " is not deployed");
            }
            return parsed.computeIfAbsent(definition.getId(), id -> {
                try (InputStream model = repository.getDecisionModel(id)) {
                    return dmn.parseDecision(DECISION, model);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
