package dk.borgerflow.consultation;

/**
 * A guarded method refused a change (answer twice, decide before the notat...). The Danish message
 * reaches Tasklist (engine-rest answers 400) and our API (409).
 */
public class ConsultationRuleViolation extends org.camunda.bpm.engine.BadUserRequestException {

    ConsultationRuleViolation(String message) {
        super(message);
    }
}
