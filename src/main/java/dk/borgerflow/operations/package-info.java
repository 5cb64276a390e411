/**
 * Running Borgerflow in production: cluster startup lock, job executor health, engine metrics, the
 * engine patches ({@code operations.engine}: the Camunda schema on PostgreSQL managed by Flyway from
 * the engine's own scripts, history without variable copies, the FEEL parse cache, the authorized
 * group lookup by index, concurrent completions as conflicts; each listed with what it relies on in
 * docs/upgrading.md), and the CPR log masker
 * ({@code operations.logging}, referenced from {@code logback-spring.xml}; its rules are
 * {@code security.CprInText}'s). No public API: other
 * modules do not depend on it. See docs/operations.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations",
        allowedDependencies = {"security"})
package dk.borgerflow.operations;
