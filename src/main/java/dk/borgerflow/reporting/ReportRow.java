package dk.borgerflow.reporting;

import java.time.Instant;
import java.time.LocalDate;

/** One inquiry of the read model as the KPI computation reads it (no personal data). */
record ReportRow(String municipality, String channel, String topic, Instant receivedAt, LocalDate day, String status,
        String outcome, String firstTier, String tier, boolean resolvedAtFirstTier, Boolean deadlineMet,
        Long handlingSeconds, Long workingSeconds, int warnings, int escalations, boolean digitallyExempt,
        boolean aged75Plus, boolean needsInterpreter, Instant prevContactAt, Instant nextContactAt) {

    /** Answered: resolved or closed with an answer (not cancelled, not open). */
    boolean answered() {
        return !"OPEN".equals(status) && !"CANCELLED".equals(outcome);
    }
}
