package dk.borgerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The expression rule on its own: what the models and Tasklist filters use passes; what reaches
 * the engine's API, the JVM or beans off the list is refused with a reason.
 */
class ExpressionRuleTest {

    final ExpressionRule rule = new ExpressionRule(Set.of("recordRouting", "consultationBranches"),
            name -> Set.of("inquiryService", "processEngine", "dataSource", "environment").contains(name));

    @ParameterizedTest
    @ValueSource(strings = {
            "${recordRouting}", "#{recordRouting}", "${outcome == 'RESOLVED'}", "${escalated ? 80 : 50}",
            "${consultationBranches.answering(consultationId)}", "${consultationBranches.answering(execution)}",
            "${consultationBranches.answering(task, 'x', 1 + 2)}", "${not empty answerGroup && tier != 'DESK'}",
            "${now()}", "${currentUser()}", "${currentUserGroups()}", "${dateTime().plusDays(2).toDate()}",
            "${dateTime().withZone(dateTime().getZone().forID('Europe/Copenhagen')).withTimeAtStartOfDay()"
                    + ".plusDays(1).toDate()}",
            "Svar til ${citizenName} senest ${dueAt}", "plain text", "\\${escaped}", "${authenticatedUserId}",
            "${recordRouting == null}", "#{execution.processBusinessKey}", "${task.assignee == currentUser()}",
            "${execution.hasVariable('note') && execution.getVariable('note') != ''}"})
    void allowsWhatModelsAndFiltersNeed(String expression) {
        assertThat(rule.refusal(expression)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "${execution.processEngineServices.identityService}",
            "${execution.processEngine.processEngineConfiguration.dataSource.connection}", "${task.delete()}",
            "${execution}", "${summary.class.classLoader}", "${summary.getClass().forName('java.lang.Runtime')}",
            "${summary.length()}", "${routing.entryTier}", "${recordRouting.getClass()}", "${recordRouting.repository}",
            "${recordRouting['execute']}", "${summary['class']}", "${inquiryService}", "${dataSource}",
            "${environment}", "${inquiryService.close('x')}", "${consultationBranches.answering((execution))}",
            "${consultationBranches.answering(execution.processEngine)}",
            "${consultationBranches.answering(x).getClass()}", "${dateTime().getClass()}",
            "${dateTime().getZone().setDefault(null)}", "${now().getClass().getClassLoader()}", "${fn:evil()}",
            "${other()}", "${", "text ${execution.processEngine}", "${execution.processBusinessKey.getClass()}",
            "${execution.getVariable(name)}", "${execution.setVariable('tier', 'DESK')}",
            "${execution.getVariable('x').getClass()}", "${summary.processBusinessKey}"})
    void refusesWhatReachesBeyondVariablesAndAllowedBeans(String expression) {
        assertThat(rule.refusal(expression)).as(expression).isNotBlank();
    }
}
