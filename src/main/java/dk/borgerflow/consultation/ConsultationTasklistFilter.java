package dk.borgerflow.consultation;

import dk.borgerflow.security.TasklistFilters;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Tasklist filter "Høringer": consultation tasks of the user's groups, earliest svarfrist first. */
@Component
class ConsultationTasklistFilter {

    private final TasklistFilters filters;

    ConsultationTasklistFilter(TasklistFilters filters) {
        this.filters = filters;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(3)
    void createFilter() {
        filters.ensure("Høringer", "Høringssvar, høringsnotater og beslutninger i mine grupper", 0, "#8250df",
                filters.newQuery().processDefinitionKeyIn(ConsultationConstants.PROCESS_KEY,
                                ConsultationConstants.REPLY_PROCESS_KEY)
                        .taskCandidateGroupInExpression("${currentUserGroups()}").orderByDueDate().asc());
    }
}
