package dk.borgerflow.inquiry;

/** Bad input in a named field of an inquiry request; nothing was written (our API: 400 naming the field). */
public class InvalidInquiryInput extends RuntimeException {

    private final String field;

    InvalidInquiryInput(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault, e.g. {@code citizen.cpr}. */
    public String field() {
        return field;
    }
}
