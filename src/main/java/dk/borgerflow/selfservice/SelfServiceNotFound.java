package dk.borgerflow.selfservice;

/** No such municipality or own self-service solution (404). */
public class SelfServiceNotFound extends RuntimeException {

    SelfServiceNotFound(String message) {
        super(message);
    }
}
