/**
 * Consultations (høring / remiss) of policy proposals as BPMN: {@code processes/consultation.bpmn}
 * with one {@code consultation-reply} branch per answering consultee (reminder, svarfrist,
 * forwarding to a sub-consultee), the external answer page {@code /hearing/answer/{token}}, and the
 * høringsnotat as HTML and PDF. Public API: its REST API and {@link dk.borgerflow.consultation.ConsultationService}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consultations",
        allowedDependencies = {"deadline", "documents", "municipality", "security"})
package dk.borgerflow.consultation;
