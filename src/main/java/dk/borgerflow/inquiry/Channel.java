package dk.borgerflow.inquiry;

/** How the citizen reached the municipality. */
public enum Channel {
    WEB, PHONE, EMAIL, DESK, VIDEO, LETTER
}
