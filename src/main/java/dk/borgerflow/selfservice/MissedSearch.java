package dk.borgerflow.selfservice;

import java.time.Instant;

/** A query searched for in a municipality without a hit, how often, and when last. */
public record MissedSearch(String query, int searches, Instant lastAt) {
}
