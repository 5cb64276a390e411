package dk.borgerflow.deadline;

/** The municipality has no calendar because Borgerflow does not serve it. */
public class UnknownMunicipalityException extends IllegalArgumentException {

    public UnknownMunicipalityException(String municipality) {
        super("unknown municipality " + municipality);
    }
}
