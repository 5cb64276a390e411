package dk.borgerflow.consultation;

/** The answer was given already, or the consultation no longer takes answers (our API and the answer page: 410). */
public class ConsultationClosed extends RuntimeException {

    ConsultationClosed(String message) {
        super(message);
    }
}
