package dk.borgerflow.web;

/** The resource existed but is no longer usable (a used answer link, a closed consultation): 410. */
public class GoneException extends RuntimeException {

    public GoneException(String message) {
        super(message);
    }
}
