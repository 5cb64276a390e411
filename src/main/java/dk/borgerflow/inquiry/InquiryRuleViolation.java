package dk.borgerflow.inquiry;

/**
 * A guarded method of {@link Inquiry} refused a change. The Danish message reaches the agent in
 * Tasklist (engine-rest answers 409, see {@code web.EngineRestConfig}) and our API (409).
 */
public class InquiryRuleViolation extends org.camunda.bpm.engine.BadUserRequestException {

    public InquiryRuleViolation(String message) {
        super(message);
    }
}
