/**
 * Authentication and authorization: HTTP Basic against Camunda's identity service for our API and
 * engine-rest, the role groups with their Camunda authorizations, tenant (municipality) scoping, and
 * the model guard: what a deployed model may contain and which beans its expressions reach
 * ({@code ModelGuardPlugin}).
 * Public API: {@link dk.borgerflow.security.CurrentUser}, {@link dk.borgerflow.security.Groups},
 * {@link dk.borgerflow.security.CprInText} (CPR numbers in free text: detector and masking rules).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security",
        allowedDependencies = {})
package dk.borgerflow.security;
