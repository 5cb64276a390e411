package dk.borgerflow.consultation;

/** The change conflicts with the consultation's state, e.g. a comment after the notat is compiled (409). */
public class ConsultationConflict extends RuntimeException {

    ConsultationConflict(String message) {
        super(message);
    }
}
