package dk.borgerflow.inquiry;

/**
 * OPEN: someone owes the citizen an answer. RESOLVED: answered, the process still waits (the
 * citizen may come back from self-service). CLOSED: the process has ended.
 */
public enum InquiryStatus {
    OPEN, RESOLVED, CLOSED
}
