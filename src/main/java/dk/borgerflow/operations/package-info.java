/**
 * Running Borgerflow in production: the Camunda schema on PostgreSQL managed by Flyway from the
 * engine's own scripts, start-up checks (isolation level), and the CPR log masker
 * ({@code operations.logging}, referenced from {@code logback-spring.xml}; its rules are
 * {@code security.CprInText}'s). No public API: other
 * modules do not depend on it. See docs/operations.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations",
        allowedDependencies = {"security"})
package dk.borgerflow.operations;
