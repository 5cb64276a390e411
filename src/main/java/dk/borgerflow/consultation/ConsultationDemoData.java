package dk.borgerflow.consultation;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import dk.borgerflow.municipality.Municipality;
import dk.borgerflow.municipality.MunicipalityCatalogue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: committees and the staff body as Camunda groups, and per municipality one
 * member of each committee ({@code committee-social-<slug>} ..., password {@code demo}), so a
 * consultation can be tried end to end in Tasklist. {@code secretariat-<slug>} comes from DemoUsers.
 */
@Component
@Profile("demo")
class ConsultationDemoData {

    static final String PASSWORD = "demo";
    /** Committee groups and their Danish names; committee-finance (Økonomiudvalget) decides in the demo. */
    static final Map<String, String> COMMITTEES = new LinkedHashMap<>();

    static {
        COMMITTEES.put("committee-social", "Socialudvalget");
        COMMITTEES.put("committee-health", "Sundheds- og Omsorgsudvalget");
        COMMITTEES.put("committee-culture", "Kultur- og Fritidsudvalget");
        COMMITTEES.put("committee-finance", "Økonomiudvalget");
        COMMITTEES.put("hsu", "Hovedsamarbejdsudvalget (HSU)");
    }

    private static final Logger log = LoggerFactory.getLogger(ConsultationDemoData.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final MunicipalityCatalogue catalogue;

    ConsultationDemoData(IdentityService identity, AuthorizationService authorizations, MunicipalityCatalogue catalogue) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.catalogue = catalogue;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(6)
    void createCommittees() {
        COMMITTEES.forEach((group, name) -> {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                var g = identity.newGroup(group);
                g.setName(name);
                g.setType("WORKFLOW");
                identity.saveGroup(g);
            }
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        });
        for (Municipality m : catalogue.municipalities()) {
            for (String group : COMMITTEES.keySet()) {
                if (!group.startsWith("committee-")) {
                    continue;
                }
                String userId = group + "-" + m.slug();
                if (identity.createUserQuery().userId(userId).count() == 0) {
                    var user = identity.newUser(userId);
                    user.setFirstName(COMMITTEES.get(group));
                    user.setLastName(m.name());
                    user.setEmail(userId + "@demo.borgerflow.dk");
                    user.setPassword(PASSWORD);
                    identity.saveUser(user);
                    identity.createMembership(userId, group);
                    identity.createTenantUserMembership(m.slug(), userId);
                }
            }
        }
        log.info("Consultation demo committees ready: {} (users committee-<name>-<municipality>, password '{}')",
                COMMITTEES.keySet(), PASSWORD);
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        if (authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(resourceId)
                .count() > 0) {
            return;
        }
        var auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        auth.setGroupId(group);
        auth.setResource(resource);
        auth.setResourceId(resourceId);
        for (Permission p : permissions) {
            auth.addPermission(p);
        }
        authorizations.saveAuthorization(auth);
    }
}
