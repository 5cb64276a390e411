/**
 * Demo profile only: demo users (password {@code demo}) for every role and municipality.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo",
        allowedDependencies = {"municipality", "security"})
package dk.borgerflow.demo;
