package dk.borgerflow.demo;

import dk.borgerflow.municipality.Municipality;
import dk.borgerflow.municipality.MunicipalityCatalogue;
import dk.borgerflow.security.AnswerGroups;
import dk.borgerflow.security.Groups;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users, password {@code demo}: {@code admin}, {@code owner} (process owner, may deploy),
 * {@code manager}, {@code manager-center} (the shared contact center's manager: reports of its members),
 * and per municipality {@code manager-<slug>} (reports of that municipality), {@code agent-<slug>} (contact
 * center: every answer group of the deployed routing.dmn),
 * {@code desk-<slug>}, {@code specialist-<slug>}, {@code teamlead-<slug>}, {@code secretariat-<slug>} and
 * {@code editor-<slug>} (the municipality's self-service catalogue).
 * Exists only in the {@code demo} profile.
 */
@Component
@Profile("demo")
class DemoUsers {

    static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final IdentityService identity;
    private final MunicipalityCatalogue catalogue;
    private final AnswerGroups answerGroups;

    DemoUsers(IdentityService identity, MunicipalityCatalogue catalogue, AnswerGroups answerGroups) {
        this.identity = identity;
        this.catalogue = catalogue;
        this.answerGroups = answerGroups;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(5)
    void createDemoUsers() {
        List<Municipality> municipalities = catalogue.municipalities();
        List<String> allTenants = municipalities.stream().map(Municipality::slug).toList();
        // the deployed routing decision's answer groups: a group a process owner adds there reaches the agents
        List<String> contactCenter = answerGroups.deployed();
        user("admin", "Admin", "Borgerflow", List.of(Groups.ADMIN), allTenants);
        user("owner", "Procesejer", "Borgerflow", List.of(Groups.PROCESS_OWNER), allTenants);
        user("manager", "Leder", "Borgerflow", List.of(Groups.MANAGER), allTenants);
        // the shared contact center's manager: reports of all its (Danish) member municipalities
        user("manager-center", "Leder", "Fælles kontaktcenter", List.of(Groups.MANAGER), municipalities.stream()
                .filter(m -> "DK".equals(m.country())).map(Municipality::slug).toList());
        for (Municipality m : municipalities) {
            String town = m.name().replace(" Kommune", "").replace(" stadsdelsområde", "");
            List<String> tenant = List.of(m.slug());
            user("agent-" + m.slug(), "Kontaktcenter", town, contactCenter, tenant);
            user("desk-" + m.slug(), "Borgerservice", town, List.of(Groups.DESK), tenant);
            user("specialist-" + m.slug(), "Specialist", town, Groups.specialistGroups(), tenant);
            user("teamlead-" + m.slug(), "Teamleder", town, List.of(Groups.TEAM_LEAD), tenant);
            user("secretariat-" + m.slug(), "Sekretariat", town, List.of(Groups.SECRETARIAT), tenant);
            user("manager-" + m.slug(), "Leder", town, List.of(Groups.MANAGER), tenant);
            user("editor-" + m.slug(), "Redaktør", town, List.of(Groups.EDITOR), tenant);
        }
        log.info("Demo users ready (password '{}'): admin, owner, manager, agent-/desk-/specialist-/teamlead-/"
                + "secretariat-/editor-/manager-<municipality>, manager-center for {}", PASSWORD, allTenants);
    }

    private void user(String id, String firstName, String lastName, List<String> groups, List<String> tenants) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(id + "@demo.borgerflow.dk");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
        }
        List<String> missingGroups = new ArrayList<>(groups);
        identity.createGroupQuery().groupMember(id).list().forEach(g -> missingGroups.remove(g.getId()));
        missingGroups.forEach(g -> identity.createMembership(id, g));
        List<String> missingTenants = new ArrayList<>(tenants);
        identity.createTenantQuery().userMember(id).list().forEach(t -> missingTenants.remove(t.getId()));
        missingTenants.forEach(t -> identity.createTenantUserMembership(t, id));
    }
}
