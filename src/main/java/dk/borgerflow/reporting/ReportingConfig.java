package dk.borgerflow.reporting;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * {@code @ApplicationModuleListener}s run after the commit on Spring Boot's own task executor
 * ({@code spring.task.execution}, left as it is): the projection is idempotent and commutative, so
 * it needs no ordering and no executor of its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class ReportingConfig {
}
