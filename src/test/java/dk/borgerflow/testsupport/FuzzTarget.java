package dk.borgerflow.testsupport;

import java.util.Map;

/**
 * One write endpoint to fuzz with hostile input ({@link HostileRequests}, {@link HostileInputHarness}):
 * where it is, who calls it, a valid body the mutations start from, and the SQL counts that must not
 * change when a request is rejected (and grow by one per created resource). A new endpoint is one
 * more constant, e.g.
 *
 * <pre>{@code
 * static final FuzzTarget CONSULTATIONS = new FuzzTarget("POST /api/consultations", "/api/consultations",
 *         "secretariat-slagelse", A_VALID_CONSULTATION,
 *         Map.of("consultation rows", "select count(*) from consultation",
 *                 "process instances", FuzzTarget.PROCESS_INSTANCES_EVER_STARTED));
 * }</pre>
 *
 * @param name what the reports call it
 * @param path the path to POST to
 * @param user a demo user allowed to write there (password {@code demo})
 * @param validBody a well-formed, accepted JSON body; most hostile bodies are mutations of it
 * @param counts name → {@code select count(*) ...}: each must stay put when the request is
 *     refused (4xx) and may grow by at most one when it is accepted
 */
public record FuzzTarget(String name, String path, String user, String validBody, Map<String, String> counts) {

    /** Every process instance ever started, also those that ended at once (history level full). */
    public static final String PROCESS_INSTANCES_EVER_STARTED = "select count(*) from act_hi_procinst";
}
