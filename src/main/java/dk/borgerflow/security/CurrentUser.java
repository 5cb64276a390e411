package dk.borgerflow.security;

import java.util.Set;

/**
 * The authenticated user of a request: Camunda user id, groups and tenants (municipalities).
 * Admins see every municipality; everyone else only their own tenants.
 */
public record CurrentUser(String userId, Set<String> groups, Set<String> tenantIds) {

    public CurrentUser {
        groups = Set.copyOf(groups);
        tenantIds = Set.copyOf(tenantIds);
    }

    public boolean isAdmin() {
        return groups.contains(Groups.ADMIN);
    }

    public boolean isMemberOf(String group) {
        return isAdmin() || groups.contains(group);
    }

    public boolean canAccess(String municipality) {
        return isAdmin() || tenantIds.contains(municipality);
    }

    /**
     * Whether the user works with citizens' inquiries: the contact center's answer groups, the desk,
     * specialists, team leads (and administrators). Process owners, managers, the secretariat and
     * editors see what their role needs but register no inquiries and read no CPR numbers.
     */
    public boolean answersCitizens() {
        return isAdmin() || groups.contains(Groups.DESK) || groups.contains(Groups.TEAM_LEAD)
                || groups.stream().anyMatch(g -> g.startsWith(Groups.CONTACT_CENTER_PREFIX)
                        || g.startsWith(Groups.SPECIALIST_PREFIX));
    }

    /** The municipalities this user may see; {@code null} means all (admin). */
    public Set<String> visibleTenantsOrAll() {
        return isAdmin() ? null : tenantIds;
    }
}
