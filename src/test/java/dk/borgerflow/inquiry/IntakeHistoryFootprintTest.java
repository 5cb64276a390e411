package dk.borgerflow.inquiry;

import static dk.borgerflow.inquiry.InquiryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.municipality.Tier;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What an intake leaves in Camunda's history: each stored variable's latest value and the routing
 * decision with its inputs, but no copy per variable write and no stored copies of the citizen
 * details that only routing.dmn reads (they are on the inquiry row).
 */
@BorgerflowTest
class IntakeHistoryFootprintTest {

    @Autowired
    InquiryService inquiries;
    @Autowired
    HistoryService history;

    @Test
    void routingReadsTheCitizensNeedsWithoutStoringThemAsProcessVariables() {
        Inquiry inquiry = inquiries.receive(aWebInquiryAboutMovingFrom(aDigitallyExemptCitizen()), null,
                anAgentOfSlagelse()).inquiry();

        // a digitally exempt citizen writing on the web gets a person, not a link (routing.dmn: personal-service rule 1, entry tier rule 5)
        assertThat(inquiry.tier()).isEqualTo(Tier.CONTACT_CENTER);
        Map<String, Object> stored = history.createHistoricVariableInstanceQuery()
                .processInstanceId(inquiry.processInstanceId()).list().stream()
                .collect(Collectors.toMap(HistoricVariableInstance::getName, v -> String.valueOf(v.getValue())));
        assertThat(stored).containsEntry("citizenName", "Poul Nielsen").containsEntry("topicName", "Flytning og adresseændring")
                .containsKeys("municipality", "summary", "dueAt", "warnAt", "entryTier", "answerGroup")
                .doesNotContainKeys("digitallyExempt", "age", "needsInterpreter", "language", "channel");
        HistoricDecisionInstance personalService = history.createHistoricDecisionInstanceQuery()
                .processInstanceId(inquiry.processInstanceId()).decisionDefinitionKey("personal-service")
                .includeInputs().singleResult();
        assertThat(personalService.getInputs()).extracting(HistoricDecisionInputInstance::getValue).contains(true, 68);
        assertThat(inquiry.needsPersonalService()).isTrue();
    }

    @Test
    void noVariableWriteLeavesACopyInHistory() {
        Inquiry inquiry = inquiries.receive(aPhoneCallAboutHousingBenefit(), null, anAgentOfSlagelse()).inquiry();

        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(inquiry.processInstanceId())
                .count()).isGreaterThan(5);
        assertThat(history.createHistoricDetailQuery().processInstanceId(inquiry.processInstanceId()).count())
                .isZero();
    }
}
