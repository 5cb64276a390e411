package dk.borgerflow.reporting;

import dk.borgerflow.municipality.Municipality;
import dk.borgerflow.municipality.MunicipalityCatalogue;
import dk.borgerflow.security.AccessRefused;
import dk.borgerflow.security.CurrentUser;
import dk.borgerflow.security.Groups;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who sees which reports: managers (group {@code manager}) and administrators, for the
 * municipalities they are members of. A municipality's manager sees that municipality, the shared
 * center's manager (member of all its municipalities) all of them; nobody else sees any.
 */
@Component
class ReportAccess {

    private final MunicipalityCatalogue catalogue;

    ReportAccess(MunicipalityCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The municipalities of the report: the one asked for, or all the user may see. */
    List<String> municipalities(CurrentUser user, String requested) {
        requireManager(user);
        if (requested != null && !requested.isBlank()) {
            String slug = requested.trim();
            if (catalogue.municipality(slug).isEmpty()) {
                throw new InvalidReportParameter("municipality", "is not a known municipality");
            }
            if (!user.canAccess(slug)) {
                throw new AccessRefused("Not your municipality");
            }
            return List.of(slug);
        }
        List<String> visible = catalogue.municipalities().stream().map(Municipality::slug).filter(user::canAccess)
                .sorted().toList();
        if (visible.isEmpty()) {
            throw new AccessRefused("You manage no municipality");
        }
        return visible;
    }

    void requireManager(CurrentUser user) {
        if (!user.isMemberOf(Groups.MANAGER)) {
            throw new AccessRefused("Reports are for managers");
        }
    }
}
