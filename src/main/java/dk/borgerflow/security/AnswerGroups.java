package dk.borgerflow.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The contact center's answer groups (the phone menu's choices) are the process owners': the outputs
 * of the decision {@value #DECISION} in processes/routing.dmn, as deployed. Read from the latest
 * deployed version (Camunda's repository and DMN model API, nothing of {@code inquiry}), so a group a
 * process owner adds to the table exists, with its grants, after the next start
 * ({@link IdentityMigration}).
 *
 * <p>Only string literals of the form {@code "cc-<name>"} count: whoever may deploy a model must not
 * be able to make an existing group (the administrators', the desk's) an answer group and so have
 * its grants rewritten at the next start. Other outputs are ignored with a warning.
 */
@Component
public class AnswerGroups {

    public static final String DECISION = "routing-answer-group";
    public static final String OUTPUT = "answerGroup";
    private static final Pattern ANSWER_GROUP = Pattern.compile("\"(" + Pattern.quote(Groups.CONTACT_CENTER_PREFIX)
            + "[a-z0-9]+(?:-[a-z0-9]+)*)\"");
    private static final Logger log = LoggerFactory.getLogger(AnswerGroups.class);

    private final RepositoryService repository;

    AnswerGroups(RepositoryService repository) {
        this.repository = repository;
    }

    /** The answer groups of the latest deployed routing decision; none when it is not deployed. */
    public List<String> deployed() {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                .withoutTenantId().latestVersion().singleResult();
        if (latest == null) {
            log.warn("No decision {} is deployed: the contact center has no answer groups", DECISION);
            return List.of();
        }
        return in(repository.getDmnModelInstance(latest.getId()));
    }

    /** The answer groups the decision {@value #DECISION} of a DMN model names, in the table's order. */
    public static List<String> in(DmnModelInstance model) {
        if (!(model.getModelElementById(DECISION) instanceof Decision decision)
                || !(decision.getExpression() instanceof DecisionTable table)) {
            return List.of();
        }
        List<Output> outputs = new ArrayList<>(table.getOutputs());
        int column = -1;
        for (int i = 0; i < outputs.size(); i++) {
            if (OUTPUT.equals(outputs.get(i).getName()) || outputs.size() == 1) {
                column = i;
            }
        }
        if (column < 0) {
            return List.of();
        }
        Set<String> groups = new LinkedHashSet<>();
        for (Rule rule : table.getRules()) {
            List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
            String text = column < entries.size() && entries.get(column).getText() != null
                    ? entries.get(column).getText().getTextContent().trim() : "";
            var literal = ANSWER_GROUP.matcher(text);
            if (literal.matches()) {
                groups.add(literal.group(1));
            } else {
                log.warn("Rule {} of {} answers {}, not an answer group (\"{}<name>\"): ignored", rule.getId(),
                        DECISION, text, Groups.CONTACT_CENTER_PREFIX);
            }
        }
        return List.copyOf(groups);
    }
}
