package dk.borgerflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/candidate-group.dmn, one case per rule, evaluated by the real DMN engine. */
class CandidateGroupDecisionTest {

    private static DmnEngine dmn;
    private static DmnDecision candidateGroup;

    @BeforeAll
    static void parseTheModel() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream("processes/candidate-group.dmn")) {
            candidateGroup = dmn.parseDecision("candidate-group", in);
        }
    }

    @ParameterizedTest(name = "rule {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1 | a hand-off to Borgerservice goes to the desk            | DESK       | social     | desk
            2 | a disability aid case goes to the social specialists    | SPECIALIST | social     | specialist-social
            2 | a parking permit goes to the technical specialists      | SPECIALIST | technical  | specialist-technical
            3 | a breach at the specialist goes to the team lead        | TEAM_LEAD  | elderly    | team-lead
            """)
    void namesTheGroupOfTheTarget(int rule, String situation, String tier, String department, String expected) {
        Map<String, Object> v = new HashMap<>();
        v.put("tier", tier);
        v.put("department", department);
        assertThat(dmn.evaluateDecision(candidateGroup, v).getSingleResult().<String>getEntry("candidateGroup"))
                .as(situation).isEqualTo(expected);
    }

    @Test
    void theContactCenterIsNotItsBusinessTheAnswerGroupIsRoutingsChoice() {
        Map<String, Object> v = new HashMap<>();
        v.put("tier", "CONTACT_CENTER");
        v.put("department", "social");
        assertThat(dmn.evaluateDecision(candidateGroup, v).getResultList()).isEmpty();
    }
}
