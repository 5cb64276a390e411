package dk.borgerflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/routing.dmn, one case per rule, evaluated by the real DMN engine. */
class RoutingDecisionTest {

    private static DmnEngine dmn;
    private static DmnDecision routing;
    private static DmnDecision personalService;

    @BeforeAll
    static void parseTheModel() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream("processes/routing.dmn")) {
            routing = dmn.parseDecision("routing", in);
        }
        try (InputStream in = new FileInputStream("processes/routing.dmn")) {
            personalService = dmn.parseDecision("personal-service", in);
        }
    }

    /** A sighted, digitally able adult asking by phone in Slagelse about housing benefit. */
    private static Map<String, Object> anOrdinaryInquiry() {
        Map<String, Object> v = new HashMap<>();
        v.put("municipality", "slagelse");
        v.put("channel", "PHONE");
        v.put("topic", "housing-benefit");
        v.put("language", "");
        v.put("needsInterpreter", false);
        v.put("digitallyExempt", false);
        v.put("age", 40);
        v.put("accessibilityNeeds", false);
        v.put("selfServiceAvailable", true);
        return v;
    }

    @ParameterizedTest(name = "entry tier rule {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1 | Tensta resident speaking Somali comes to the district office | municipality=spanga-tensta,language=so,channel=PHONE | DESK
            2 | citizen needing an interpreter is served in person         | needsInterpreter=true,channel=WEB                         | DESK
            3 | walk-in at the desk is served at the desk                   | channel=DESK                                              | DESK
            4 | letter from a citizen of 80 applying for disability aid     | channel=LETTER,topic=disability-aid,age=80                | SPECIALIST
            5 | digitally exempt citizen writing on the web gets a person   | digitallyExempt=true,channel=WEB                          | CONTACT_CENTER
            5 | citizen of 80 on the web gets a person                      | age=80,channel=WEB                                        | CONTACT_CENTER
            5 | citizen with accessibility needs on the web gets a person   | accessibilityNeeds=true,channel=WEB                       | CONTACT_CENTER
            6 | web inquiry about a topic with self-service                 | channel=WEB                                               | SELF_SERVICE
            7 | web inquiry about a topic without self-service              | channel=WEB,selfServiceAvailable=false                    | CONTACT_CENTER
            7 | phone call about housing benefit goes to the contact center | channel=PHONE                                             | CONTACT_CENTER
            """)
    void decidesTheEntryTier(int rule, String situation, String overrides, String expectedTier) {
        DmnDecisionResult result = dmn.evaluateDecision(routing, with(overrides));
        assertThat(result.getSingleResult().<String>getEntry("entryTier")).as(situation).isEqualTo(expectedTier);
    }

    @ParameterizedTest(name = "personal service rule {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1 | a digitally exempt citizen                 | digitallyExempt=true      | true
            2 | a citizen of exactly 75                    | age=75                    | true
            2 | a citizen of 90                            | age=90                    | true
            3 | a citizen who needs an interpreter         | needsInterpreter=true     | true
            4 | a citizen with accessibility needs         | accessibilityNeeds=true   | true
            5 | a citizen of 74 with no needs              | age=74                    | false
            5 | a digitally able adult                     | age=40                    | false
            """)
    void decidesWhoNeedsPersonalService(int rule, String situation, String overrides, boolean expected) {
        DmnDecisionResult alone = dmn.evaluateDecision(personalService, with(overrides));
        assertThat(alone.getSingleResult().<Boolean>getEntry("needsPersonalService")).as(situation).isEqualTo(expected);
        // the routing result the process hands to the inquiry carries the same answer
        DmnDecisionResult routed = dmn.evaluateDecision(routing, with(overrides));
        assertThat(routed.getSingleResult().<Boolean>getEntry("needsPersonalService")).as(situation)
                .isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void theEntryTierTableAsksThePersonalServiceDecisionInsteadOfRepeatingItsColumns() throws IOException {
        try (InputStream in = new FileInputStream("processes/routing.dmn")) {
            var model = org.camunda.bpm.model.dmn.Dmn.readModelFromStream(in);
            var entryTier = (org.camunda.bpm.model.dmn.instance.Decision) model.getModelElementById("routing-entry-tier");
            var table = (org.camunda.bpm.model.dmn.instance.DecisionTable) entryTier.getExpression();
            assertThat(table.getInputs()).extracting(i -> i.getInputExpression().getText().getTextContent())
                    .contains("needsPersonalService").doesNotContain("age", "digitallyExempt", "accessibilityNeeds");
            assertThat(entryTier.getInformationRequirements()).extracting(r -> r.getRequiredDecision().getId())
                    .contains("personal-service");
        }
    }

    @ParameterizedTest(name = "answer group rule {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1 | elderly care has its own answer group | topic=elderly-care      | cc-elderly-care
            2 | child benefit goes to family          | topic=child-benefit     | cc-family
            3 | waste goes to technical               | topic=waste             | cc-technical
            4 | sickness benefit goes to employment   | topic=sickness-benefit  | cc-employment
            5 | everything else is general            | topic=passport          | cc-general
            """)
    void decidesTheAnswerGroup(int rule, String situation, String overrides, String expectedGroup) {
        DmnDecisionResult result = dmn.evaluateDecision(routing, with(overrides));
        assertThat(result.getSingleResult().<String>getEntry("answerGroup")).as(situation).isEqualTo(expectedGroup);
    }

    @ParameterizedTest(name = "a web inquiry from a citizen with {0} never stays at self-service")
    @CsvSource({"digitallyExempt=true", "age=75", "needsInterpreter=true", "accessibilityNeeds=true"})
    void citizensWhoNeedAPersonAreNeverLeftAtSelfService(String need) {
        DmnDecisionResult result = dmn.evaluateDecision(routing, with("channel=WEB," + need));
        assertThat(result.getSingleResult().<String>getEntry("entryTier")).isNotEqualTo("SELF_SERVICE");
    }

    @org.junit.jupiter.api.Test
    void anUnknownAgeDoesNotCountAsElderly() {
        Map<String, Object> v = with("channel=WEB");
        v.put("age", null);
        assertThat(dmn.evaluateDecision(routing, v).getSingleResult().<String>getEntry("entryTier"))
                .isEqualTo("SELF_SERVICE");
    }

    private static Map<String, Object> with(String overrides) {
        Map<String, Object> v = anOrdinaryInquiry();
        for (String pair : overrides.split(",")) {
            String[] kv = pair.split("=");
            Object value = switch (kv[1]) {
                case "true", "false" -> Boolean.parseBoolean(kv[1]);
                default -> kv[1].matches("\\d+") ? (Object) Integer.parseInt(kv[1]) : kv[1];
            };
            v.put(kv[0], value);
        }
        return v;
    }
}
