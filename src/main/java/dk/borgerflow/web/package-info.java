/**
 * Cross-cutting web concerns: RFC 9457 problem+json for every error, request size limits.
 * The top floor: it translates the other modules' own exceptions (e.g.
 * {@code inquiry.InvalidInquiryInput}, {@code consultation.ConsultationClosed},
 * {@code security.AccessRefused}) into problem+json and engine-rest answers; no module below depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web",
        allowedDependencies = {"consultation", "deadline", "inquiry", "municipality", "reporting", "security",
                "selfservice"})
package dk.borgerflow.web;
