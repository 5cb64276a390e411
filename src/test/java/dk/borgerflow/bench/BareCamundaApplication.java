package dk.borgerflow.bench;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The startup twin: a bare Camunda Spring Boot application on the same classpath, with the
 * engine, REST API and webapps of the Camunda starters on the benchmark's database (H2 or
 * PostgreSQL; the engine creates its schema itself), but none of Borgerflow's beans, migrations,
 * security or models.
 * <p>
 * Deliberately not a {@code @SpringBootApplication}/{@code @Configuration}: component scanning of
 * {@code dk.borgerflow} in the test suite must never pick it up.
 */
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
        "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
        "org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration"})
class BareCamundaApplication {
}
