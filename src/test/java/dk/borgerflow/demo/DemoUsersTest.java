package dk.borgerflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.BorgerflowTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo's agents answer in every answer group of the deployed routing decision. */
@BorgerflowTest
class DemoUsersTest {

    static final String NEW_RULE_BEFORE = "<rule id=\"Rule_routing_answer_group_5\">";

    @Autowired
    DemoUsers demoUsers;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;

    @Test
    void agentsAreMembersOfEveryAnswerGroupOfTheDeployedRoutingDecision() throws Exception {
        assertThat(identity.createGroupQuery().groupMember("agent-slagelse").list()).extracting(Group::getId)
                .contains("cc-general", "cc-elderly-care", "cc-family", "cc-technical", "cc-employment")
                .doesNotContain("cc-housing");
        String model = Files.readString(Path.of("processes/routing.dmn"));
        String withHousing = model.replace(NEW_RULE_BEFORE, "<rule id=\"Rule_test_housing\"><inputEntry "
                + "id=\"In_test_housing\"><text>\"housing-benefit\"</text></inputEntry><outputEntry "
                + "id=\"Out_test_housing\"><text>\"cc-housing\"</text></outputEntry></rule>\n" + NEW_RULE_BEFORE);
        Deployment deployment = repository.createDeployment().name("routing: svargruppe for boligstøtte")
                .addInputStream("routing.dmn", new ByteArrayInputStream(withHousing.getBytes(StandardCharsets.UTF_8)))
                .deploy();
        Group housing = identity.newGroup("cc-housing"); // the identity migration's part at a start
        housing.setName("cc-housing");
        identity.saveGroup(housing);
        try {
            demoUsers.createDemoUsers();

            assertThat(identity.createUserQuery().memberOfGroup("cc-housing").list()).extracting(u -> u.getId())
                    .contains("agent-slagelse", "agent-spanga-tensta").noneMatch(id -> id.startsWith("desk-"));
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
            identity.deleteGroup("cc-housing");
        }
    }
}
