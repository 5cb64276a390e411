package dk.borgerflow.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Engine state for Prometheus ({@code /actuator/prometheus}), read from the shared database at each
 * scrape, so every node reports the cluster-wide numbers: open tasks, open incidents, jobs that
 * failed with no retries left, and due jobs waiting for a job executor (a growing backlog means the
 * job executors do not keep up or are down).
 */
@Component
class EngineMetrics implements MeterBinder {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;

    EngineMetrics(TaskService tasks, RuntimeService runtime, ManagementService management) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("borgerflow.tasks.open", () -> tasks.createTaskQuery().count())
                .description("Open user tasks (all municipalities)").register(registry);
        Gauge.builder("borgerflow.incidents.open", () -> runtime.createIncidentQuery().count())
                .description("Open incidents, visible in Cockpit").register(registry);
        Gauge.builder("borgerflow.jobs.failed", () -> management.createJobQuery().noRetriesLeft().count())
                .description("Jobs that failed and have no retries left").register(registry);
        Gauge.builder("borgerflow.jobs.due", () -> management.createJobQuery().executable().count())
                .description("Jobs due now and not yet executed (job executor backlog)").register(registry);
    }
}
