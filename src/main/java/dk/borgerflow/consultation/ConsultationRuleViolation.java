package dk.borgerflow.consultation;

/**
 * A guarded method refused a change (answer twice, decide before the notat...). The Danish message
 * reaches Tasklist and engine-rest (409, also when thrown inside a listener; {@code web.EngineRestConfig})
 * and our API (409).
 */
public class ConsultationRuleViolation extends org.camunda.bpm.engine.BadUserRequestException {

    public ConsultationRuleViolation(String message) {
        super(message);
    }
}
