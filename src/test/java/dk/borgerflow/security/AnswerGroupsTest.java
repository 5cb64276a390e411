package dk.borgerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.BorgerflowTest;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The contact center's answer groups come from the deployed routing decision, not from a list in
 * Java: a group a process owner adds exists with its grants at the next start, and a model cannot make
 * another group an answer group.
 */
@BorgerflowTest
class AnswerGroupsTest {

    static final String NEW_RULE_BEFORE = "<rule id=\"Rule_routing_answer_group_5\">";

    @Autowired
    AnswerGroups answerGroups;
    @Autowired
    IdentityMigration migration;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;

    @Test
    void theAnswerGroupsAreTheOutputsOfTheRoutingModel() {
        assertThat(AnswerGroups.in(Dmn.readModelFromFile(new File("processes/routing.dmn"))))
                .containsExactly("cc-elderly-care", "cc-family", "cc-technical", "cc-employment", "cc-general");
        assertThat(answerGroups.deployed()).containsExactlyInAnyOrder("cc-elderly-care", "cc-family", "cc-technical",
                "cc-employment", "cc-general");
    }

    @Test
    void aModelCannotMakeAnotherGroupOrAnExpressionAnAnswerGroup() throws Exception {
        String model = Files.readString(Path.of("processes/routing.dmn"));
        String hostile = model.replace(NEW_RULE_BEFORE, rule("x1", "\"waste\"", "\"camunda-admin\"")
                + rule("x2", "\"parking-permit\"", "\"desk\"") + rule("x3", "\"moving\"", "\"cc-\" + topic")
                + rule("x4", "\"passport\"", "\"cc-Ok\\\"\"") + NEW_RULE_BEFORE);

        List<String> groups = AnswerGroups.in(Dmn.readModelFromStream(
                new ByteArrayInputStream(hostile.getBytes(StandardCharsets.UTF_8))));

        assertThat(groups).containsExactly("cc-elderly-care", "cc-family", "cc-technical", "cc-employment",
                "cc-general");
    }

    @Test
    void aGroupAProcessOwnerAddsToTheDecisionExistsWithItsGrantsAtTheNextStart() throws Exception {
        String model = Files.readString(Path.of("processes/routing.dmn"));
        String withHousing = model.replace(NEW_RULE_BEFORE, rule("housing", "\"housing-benefit\"", "\"cc-housing\"")
                + NEW_RULE_BEFORE);
        assertThat(identity.createGroupQuery().groupId("cc-housing").count()).isZero();
        Deployment deployment = repository.createDeployment().name("routing: svargruppe for boligstøtte")
                .addInputStream("routing.dmn", new ByteArrayInputStream(withHousing.getBytes(StandardCharsets.UTF_8)))
                .deploy();
        try {
            assertThat(answerGroups.deployed()).contains("cc-housing");

            migration.migrate(); // what every start does

            assertThat(identity.createGroupQuery().groupId("cc-housing").count()).isOne();
            assertThat(authorizations.isUserAuthorized("someone", List.of("cc-housing"), Permissions.ACCESS,
                    Resources.APPLICATION, "tasklist")).isTrue();
            assertThat(authorizations.isUserAuthorized("someone", List.of("cc-housing"), Permissions.READ,
                    Resources.PROCESS_DEFINITION, "inquiry")).isTrue();
            // and nothing more than the other answer groups
            assertThat(authorizations.isUserAuthorized("someone", List.of("cc-housing"), Permissions.CREATE,
                    Resources.DEPLOYMENT, "*")).isFalse();
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
            authorizations.createAuthorizationQuery().groupIdIn("cc-housing").list().stream()
                    .map(Authorization::getId).forEach(authorizations::deleteAuthorization);
            identity.deleteGroup("cc-housing");
        }
    }

    private static String rule(String id, String topic, String group) {
        return "<rule id=\"Rule_test_" + id + "\"><inputEntry id=\"In_test_" + id + "\"><text>" + topic
                + "</text></inputEntry><outputEntry id=\"Out_test_" + id + "\"><text>" + group
                + "</text></outputEntry></rule>\n";
    }
}
