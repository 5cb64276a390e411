package dk.borgerflow.inquiry;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the citizen's CPR number and the audit of who read it are kept
 * ({@code borgerflow.retention.cpr}; docs/operations.md, "GDPR retention").
 *
 * @param afterClose  the CPR number (and the request fingerprint derived from it) is removed from an inquiry
 *                    this long after it closed (default 30 days: the four-week complaint period and follow-up
 *                    questions about the same case; afterwards a new inquiry asks the citizen again)
 * @param accessAudit who read a CPR number, when and why is kept this long after the read (default 2 years:
 *                    the annual security audit of the period and the next one can still review every read,
 *                    and a citizen asking who looked them up gets an answer; the former Danish security order
 *                    asked for at least six months)
 * @param batchSize   rows changed per transaction (default 500): short locks on large tables
 */
@ConfigurationProperties("borgerflow.retention.cpr")
public record CprRetentionProperties(Period afterClose, Period accessAudit, Integer batchSize) {

    public CprRetentionProperties {
        afterClose = afterClose == null ? Period.ofDays(30) : afterClose;
        accessAudit = accessAudit == null ? Period.ofYears(2) : accessAudit;
        batchSize = batchSize == null ? 500 : batchSize;
        if (afterClose.isNegative() || accessAudit.isNegative() || batchSize < 1) {
            throw new IllegalArgumentException("borgerflow.retention.cpr: periods must not be negative, batch-size >= 1");
        }
    }
}
