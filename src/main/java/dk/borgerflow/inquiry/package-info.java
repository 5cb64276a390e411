/**
 * Citizen inquiries: intake over the API, routing in DMN, and the BPMN process that climbs the
 * channel ladder (self-service, contact center, desk, specialist) in Camunda Tasklist.
 * Public API: {@link dk.borgerflow.inquiry.InquiryService} and the types it returns.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inquiries",
        allowedDependencies = {"deadline", "municipality", "security", "selfservice"})
package dk.borgerflow.inquiry;
