package dk.borgerflow.inquiry;

/** The request conflicts with an earlier one, e.g. an idempotency key reused for another request (our API: 409). */
public class InquiryConflict extends RuntimeException {

    InquiryConflict(String message) {
        super(message);
    }
}
