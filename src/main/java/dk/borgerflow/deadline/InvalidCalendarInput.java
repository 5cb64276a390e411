package dk.borgerflow.deadline;

/** Bad input in a named field of a calendar request; nothing was written (400 naming the field). */
public class InvalidCalendarInput extends RuntimeException {

    private final String field;

    InvalidCalendarInput(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault. */
    public String field() {
        return field;
    }
}
