package dk.borgerflow.security;

/**
 * A client of engine-rest or of Tasklist's engine API tried to write what it may not: a variable
 * its task's form does not own, a process variable, the start of a process that belongs to our
 * API, a task's deadline. Nothing was changed. The message (Danish, Tasklist shows it) says what
 * was refused and why; engine-rest and the webapps' engine API answer 400 ({@code web.EngineRestConfig},
 * {@code web.WebappEngineApiConflicts}).
 * <p>
 * Deliberately not a {@code ProcessEngineException}: engine-rest's resources wrap those into a 500
 * ("Cannot complete task ...") before any mapper sees them; this one reaches our mapper unwrapped.
 */
public class ClientWriteRefused extends RuntimeException {

    public ClientWriteRefused(String message) {
        super(message);
    }
}
