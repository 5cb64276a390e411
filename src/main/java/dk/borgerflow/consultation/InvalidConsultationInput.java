package dk.borgerflow.consultation;

/** Bad input in a named field of a consultation request or answer; nothing was written (400 naming the field). */
public class InvalidConsultationInput extends RuntimeException {

    private final String field;

    InvalidConsultationInput(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault, e.g. {@code citizen.cpr}. */
    public String field() {
        return field;
    }
}
