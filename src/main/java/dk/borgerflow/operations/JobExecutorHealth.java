package dk.borgerflow.operations;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Actuator health component {@code jobExecutor} (replaces the starter's, which exists only while a
 * job executor bean exists): DOWN when the job executor is configured on but not running, e.g. it
 * died or the node was started wrongly, so timers and escalations would silently stop on this node.
 * UP with {@code enabled=false} where it is switched off on purpose (tests). Jobs that ran out of
 * retries (incidents, visible in Cockpit) are reported as a detail, not as DOWN: they are cases to
 * handle, not a broken node.
 */
@Component("jobExecutorHealthIndicator")
class JobExecutorHealth extends AbstractHealthIndicator {

    private final ProcessEngineConfigurationImpl engine;
    private final ManagementService management;
    private final boolean enabled;

    JobExecutorHealth(ProcessEngineConfigurationImpl engine, ManagementService management,
            @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
        super("Job executor health check failed");
        this.engine = engine;
        this.management = management;
        this.enabled = enabled;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        JobExecutor executor = engine.getJobExecutor();
        boolean active = executor != null && executor.isActive();
        builder.withDetail("enabled", enabled).withDetail("active", active);
        if (executor != null) {
            builder.withDetail("lockOwner", executor.getLockOwner())
                    .withDetail("maxJobsPerAcquisition", executor.getMaxJobsPerAcquisition());
        }
        builder.withDetail("jobsWithoutRetries", management.createJobQuery().noRetriesLeft().count());
        if (enabled && !active) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
