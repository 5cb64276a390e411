package dk.borgerflow.deadline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadline settings ({@code borgerflow.deadlines}).
 *
 * @param serviceLevelCacheTtl how long an answer of the service-level decision is reused for the same
 *                             tier and topic (a new DMN version applies within this time); zero disables
 */
@ConfigurationProperties("borgerflow.deadlines")
public record DeadlineProperties(Duration serviceLevelCacheTtl) {

    public DeadlineProperties {
        serviceLevelCacheTtl = serviceLevelCacheTtl == null ? Duration.ofMinutes(1) : serviceLevelCacheTtl;
    }
}
