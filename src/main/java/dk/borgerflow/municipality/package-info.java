/**
 * Municipalities (the tenants) and the national topic catalogue of inquiry areas.
 * Public API: {@link dk.borgerflow.municipality.MunicipalityCatalogue},
 * {@link dk.borgerflow.municipality.Municipality}, {@link dk.borgerflow.municipality.Topic}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Municipalities and topics",
        allowedDependencies = {})
package dk.borgerflow.municipality;
