package dk.borgerflow.security;

import java.util.List;

/**
 * Role groups (Camunda group ids). Contact-center answer groups start with {@code cc-} (which ones
 * is the process owners' decision in routing.dmn: {@link AnswerGroups}), specialist groups with
 * {@code specialist-} followed by the department. Which municipality a member serves
 * comes from their tenant memberships, so one shared contact center can serve several.
 */
public final class Groups {

    public static final String ADMIN = "camunda-admin";
    public static final String PROCESS_OWNER = "process-owner";
    public static final String TEAM_LEAD = "team-lead";
    public static final String DESK = "desk";
    public static final String EDITOR = "editor";
    public static final String MANAGER = "manager";
    public static final String SECRETARIAT = "secretariat";
    public static final String CONTACT_CENTER_PREFIX = "cc-";
    public static final String SPECIALIST_PREFIX = "specialist-";

    /** Departments that own topics; each has a specialist group. */
    public static final List<String> DEPARTMENTS =
            List.of("borgerservice", "social", "elderly", "family", "employment", "technical", "economy");

    private Groups() {
    }

    public static String specialistGroup(String department) {
        return SPECIALIST_PREFIX + department;
    }

    public static List<String> specialistGroups() {
        return DEPARTMENTS.stream().map(Groups::specialistGroup).toList();
    }
}
