package dk.borgerflow.municipality;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The language of a task's form, for the models' form references:
 * {@code camunda:formRef="form-handle-at-desk${taskForms.suffix(execution)}"} opens
 * {@code form-handle-at-desk-sv} for the tasks of a Swedish municipality (country SE) and
 * {@code form-handle-at-desk} for the Danish ones. The engine evaluates the reference whenever a form
 * is asked for (Tasklist's {@code /task/{id}/form} and {@code /deployed-form}, the engine guard), with
 * the task's execution, so the tenant of the instance decides. A municipality's country is reused for
 * a minute: Tasklist asks for the form key of every task it lists.
 */
@Component("taskForms")
public class TaskForms {

    static final String SWEDISH = "-sv";

    private final MunicipalityCatalogue catalogue;
    private final Cache<String, String> suffixes = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(1_000).build();

    TaskForms(MunicipalityCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** {@code "-sv"} when the instance's tenant is a municipality of Sweden, else {@code ""} (Danish). */
    public String suffix(DelegateExecution execution) {
        String tenant = execution == null ? null : execution.getTenantId();
        if (tenant == null) {
            return "";
        }
        return suffixes.get(tenant, t -> catalogue.municipality(t).map(Municipality::country)
                .filter("SE"::equalsIgnoreCase).map(c -> SWEDISH).orElse(""));
    }
}
