package dk.borgerflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The role groups and their Camunda authorizations, applied at every start and idempotent, so
 * every installation (demo, PostgreSQL, each cluster node) has the same roles without manual
 * clicking in Admin. Users and their memberships are the operator's (or the demo profile's).
 * Task access for agents comes from the engine itself: a task's candidate group gets read/work
 * permission on that task; tenant memberships restrict everything to the user's municipalities.
 */
@Component
class IdentityMigration {

    private static final Logger log = LoggerFactory.getLogger(IdentityMigration.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    IdentityMigration(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void migrate() {
        List<String> workers = new ArrayList<>(Groups.ANSWER_GROUPS);
        workers.add(Groups.DESK);
        workers.addAll(Groups.specialistGroups());
        workers.addAll(List.of(Groups.TEAM_LEAD, Groups.SECRETARIAT, Groups.EDITOR, Groups.MANAGER,
                Groups.PROCESS_OWNER));

        for (String group : workers) {
            ensureGroup(group, "WORKFLOW");
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
            // the variables Tasklist shows on each task card (Kommune, Emne, Henvendelse) are process
            // variables; tenant membership still limits this to the user's own municipalities
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        }
        ensureGroup(Groups.ADMIN, "SYSTEM");

        // team leads see and redistribute all tasks of their municipalities
        grant(Groups.TEAM_LEAD, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE, Permissions.TASK_ASSIGN);
        grant(Groups.TEAM_LEAD, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(Groups.TEAM_LEAD, Resources.HISTORIC_TASK, ANY, org.camunda.bpm.engine.authorization.HistoricTaskPermissions.READ);
        // managers follow the flow in Cockpit
        grant(Groups.MANAGER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Groups.MANAGER, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY);
        grant(Groups.MANAGER, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        // process owners change and deploy BPMN/DMN (Camunda Modeler deploys through engine-rest)
        grant(Groups.PROCESS_OWNER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Groups.PROCESS_OWNER, Resources.DEPLOYMENT, ANY, Permissions.ALL);
        grant(Groups.PROCESS_OWNER, Resources.PROCESS_DEFINITION, ANY, Permissions.ALL);
        grant(Groups.PROCESS_OWNER, Resources.DECISION_DEFINITION, ANY, Permissions.ALL);
        grant(Groups.PROCESS_OWNER, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.ALL);
        grant(Groups.PROCESS_OWNER, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        // the secretariat runs consultations
        grant(Groups.SECRETARIAT, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        log.info("Identity migration applied: {} role groups", workers.size() + 1);
    }

    private void ensureGroup(String id, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            var group = identity.newGroup(id);
            group.setName(id);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    /**
     * Grants the permissions to the group on the resource: creates the authorization, or merges the
     * missing permissions into the one that exists for (group, resource, resource id). Camunda allows
     * one authorization per such triple, so a role that got READ earlier (e.g. every worker group on
     * process definitions) and ALL later (the process owner) ends up with both.
     */
    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization auth = authorizations.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT).list().stream()
                .filter(a -> group.equals(a.getGroupId()))
                .findFirst().orElse(null);
        boolean changed = false;
        if (auth == null) {
            auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            auth.setGroupId(group);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
            changed = true;
        }
        for (Permission p : permissions) {
            if (!auth.isPermissionGranted(p)) {
                auth.addPermission(p);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(auth);
            log.debug("Authorization of {} on {} {} now grants {}", group, resource.resourceName(), resourceId,
                    List.of(auth.getPermissions(permissions)));
        }
    }
}
