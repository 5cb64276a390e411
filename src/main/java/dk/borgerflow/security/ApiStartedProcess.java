package dk.borgerflow.security;

/**
 * A process whose instances belong to a record of ours and are started only through our API
 * (the inquiry row, the consultation row). Started over engine-rest or Tasklist instead, such an
 * instance would have no row: a citizen lost in the system. Modules declare theirs as beans; the
 * engine guard ({@code EngineClientGuard}) refuses those starts from engine clients, naming
 * {@link #startedThrough}.
 *
 * @param processKey     the BPMN process id
 * @param startedThrough where it is started instead, e.g. {@code POST /api/inquiries}
 */
public record ApiStartedProcess(String processKey, String startedThrough) {
}
