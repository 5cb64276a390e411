package dk.borgerflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.BorgerflowTest;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The process owners' service levels (processes/service-levels.dmn), one case per rule row. */
@BorgerflowTest
class ServiceLevelDecisionTest {

    @Autowired
    DecisionService decisions;
    @Autowired
    RepositoryService repository;

    @ParameterizedTest(name = "{0}: {1} at {2} -> {3}, warning at {4}")
    @CsvSource(nullValues = "null", textBlock = """
            Rule_ElderlyCareAtContactCenter, elderly-care,    CONTACT_CENTER, P1D,  0.75
            Rule_SelfService,                housing-benefit, SELF_SERVICE,   P2D,  0.75
            Rule_ContactCenter,              housing-benefit, CONTACT_CENTER, P2D,  0.75
            Rule_ContactCenter,              null,            CONTACT_CENTER, P2D,  0.75
            Rule_Desk,                       elderly-care,    DESK,           P3D,  0.75
            Rule_Specialist,                 building-permit, SPECIALIST,     P10D, 0.75
            Rule_Fallback,                   passport,        TEAM_LEAD,      P2D,  0.75
            """)
    void answersTheFeedbackDeadlineAndWarningPointOfEachRule(String rule, String topic, String tier,
            String feedbackDeadline, double warningRatio) {
        DmnDecisionResult result = decisions.evaluateDecisionByKey(ServiceLevels.DECISION)
                .decisionDefinitionWithoutTenantId()
                .variables(Variables.createVariables().putValue("tier", tier).putValue("topic", topic))
                .evaluate();

        assertThat(result.getFirstResult().<String>getEntry("feedbackDeadline")).isEqualTo(feedbackDeadline);
        assertThat(result.getFirstResult().<Double>getEntry("warningRatio")).isEqualTo(warningRatio);
        assertThat(WorkingDuration.tryParse(feedbackDeadline)).isPresent();
    }

    @Test
    void isDeployedForAllMunicipalitiesWithAHistoryTimeToLive() {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(ServiceLevels.DECISION).latestVersion().singleResult();
        assertThat(definition.getTenantId()).isNull();
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(180);
    }
}
