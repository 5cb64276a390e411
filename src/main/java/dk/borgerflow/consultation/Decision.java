package dk.borgerflow.consultation;

/** The deciding committee's decision on the proposal (form field {@code decision}). */
public enum Decision {
    APPROVE, REJECT, POSTPONE
}
