package dk.borgerflow.inquiry;

import dk.borgerflow.security.TasklistFilters;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist filters on deadlines. They select only by date: which tasks a user sees is decided by
 * the engine's authorizations (candidate groups, team lead) and tenant memberships.
 * "Forfalder i dag" counts days on the municipalities' clock ({@code borgerflow.calendars.defaults.zone},
 * Europe/Copenhagen), not the server's, which is often UTC.
 */
@Component
class DeadlineFilters {

    static final String SOON_OVERDUE = "Snart overskredet";
    static final String OVERDUE = "Overskredet";
    static final String DUE_TODAY = "Forfalder i dag";
    static final String ESCALATED = "Eskaleret";

    private final TasklistFilters filters;
    private final ZoneId zone;

    DeadlineFilters(TasklistFilters filters,
            @Value("${borgerflow.calendars.defaults.zone:Europe/Copenhagen}") ZoneId zone) {
        this.filters = filters;
        this.zone = zone;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(3)
    void createDeadlineFilters() {
        filters.ensure(SOON_OVERDUE, "Advarselspunktet er passeret, fristen er endnu ikke overskredet", 0, "#d29922",
                filters.newQuery().followUpBeforeExpression("${now()}").dueAfterExpression("${now()}")
                        .orderByDueDate().asc());
        filters.ensure(OVERDUE, "Fristen for svar til borgeren er overskredet", 1, "#cf222e",
                filters.newQuery().dueBeforeExpression("${now()}").orderByDueDate().asc());
        filters.ensure(DUE_TODAY, "Fristen udløber i dag", 2, "#bf8700",
                filters.newQuery().dueAfterExpression(startOfDay(0)).dueBeforeExpression(startOfDay(1))
                        .orderByDueDate().asc());
        filters.ensure(ESCALATED, "Henvendelser, der er eskaleret efter en overskredet frist", 3, "#8250df",
                filters.newQuery().processVariableValueEquals(ProcessConstants.VAR_ESCALATED, true)
                        .orderByDueDate().asc());
    }

    /** Midnight of today plus {@code days} in the municipalities' zone, as a filter expression (Joda). */
    private String startOfDay(int days) {
        return "${dateTime().withZone(dateTime().getZone().forID('" + zone.getId() + "'))"
                + ".withTimeAtStartOfDay().plusDays(" + days + ").toDate()}";
    }
}
