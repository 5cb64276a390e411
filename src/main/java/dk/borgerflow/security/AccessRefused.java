package dk.borgerflow.security;

/**
 * The user may not do this: another municipality's case, or an act their role does not include.
 * Thrown by the domain modules, answered 403 by {@code web.ProblemResponses}.
 */
public class AccessRefused extends RuntimeException {

    public AccessRefused(String message) {
        super(message);
    }
}
