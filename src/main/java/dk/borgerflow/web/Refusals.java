package dk.borgerflow.web;

import dk.borgerflow.consultation.ConsultationRuleViolation;
import dk.borgerflow.inquiry.InquiryRuleViolation;

/**
 * Our own refusals: a domain rule refusing a change with a message for the person who asked
 * (Danish), such as {@link InquiryRuleViolation} (a closed inquiry, an elderly citizen guided to
 * self-service) or {@link ConsultationRuleViolation}. Wherever the engine wraps one (a task listener,
 * a delegate), engine-rest, Tasklist's engine API and our API answer 409 with its message. Any other
 * failure inside the engine is not understood and stays a 500 with its log line: only refusals we
 * wrote ourselves are remapped.
 */
final class Refusals {

    private Refusals() {
    }

    static boolean isRefusal(Throwable t) {
        return t instanceof InquiryRuleViolation || t instanceof ConsultationRuleViolation;
    }
}
