package dk.borgerflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.testsupport.EngineRest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The role groups and their authorizations come from {@link IdentityMigration}, not from clicks in
 * Camunda Admin: every role exists, the process owner may deploy through engine-rest (what Camunda
 * Modeler does) and workers may not, and a permission added to a role later is merged into the
 * authorization the role already has.
 */
@BorgerflowTest
class RoleAuthorizationsTest {

    static final byte[] A_TINY_PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_OwnerDeploys"
                targetNamespace="http://borgerflow.dk/test">
              <bpmn:process id="Process_OwnerDeploys" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="StartEvent_Started"/>
              </bpmn:process>
            </bpmn:definitions>""".getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    IdentityMigration migration;
    @Autowired
    AdminBootstrap adminBootstrap;

    @Test
    void everyRoleGroupIsCreatedByTheMigrationWithTasklistAccess() {
        List<String> roles = new ArrayList<>(Groups.ANSWER_GROUPS);
        roles.addAll(Groups.specialistGroups());
        roles.addAll(List.of(Groups.DESK, Groups.TEAM_LEAD, Groups.EDITOR, Groups.MANAGER, Groups.PROCESS_OWNER,
                Groups.SECRETARIAT));

        assertThat(identity.createGroupQuery().list()).extracting(Group::getId).containsAll(roles)
                .contains(Groups.ADMIN);
        for (String role : roles) {
            assertThat(authorizations.isUserAuthorized("someone", List.of(role), Permissions.ACCESS,
                    Resources.APPLICATION, "tasklist")).as(role).isTrue();
        }
        assertThat(authorizations.isUserAuthorized("someone", List.of(Groups.MANAGER), Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")).isTrue();
        assertThat(authorizations.isUserAuthorized("someone", List.of(Groups.DESK), Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")).isFalse();
    }

    @Test
    void theProcessOwnerMayDeployThroughEngineRestAndWorkersMayNot() throws Exception {
        var owner = as("owner").deploy("owner-deploys", "owner-deploys.bpmn", A_TINY_PROCESS);
        assertThat(owner.statusCode()).as(owner.body()).isEqualTo(200);

        for (String worker : List.of("agent-slagelse", "desk-slagelse", "specialist-slagelse", "teamlead-slagelse",
                "manager")) {
            var refused = as(worker).deploy("worker-deploys", "worker-deploys.bpmn", A_TINY_PROCESS);
            assertThat(refused.statusCode()).as(worker + ": " + refused.body()).isEqualTo(403);
        }
    }

    @Test
    void theProcessOwnerMayChangeProcessDefinitionsAndTheManagerReadsTheirHistory() {
        // both were lost once: every worker role got READ on process definitions first, and the
        // later, larger grants for the same resource were skipped
        assertThat(authorizations.isUserAuthorized("owner", List.of(Groups.PROCESS_OWNER),
                ProcessDefinitionPermissions.SUSPEND, Resources.PROCESS_DEFINITION, "inquiry")).isTrue();
        assertThat(authorizations.isUserAuthorized("owner", List.of(Groups.PROCESS_OWNER), Permissions.UPDATE,
                Resources.DECISION_DEFINITION, "routing")).isTrue();
        assertThat(authorizations.isUserAuthorized("manager", List.of(Groups.MANAGER),
                ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION, "inquiry")).isTrue();
        assertThat(authorizations.isUserAuthorized("agent-slagelse", List.of("cc-general"),
                ProcessDefinitionPermissions.SUSPEND, Resources.PROCESS_DEFINITION, "inquiry")).isFalse();
    }

    @Test
    void aPermissionGrantedLaterIsMergedIntoTheRolesExistingAuthorization() {
        Authorization existing = processOwnerOnAllProcessDefinitions().get(0);
        existing.setPermissions(new Permissions[] {Permissions.READ});
        authorizations.saveAuthorization(existing);
        assertThat(authorizations.isUserAuthorized("owner", List.of(Groups.PROCESS_OWNER), Permissions.UPDATE,
                Resources.PROCESS_DEFINITION, ANY)).isFalse();

        migration.migrate();

        assertThat(processOwnerOnAllProcessDefinitions()).singleElement()
                .satisfies(a -> assertThat(a.isEveryPermissionGranted()).isTrue());
    }

    @Test
    void anIncompleteAuthorizationOfTheAdminGroupIsCompletedAtStart() {
        Authorization deployments = authorizations.createAuthorizationQuery().groupIdIn(Groups.ADMIN)
                .resourceType(Resources.DEPLOYMENT).resourceId(ANY).singleResult();
        deployments.setPermissions(new Permissions[] {Permissions.READ});
        authorizations.saveAuthorization(deployments);

        adminBootstrap.bootstrap();

        assertThat(authorizations.createAuthorizationQuery().groupIdIn(Groups.ADMIN)
                .resourceType(Resources.DEPLOYMENT).resourceId(ANY).list()).singleElement()
                .satisfies(a -> assertThat(a.isEveryPermissionGranted()).isTrue());
    }

    private List<Authorization> processOwnerOnAllProcessDefinitions() {
        return authorizations.createAuthorizationQuery().groupIdIn(Groups.PROCESS_OWNER)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId(ANY).list();
    }

    private EngineRest as(String user) {
        return new EngineRest("http://127.0.0.1:" + port, user, "demo");
    }
}
