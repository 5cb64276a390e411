/**
 * Each municipality's self-service catalogue: which digital solutions a citizen can use for a
 * topic (national ones shared, a municipality's own overriding them), edited by the municipality's
 * editors with every change versioned, and searched with Lucene in Danish and Swedish
 * (docs/self-service.md). Uses {@code deadline} for the desk's opening hours.
 * Public API: {@link dk.borgerflow.selfservice.SelfServiceCatalogue},
 * {@link dk.borgerflow.selfservice.SelfServiceSearch}, {@link dk.borgerflow.selfservice.SolutionView}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Self-service catalogue",
        allowedDependencies = {"municipality", "security", "deadline"})
package dk.borgerflow.selfservice;
