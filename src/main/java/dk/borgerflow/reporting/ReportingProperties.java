package dk.borgerflow.reporting;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the reports (application.yml, {@code borgerflow.reporting}).
 *
 * @param pseudonymKey  key of the keyed hash (HMAC-SHA256) that turns a citizen's CPR number, phone or
 *                      e-mail into the read model's {@code citizen_key}
 *                      ({@code BORGERFLOW_REPORTING_PSEUDONYM_KEY}); empty: a random 256-bit key generated
 *                      once per installation and kept in the database ({@link Pseudonyms}); changing it
 *                      breaks repeat detection across the change until the read model is rebuilt
 * @param repeatWindow  a new inquiry of the same citizen about the same topic within this time is a
 *                      repeat contact (and the earlier one no first-contact resolution); a query may
 *                      override it ({@code repeatWindowDays})
 * @param fcrTargetPercent the first-contact-resolution target (Stockholm: 70 %)
 * @param sharedCenter  the member municipalities of the shared contact center (shifts, shares)
 * @param yearlyCost    the shared yearly cost split among the members (kr.)
 * @param resubmitAfter event publications incomplete this long are delivered again (a failed projection)
 */
@ConfigurationProperties("borgerflow.reporting")
public record ReportingProperties(
        String pseudonymKey,
        @DefaultValue("P7D") Duration repeatWindow,
        @DefaultValue("70") int fcrTargetPercent,
        @DefaultValue({"fredensborg", "frederikssund", "furesoe", "egedal", "holbaek", "soroe", "roskilde",
                "naestved", "slagelse"}) List<String> sharedCenter,
        @DefaultValue("76000") long yearlyCost,
        @DefaultValue("PT1M") Duration resubmitAfter) {
}
