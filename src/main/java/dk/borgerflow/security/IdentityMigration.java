package dk.borgerflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The role groups and their Camunda authorizations, applied at every start, so every installation
 * (demo, PostgreSQL, each cluster node) has the same roles without manual clicking in Admin. Users and
 * their memberships are the operator's (or the demo profile's). Task access for agents comes from the
 * engine itself: a task's candidate group gets read/work permission on that task; tenant memberships
 * restrict everything to the user's municipalities.
 *
 * <p>The migration <em>converges</em>: for each role group it owns (every group below, not
 * {@code camunda-admin}, whose rights are {@link AdminBootstrap}'s), the grants on all resources
 * ({@code *}) and on the applications below are made exactly those of {@link #roles(List)}: missing ones
 * created, extra permissions removed, grants no longer wanted deleted. Grants on single resources
 * (one filter, one deployment) are the operator's and stay. An existing database thereby loses what a
 * role had before and no longer has, e.g. the process owner's former ALL on deployments and
 * definitions. Camunda also gives whoever deploys DELETE on the deployment, and every user ALL on their
 * own account; DELETE is taken back here and no longer granted ({@link DefaultGrantsPlugin}).
 */
@Component
class IdentityMigration {

    private static final Logger log = LoggerFactory.getLogger(IdentityMigration.class);

    /** One grant of a role: permissions on a resource type, on all its resources or one (an application). */
    record Grant(Resource resource, String resourceId, Set<Permission> permissions) {
    }

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final AnswerGroups answerGroups;

    IdentityMigration(IdentityService identity, AuthorizationService authorizations, AnswerGroups answerGroups) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.answerGroups = answerGroups;
    }

    /**
     * The workflow role groups: every group this migration owns. The contact center's answer groups
     * are those of the deployed routing decision ({@link AnswerGroups}).
     */
    List<String> roleGroups() {
        return roleGroups(answerGroups.deployed());
    }

    static List<String> roleGroups(List<String> contactCenterAnswerGroups) {
        List<String> groups = new ArrayList<>(contactCenterAnswerGroups);
        groups.add(Groups.DESK);
        groups.addAll(Groups.specialistGroups());
        groups.addAll(List.of(Groups.TEAM_LEAD, Groups.SECRETARIAT, Groups.EDITOR, Groups.MANAGER,
                Groups.PROCESS_OWNER));
        return groups;
    }

    /**
     * What each role may do (docs/operations.md, "Who may do what"). Nothing here deletes, suspends,
     * modifies or migrates definitions or instances, changes their history time to live, sets
     * variables outside a task, or manages users, groups, filters and authorizations: that is
     * {@code camunda-admin}'s alone.
     */
    static Map<String, List<Grant>> roles(List<String> roleGroups) {
        Map<String, List<Grant>> roles = new LinkedHashMap<>();
        for (String group : roleGroups) {
            List<Grant> grants = new ArrayList<>();
            grants.add(new Grant(Resources.APPLICATION, "tasklist", Set.of(Permissions.ACCESS)));
            grants.add(new Grant(Resources.PROCESS_DEFINITION, ANY, Set.of(ProcessDefinitionPermissions.READ)));
            grants.add(new Grant(Resources.DECISION_DEFINITION, ANY, Set.of(Permissions.READ)));
            // the variables Tasklist shows on each task card (Kommune, Emne, Henvendelse) are process
            // variables; tenant membership still limits this to the user's own municipalities
            grants.add(new Grant(Resources.PROCESS_INSTANCE, ANY, Set.of(ProcessInstancePermissions.READ)));
            roles.put(group, grants);
        }
        // team leads see and redistribute all tasks of their municipalities
        roles.get(Groups.TEAM_LEAD).addAll(List.of(
                new Grant(Resources.TASK, ANY, Set.of(TaskPermissions.READ, TaskPermissions.UPDATE,
                        TaskPermissions.TASK_ASSIGN)),
                new Grant(Resources.HISTORIC_TASK, ANY, Set.of(HistoricTaskPermissions.READ))));
        // managers and process owners follow the flow in Cockpit: definitions, instances, history
        List<Grant> cockpit = List.of(
                new Grant(Resources.APPLICATION, "cockpit", Set.of(Permissions.ACCESS)),
                new Grant(Resources.PROCESS_DEFINITION, ANY, Set.of(ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY)),
                new Grant(Resources.DECISION_DEFINITION, ANY, Set.of(Permissions.READ, Permissions.READ_HISTORY)));
        roles.get(Groups.MANAGER).addAll(cockpit);
        roles.get(Groups.PROCESS_OWNER).addAll(cockpit);
        // process owners deploy new versions of BPMN/DMN/forms (Camunda Modeler deploys through
        // engine-rest) and read deployments and decision requirements; a new version only changes what
        // new inquiries run, running instances keep theirs
        roles.get(Groups.PROCESS_OWNER).addAll(List.of(
                new Grant(Resources.DEPLOYMENT, ANY, Set.of(Permissions.CREATE, Permissions.READ)),
                new Grant(Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Set.of(Permissions.READ))));
        return roles;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void migrate() {
        Map<String, List<Grant>> roles = roles(roleGroups());
        Set<String> ownedApplications = roles.values().stream().flatMap(List::stream)
                .filter(g -> g.resource() == Resources.APPLICATION).map(Grant::resourceId)
                .collect(Collectors.toSet());
        int changes = 0;
        for (var role : roles.entrySet()) {
            ensureGroup(role.getKey(), "WORKFLOW");
            changes += converge(role.getKey(), role.getValue(), ownedApplications);
        }
        ensureGroup(Groups.ADMIN, "SYSTEM");
        changes += takeBackDeletingOwnDeploymentsAndAccounts();
        log.info("Identity migration applied: {} role groups, {} authorizations changed", roles.size() + 1, changes);
    }

    private void ensureGroup(String id, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            var group = identity.newGroup(id);
            group.setName(id);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    /** Makes the group's owned grants exactly the wanted ones; answers how many authorizations changed. */
    private int converge(String group, List<Grant> grants, Set<String> ownedApplications) {
        Map<String, Set<Permission>> wanted = new LinkedHashMap<>();
        Map<String, Grant> byKey = new LinkedHashMap<>();
        for (Grant g : grants) {
            String key = key(g.resource().resourceType(), g.resourceId());
            wanted.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(g.permissions());
            byKey.putIfAbsent(key, g);
        }
        int changes = 0;
        List<Authorization> existing = authorizations.createAuthorizationQuery().groupIdIn(group)
                .authorizationType(AUTH_TYPE_GRANT).list().stream().filter(a -> group.equals(a.getGroupId())).toList();
        for (Authorization auth : existing) {
            String key = key(auth.getResourceType(), auth.getResourceId());
            Set<Permission> want = wanted.remove(key);
            if (want != null) {
                if (mask(auth) != mask(want)) {
                    auth.setPermissions(want.toArray(new Permission[0]));
                    authorizations.saveAuthorization(auth);
                    log.info("Authorization of {} on {} {} set to {}", group, resourceName(auth), auth.getResourceId(),
                            want);
                    changes++;
                }
            } else if (ANY.equals(auth.getResourceId()) || (auth.getResourceType()
                    == Resources.APPLICATION.resourceType() && ownedApplications.contains(auth.getResourceId()))) {
                authorizations.deleteAuthorization(auth.getId());
                log.info("Authorization of {} on {} {} removed: the role no longer has it", group, resourceName(auth),
                        auth.getResourceId());
                changes++;
            }
        }
        for (var missing : wanted.entrySet()) {
            Grant grant = byKey.get(missing.getKey());
            Authorization auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            auth.setGroupId(group);
            auth.setResource(grant.resource());
            auth.setResourceId(grant.resourceId());
            auth.setPermissions(missing.getValue().toArray(new Permission[0]));
            authorizations.saveAuthorization(auth);
            changes++;
        }
        return changes;
    }

    /**
     * Camunda grants whoever creates a deployment READ and DELETE on it, and every new user ALL on
     * their own account. Deleting a deployment (with its definitions and, cascading, every running
     * instance of every municipality) is the administrator's, and so is deleting an account, one's own
     * included. Existing grants of that kind lose DELETE (users keep reading and updating their own
     * profile and password).
     */
    private int takeBackDeletingOwnDeploymentsAndAccounts() {
        int changes = 0;
        List<Authorization> grants = new ArrayList<>();
        grants.addAll(authorizations.createAuthorizationQuery().resourceType(Resources.DEPLOYMENT)
                .authorizationType(AUTH_TYPE_GRANT).hasPermission(Permissions.DELETE).list());
        grants.addAll(authorizations.createAuthorizationQuery().resourceType(Resources.USER)
                .authorizationType(AUTH_TYPE_GRANT).hasPermission(Permissions.DELETE).list().stream()
                .filter(a -> a.getUserId() != null && a.getUserId().equals(a.getResourceId())).toList());
        for (Authorization auth : grants) {
            if (auth.getUserId() == null || ANY.equals(auth.getUserId()) || ANY.equals(auth.getResourceId())) {
                continue; // group grants are the roles' (above); grants on all resources the operator's
            }
            if (auth.getResourceType() == Resources.USER.resourceType()) {
                auth.setPermissions(new Permission[] {Permissions.READ, Permissions.UPDATE});
            } else {
                auth.removePermission(Permissions.DELETE);
            }
            if (mask(auth) == 0) {
                authorizations.deleteAuthorization(auth.getId());
            } else {
                authorizations.saveAuthorization(auth);
            }
            changes++;
        }
        return changes;
    }

    private static String key(int resourceType, String resourceId) {
        return resourceType + "/" + resourceId;
    }

    private static int mask(Authorization auth) {
        return ((AuthorizationEntity) auth).getPermissions();
    }

    private static int mask(Set<Permission> permissions) {
        int mask = 0;
        for (Permission p : permissions) {
            mask |= p.getValue();
        }
        return mask;
    }

    private static String resourceName(Authorization auth) {
        return EnumSet.allOf(Resources.class).stream().filter(r -> r.resourceType() == auth.getResourceType())
                .map(Resources::resourceName).findFirst().orElse(String.valueOf(auth.getResourceType()));
    }
}
