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

    /** The municipalities this user may see; {@code null} means all (admin). */
    public Set<String> visibleTenantsOrAll() {
        return isAdmin() ? null : tenantIds;
    }
}
