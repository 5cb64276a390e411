/**
 * Each municipality's self-service catalogue: which digital solution a citizen is guided to for a
 * topic. A municipality's own link overrides the national one (borger.dk) of the topic catalogue.
 * Public API: {@link dk.borgerflow.selfservice.SelfServiceCatalogue}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Self-service catalogue",
        allowedDependencies = {"municipality", "security"})
package dk.borgerflow.selfservice;
