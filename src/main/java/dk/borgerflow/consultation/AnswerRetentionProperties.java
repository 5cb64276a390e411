package dk.borgerflow.consultation;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long consultation answers are kept in Borgerflow ({@code borgerflow.retention.consultation-answers};
 * docs/operations.md, "GDPR retention").
 *
 * @param afterDecision answers (text, who signed, the administration's comments) and the PDFs attached to
 *                      them are removed this long after the consultation was decided or cancelled (default 5
 *                      years: the usual period after which Danish municipal case material not kept for the
 *                      archive may be discarded; the høringsnotat is journalised in the municipality's case
 *                      system at the decision, which is the record that stays)
 * @param batchSize     consultations handled per run step (default 100)
 */
@ConfigurationProperties("borgerflow.retention.consultation-answers")
public record AnswerRetentionProperties(Period afterDecision, Integer batchSize) {

    public AnswerRetentionProperties {
        afterDecision = afterDecision == null ? Period.ofYears(5) : afterDecision;
        batchSize = batchSize == null ? 100 : batchSize;
        if (afterDecision.isNegative() || batchSize < 1) {
            throw new IllegalArgumentException(
                    "borgerflow.retention.consultation-answers: after-decision must not be negative, batch-size >= 1");
        }
    }
}
