package dk.borgerflow.municipality;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The language of a task's form, for the models' form references:
 * {@code camunda:formRef="form-handle-at-desk${taskForms.suffix(task)}"} opens
 * {@code form-handle-at-desk-sv} for the tasks of a Swedish municipality (country SE) and
 * {@code form-handle-at-desk} for the Danish ones. The engine evaluates the reference whenever a form
 * is asked for (Tasklist's {@code /task/{id}/form} and {@code /deployed-form}, task queries with form
 * keys, the engine guard), with the task itself, so the tenant of its instance decides; tasks of
 * instances started before the reference had the suffix keep the form of their own version.
 * <p>
 * The task, not {@code execution}: resolving {@code execution} in a form reference loads the task's
 * execution into every task a query returns, and engine-rest's {@code PUT /task/{id}} then saves that
 * detached copy, whose history listener fails for a task inside a subprocess (ENGINE-03051, NPE in
 * {@code PvmExecutionImpl.getNonEventScopeExecutions}).
 * <p>
 * A municipality's country is reused for a minute: Tasklist asks for the form key of every task it lists.
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

    /** {@code "-sv"} when the task's tenant is a municipality of Sweden, else {@code ""} (Danish). */
    public String suffix(DelegateTask task) {
        return suffixFor(task == null ? null : task.getTenantId());
    }

    /**
     * The language a worker of these municipalities works in (Tasklist and forms): {@code "sv"} when all
     * are Swedish, {@code "da"} when all are Danish, empty for none or a mix (admin, process owners,
     * managers), who then get the browser's choice.
     */
    public Optional<String> languageOf(Collection<String> tenants) {
        if (tenants == null || tenants.isEmpty()) {
            return Optional.empty();
        }
        long swedish = tenants.stream().filter(t -> SWEDISH.equals(suffixFor(t))).count();
        if (swedish == tenants.size()) {
            return Optional.of("sv");
        }
        return swedish == 0 ? Optional.of("da") : Optional.empty();
    }

    /** {@code "-sv"} for a municipality of Sweden, else {@code ""} (Danish, and tasks without tenant). */
    public String suffixFor(String tenant) {
        if (tenant == null) {
            return "";
        }
        return suffixes.get(tenant, t -> catalogue.municipality(t).map(Municipality::country)
                .filter("SE"::equalsIgnoreCase).map(c -> SWEDISH).orElse(""));
    }
}
