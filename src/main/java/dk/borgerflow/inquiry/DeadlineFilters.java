package dk.borgerflow.inquiry;

import dk.borgerflow.security.TasklistFilters;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist filters on deadlines. They select only by date: which tasks a user sees is decided by
 * the engine's authorizations (candidate groups, team lead) and tenant memberships.
 * "Forfalder i dag" uses the server's time zone for the day boundaries.
 */
@Component
class DeadlineFilters {

    static final String SOON_OVERDUE = "Snart overskredet";
    static final String OVERDUE = "Overskredet";
    static final String DUE_TODAY = "Forfalder i dag";
    static final String ESCALATED = "Eskaleret";

    private final TasklistFilters filters;

    DeadlineFilters(TasklistFilters filters) {
        this.filters = filters;
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
                filters.newQuery().dueAfterExpression("${dateTime().withTimeAtStartOfDay().toDate()}")
                        .dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}")
                        .orderByDueDate().asc());
        filters.ensure(ESCALATED, "Henvendelser, der er eskaleret efter en overskredet frist", 3, "#8250df",
                filters.newQuery().processVariableValueEquals(ProcessConstants.VAR_ESCALATED, true)
                        .orderByDueDate().asc());
    }
}
