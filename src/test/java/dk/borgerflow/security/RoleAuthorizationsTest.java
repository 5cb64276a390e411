package dk.borgerflow.security;

import dk.borgerflow.testsupport.RoutingModel;
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
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The role groups and their authorizations come from {@link IdentityMigration}, not from clicks in
 * Camunda Admin: every role exists, the process owner may deploy through engine-rest (what Camunda
 * Modeler does) and workers may not, nobody but the administrator may change or delete definitions,
 * and at every start each role's authorizations converge to what the role may do: missing
 * permissions added, those the role no longer has removed.
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
        List<String> roles = new ArrayList<>(RoutingModel.ANSWER_GROUPS);
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
        assertThat(authorizations.isUserAuthorized("someone", List.of(Groups.PROCESS_OWNER), Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")).isTrue();
        for (String worker : List.of(Groups.DESK, Groups.TEAM_LEAD, "cc-general", Groups.SECRETARIAT)) {
            assertThat(authorizations.isUserAuthorized("someone", List.of(worker), Permissions.ACCESS,
                    Resources.APPLICATION, "cockpit")).as(worker).isFalse();
        }
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
    void theProcessOwnerAndTheManagerReadDefinitionsAndTheirHistoryButChangeNothing() {
        // READ_HISTORY was lost once: every worker role got READ on process definitions first, and the
        // later, larger grants for the same resource were skipped
        assertThat(authorizations.isUserAuthorized("owner", List.of(Groups.PROCESS_OWNER),
                ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION, "inquiry")).isTrue();
        assertThat(authorizations.isUserAuthorized("manager", List.of(Groups.MANAGER),
                ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION, "inquiry")).isTrue();
        // suspending, deleting, modifying, migrating, setting variables and changing the history time to
        // live are the administrator's (the engine guard refuses some of them earlier; these hold anyway)
        for (String role : migration.roleGroups()) {
            for (Permission destructive : List.of(ProcessDefinitionPermissions.SUSPEND, Permissions.UPDATE,
                    Permissions.DELETE, ProcessDefinitionPermissions.DELETE_INSTANCE,
                    ProcessDefinitionPermissions.MIGRATE_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE,
                    ProcessDefinitionPermissions.SUSPEND_INSTANCE,
                    ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE, ProcessDefinitionPermissions.CREATE_INSTANCE,
                    ProcessDefinitionPermissions.DELETE_HISTORY)) {
                assertThat(authorizations.isUserAuthorized("someone", List.of(role), destructive,
                        Resources.PROCESS_DEFINITION, "inquiry")).as(role + " " + destructive).isFalse();
            }
            for (Permission destructive : List.of(Permissions.UPDATE, Permissions.DELETE,
                    ProcessInstancePermissions.UPDATE_VARIABLE, ProcessInstancePermissions.SUSPEND)) {
                assertThat(authorizations.isUserAuthorized("someone", List.of(role), destructive,
                        Resources.PROCESS_INSTANCE, ANY)).as(role + " " + destructive).isFalse();
            }
            assertThat(authorizations.isUserAuthorized("someone", List.of(role), Permissions.DELETE,
                    Resources.DEPLOYMENT, ANY)).as(role).isFalse();
            assertThat(authorizations.isUserAuthorized("someone", List.of(role), Permissions.UPDATE,
                    Resources.DECISION_DEFINITION, "routing")).as(role).isFalse();
        }
    }

    @Test
    void aRolesAuthorizationConvergesToWhatTheRoleMayDoAtTheNextStart() {
        // an older database: the process owner had ALL on definitions and deployments, and a grant on
        // all batches that no role has any longer
        Authorization definitions = processOwnerOn(Resources.PROCESS_DEFINITION).get(0);
        definitions.setPermissions(new Permissions[] {Permissions.ALL});
        authorizations.saveAuthorization(definitions);
        Authorization batches = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        batches.setGroupId(Groups.PROCESS_OWNER);
        batches.setResource(Resources.BATCH);
        batches.setResourceId(ANY);
        batches.addPermission(Permissions.ALL);
        authorizations.saveAuthorization(batches);
        // the operator's grant on one single filter is not the migration's
        Authorization oneFilter = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        oneFilter.setGroupId(Groups.PROCESS_OWNER);
        oneFilter.setResource(Resources.FILTER);
        oneFilter.setResourceId("some-filter-id");
        oneFilter.addPermission(Permissions.READ);
        authorizations.saveAuthorization(oneFilter);
        // and a grant that lost a permission the role has: deployments with READ only
        Authorization deployments = processOwnerOn(Resources.DEPLOYMENT).get(0);
        deployments.setPermissions(new Permissions[] {Permissions.READ});
        authorizations.saveAuthorization(deployments);

        migration.migrate();
        migration.migrate(); // idempotent

        assertThat(processOwnerOn(Resources.PROCESS_DEFINITION)).singleElement().satisfies(a -> {
            assertThat(a.isPermissionGranted(ProcessDefinitionPermissions.READ_HISTORY)).isTrue();
            assertThat(a.isPermissionGranted(ProcessDefinitionPermissions.SUSPEND)).isFalse();
            assertThat(a.isPermissionGranted(Permissions.DELETE)).isFalse();
            assertThat(a.isPermissionGranted(Permissions.UPDATE)).isFalse();
        });
        assertThat(processOwnerOn(Resources.BATCH)).isEmpty();
        assertThat(processOwnerOn(Resources.DEPLOYMENT)).singleElement().satisfies(a -> {
            assertThat(a.isPermissionGranted(Permissions.CREATE)).isTrue();
            assertThat(a.isPermissionGranted(Permissions.DELETE)).isFalse();
        });
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(Groups.PROCESS_OWNER)
                .resourceType(Resources.FILTER).resourceId("some-filter-id").count()).isEqualTo(1);
        authorizations.deleteAuthorization(authorizations.createAuthorizationQuery().groupIdIn(Groups.PROCESS_OWNER)
                .resourceType(Resources.FILTER).resourceId("some-filter-id").singleResult().getId());
    }

    @Test
    void whoeverDeployedLosesDeletingTheirDeploymentAndEveryUserDeletingTheirAccountAtTheNextStart() {
        // what Camunda's default authorization provider gave whoever deployed, before DefaultGrantsPlugin
        Authorization own = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        own.setUserId("owner");
        own.setResource(Resources.DEPLOYMENT);
        own.setResourceId("an-old-deployment");
        own.addPermission(Permissions.READ);
        own.addPermission(Permissions.DELETE);
        authorizations.saveAuthorization(own);
        // and what it gave every new user on their own account
        Authorization account = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        account.setUserId("an-old-user");
        account.setResource(Resources.USER);
        account.setResourceId("an-old-user");
        account.addPermission(Permissions.ALL);
        authorizations.saveAuthorization(account);

        migration.migrate();

        assertThat(authorizations.isUserAuthorized("an-old-user", List.of(), Permissions.DELETE, Resources.USER,
                "an-old-user")).isFalse();
        assertThat(authorizations.isUserAuthorized("an-old-user", List.of(), Permissions.UPDATE, Resources.USER,
                "an-old-user")).isTrue();

        assertThat(authorizations.isUserAuthorized("owner", List.of(Groups.PROCESS_OWNER), Permissions.DELETE,
                Resources.DEPLOYMENT, "an-old-deployment")).isFalse();
        assertThat(authorizations.isUserAuthorized("owner", List.of(Groups.PROCESS_OWNER), Permissions.READ,
                Resources.DEPLOYMENT, "an-old-deployment")).isTrue();
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

    private List<Authorization> processOwnerOn(Resources resource) {
        return authorizations.createAuthorizationQuery().groupIdIn(Groups.PROCESS_OWNER)
                .resourceType(resource).resourceId(ANY).list();
    }

    private EngineRest as(String user) {
        return new EngineRest("http://127.0.0.1:" + port, user, "demo");
    }
}
