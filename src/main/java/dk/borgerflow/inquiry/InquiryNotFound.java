package dk.borgerflow.inquiry;

/** No inquiry by that id that the user may see (our API: 404). */
public class InquiryNotFound extends RuntimeException {

    InquiryNotFound(String message) {
        super(message);
    }
}
