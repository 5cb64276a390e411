package dk.borgerflow.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The administrator group's rights and the production administrator. The group
 * {@code camunda-admin} gets every permission on every resource (as Camunda's first-user setup
 * does). When {@code borgerflow.admin.password} (env {@code BORGERFLOW_ADMIN_PASSWORD}) is set
 * and the user {@code borgerflow.admin.user} (default {@code admin}) does not exist, it is created
 * and put into {@code camunda-admin}. An existing user
 * keeps the password it has (change it in Camunda Admin); it is only made a member of the group.
 * In production ({@code borgerflow.production.require-strong-admin-password}) the start is refused
 * when that existing admin still has a known default password or when demo users exist in the
 * database, e.g. after a demo was once started against it.
 */
@Component
class AdminBootstrap {

    static final String DEMO_EMAIL_PATTERN = "%@demo.borgerflow.dk";
    /** The bootstrapped admin's name; Camunda's password policy refuses passwords containing it. */
    static final String FIRST_NAME = "Administrator";
    static final String LAST_NAME = "Borgerflow";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final String userId;
    private final String password;
    private final boolean production;

    AdminBootstrap(IdentityService identity, AuthorizationService authorizations,
            ProcessEngineConfigurationImpl engineConfiguration, @Value("${borgerflow.admin.user:admin}") String userId,
            @Value("${borgerflow.admin.password:}") String password,
            @Value("${" + ProductionSafetyCheck.REQUIRE_STRONG + ":false}") boolean production) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.engineConfiguration = engineConfiguration;
        this.userId = userId;
        this.password = password;
        this.production = production;
    }

    /** After the role groups ({@link IdentityMigration}, order 1) and before demo users (order 5). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(3)
    void bootstrap() {
        grantAdminGroupEverything();
        if (production) {
            refuseDemoUsersAndDefaultAdminPassword();
        }
        if (password == null || password.isBlank()) {
            return;
        }
        if (identity.createUserQuery().userId(userId).count() == 0) {
            var user = identity.newUser(userId);
            user.setFirstName(FIRST_NAME);
            user.setLastName(LAST_NAME);
            user.setPassword(password);
            identity.saveUser(user);
            log.info("Created administrator '{}' from BORGERFLOW_ADMIN_PASSWORD", userId);
        }
        if (identity.createGroupQuery().groupId(Groups.ADMIN).groupMember(userId).count() == 0) {
            identity.createMembership(userId, Groups.ADMIN);
            log.info("Added '{}' to group {}", userId, Groups.ADMIN);
        }
    }

    /** Whether the user's password is one of the well-known defaults (hashes compared; no login counted). */
    static boolean hasKnownDefaultPassword(UserEntity user, PasswordManager passwords) {
        return user.getPassword() != null && ProductionSafetyCheck.KNOWN_DEFAULTS.stream()
                .anyMatch(known -> passwords.check(EncryptionUtil.saltPassword(known, user.getSalt()), user.getPassword()));
    }

    /**
     * What Camunda's own first-user setup (Admin webapp) and the starter's {@code admin-user} grant:
     * the group {@code camunda-admin} may do everything on every resource type, e.g. deploy.
     * Idempotent: missing authorizations are created, incomplete ones completed.
     */
    private void grantAdminGroupEverything() {
        for (Resources resource : Resources.values()) {
            Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(Groups.ADMIN)
                    .resourceType(resource).resourceId(Authorization.ANY)
                    .authorizationType(Authorization.AUTH_TYPE_GRANT).list().stream()
                    .filter(a -> Groups.ADMIN.equals(a.getGroupId())).findFirst().orElse(null);
            if (existing == null) {
                Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                all.setGroupId(Groups.ADMIN);
                all.setResource(resource);
                all.setResourceId(Authorization.ANY);
                all.addPermission(Permissions.ALL);
                authorizations.saveAuthorization(all);
            } else if (!existing.isEveryPermissionGranted()) {
                // e.g. created by hand in Camunda Admin with fewer permissions: merged, not skipped
                existing.addPermission(Permissions.ALL);
                authorizations.saveAuthorization(existing);
            }
        }
    }

    private void refuseDemoUsersAndDefaultAdminPassword() {
        // a demo user is one the demo created: demo e-mail AND the demo password. The e-mail alone is
        // not enough: every user may edit their own profile, and a worker typing a demo address must
        // not be able to stop the next production start
        PasswordManager passwords = engineConfiguration.getPasswordManager();
        long demoUsers = identity.createUserQuery().userEmailLike(DEMO_EMAIL_PATTERN).list().stream()
                .filter(u -> u instanceof UserEntity e && hasKnownDefaultPassword(e, passwords)).count();
        if (demoUsers > 0) {
            throw new IllegalStateException("Refusing to start: " + demoUsers + " demo users (e-mail "
                    + DEMO_EMAIL_PATTERN + ") exist in this production database. Delete them in Camunda Admin "
                    + "or use a fresh database.");
        }
        // compare hashes directly: identityService.checkPassword would count each known default as a
        // failed login of this node (LoginThrottle)
        if (identity.createUserQuery().userId(userId).singleResult() instanceof UserEntity user
                && user.getPassword() != null) {
            for (String known : ProductionSafetyCheck.KNOWN_DEFAULTS) {
                if (passwords.check(EncryptionUtil.saltPassword(known, user.getSalt()), user.getPassword())) {
                    throw new IllegalStateException("Refusing to start: the existing user '" + userId
                            + "' has a known default password. Change it (Camunda Admin) or delete the user so "
                            + "it is created from BORGERFLOW_ADMIN_PASSWORD.");
                }
            }
        }
    }
}
