/**
 * The citizens' own way in: the public contact page {@code /kontakt} (no login). A citizen chooses
 * the municipality and topic or types the question, sees the self-service solution first, and can
 * ask for help: that creates a {@code WEB} inquiry (through the inquiry module's public API) that
 * routing sends to a person, and answers with an unguessable reference, the promised feedback time
 * in working time, and a status page without personal data. Guarded by {@link dk.borgerflow.citizen.ContactPageGate}
 * (rate limit per client, size limit) and capped per municipality and hour; docs/self-service.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Citizen contact page",
        allowedDependencies = {"inquiry", "selfservice", "municipality", "security"})
package dk.borgerflow.citizen;
