package dk.borgerflow.consultation;

/** No consultation, consultee, attachment or answer link by that id that the user may see (404). */
public class ConsultationNotFound extends RuntimeException {

    ConsultationNotFound(String message) {
        super(message);
    }
}
