package dk.borgerflow.consultation;

/** Where a consultation stands. Answers (also late ones) are accepted while OPEN or COMPILING. */
public enum ConsultationStatus {
    /** Saved, process starting. */
    PREPARED,
    /** Sent: consultees are answering. */
    OPEN,
    /** Every branch is done; the secretariat compiles the høringsnotat; late answers still come in. */
    COMPILING,
    /** The notat is compiled; the deciding committee decides. */
    DECIDING,
    /** Postponed to a new meeting date. */
    POSTPONED,
    APPROVED,
    REJECTED,
    CANCELLED;

    boolean acceptsAnswers() {
        return this == OPEN || this == COMPILING;
    }

    boolean isFinal() {
        return this == APPROVED || this == REJECTED || this == CANCELLED;
    }
}
