/**
 * Demo profile only: demo users (password {@code demo}) for every role and municipality, and on an
 * empty demo database a contact center at work ({@code DemoCenterSeed}), made
 * through the public APIs of inquiry, consultation, deadline, selfservice and security as the demo users.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo",
        allowedDependencies = {"consultation", "deadline", "inquiry", "municipality", "security", "selfservice"})
package dk.borgerflow.demo;
