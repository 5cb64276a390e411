package dk.borgerflow.consultation;

/** A consultee's state. ANSWERED may carry the {@code late} flag. */
public enum ConsulteeStatus {
    /** Role INFORM: informed, nothing to do. */
    INFORMED,
    /** Waiting for the answer (in Tasklist or on the answer page). */
    AWAITING,
    /** Forwarded to a sub-consultee; the consultee answers when the sub-answer is in. */
    FORWARDED,
    ANSWERED,
    /** The svarfrist passed without an answer (a late answer is still accepted until the notat is compiled). */
    NO_ANSWER
}
