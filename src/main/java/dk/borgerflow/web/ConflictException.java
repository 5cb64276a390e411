package dk.borgerflow.web;

/** The request clashes with the current state (already claimed, already answered): 409 problem+json. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
