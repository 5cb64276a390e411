/**
 * Cross-cutting web concerns: RFC 9457 problem+json for every error, request size limits.
 * Other modules throw {@link dk.borgerflow.web.InvalidInputException},
 * {@link dk.borgerflow.web.NotFoundException} or {@link dk.borgerflow.web.ConflictException}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package dk.borgerflow.web;
