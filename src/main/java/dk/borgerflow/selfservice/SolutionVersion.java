package dk.borgerflow.selfservice;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One entry of a solution's history: what was done, by whom, when, and its fields afterwards. */
public record SolutionVersion(String action, String by, Instant at, JsonNode fields) {
}
