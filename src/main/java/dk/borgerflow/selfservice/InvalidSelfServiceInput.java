package dk.borgerflow.selfservice;

/** Bad input in a named field of a self-service request; nothing was written (400 naming the field). */
public class InvalidSelfServiceInput extends RuntimeException {

    private final String field;

    InvalidSelfServiceInput(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault. */
    public String field() {
        return field;
    }
}
