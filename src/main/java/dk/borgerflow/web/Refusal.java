package dk.borgerflow.web;

/**
 * A deliberate refusal with a message for the person who asked (Danish): a domain rule (e.g.
 * {@code inquiry.InquiryRuleViolation}) or an input guard. Wherever the engine wraps it (a task
 * listener, a delegate, a command interceptor), engine-rest, Tasklist's engine API and our API answer
 * with {@link #status()} and its message. Any other failure inside the engine is not understood and
 * stays a 500 with its log line: only refusals we wrote ourselves are remapped.
 */
public interface Refusal {

    /** 409 (the change conflicts with the state of the case) unless a refusal says otherwise, e.g. 400. */
    default int status() {
        return 409;
    }

    String getMessage();
}
