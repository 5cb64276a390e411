package dk.borgerflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * Shared Tasklist filters, readable by every user (tenant checks still apply). Other modules add
 * theirs through {@link #ensure}; a filter is matched by name, so restarts create no duplicates.
 */
@Service
public class TasklistFilters {

    /** Task variables shown in the Tasklist list for every inquiry task. */
    public static final List<Map<String, String>> INQUIRY_VARIABLES = List.of(
            Map.of("name", "municipalityName", "label", "Kommune"),
            Map.of("name", "topicName", "label", "Emne"),
            Map.of("name", "summary", "label", "Henvendelse"));

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    public TaskQuery newQuery() {
        return tasks.createTaskQuery();
    }

    /** Creates the filter if none has this name; answers its id. */
    public String ensure(String name, String description, int priority, String color, TaskQuery query) {
        Filter existing = filters.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            return existing.getId();
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("refresh", true);
        properties.put("variables", INQUIRY_VARIABLES);
        Filter filter = filters.newTaskFilter(name).setOwner(null).setQuery(query).setProperties(properties);
        filters.saveFilter(filter);
        var auth = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
        auth.setUserId(ANY);
        auth.setResource(Resources.FILTER);
        auth.setResourceId(filter.getId());
        auth.addPermission(Permissions.READ);
        authorizations.saveAuthorization(auth);
        return filter.getId();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    void createBasicFilters() {
        ensure("Mine opgaver", "Opgaver tildelt mig", -10, "#1f6feb",
                newQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
        ensure("Min gruppes opgaver", "Uløste opgaver i mine grupper", -5, "#2da44e",
                newQuery().taskCandidateGroupInExpression("${currentUserGroups()}").orderByDueDate().asc());
    }
}
