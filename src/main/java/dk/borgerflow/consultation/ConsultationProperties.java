package dk.borgerflow.consultation;

import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Consultation settings ({@code borgerflow.consultation}).
 *
 * @param reminderWorkingDays the reminder goes out this many working days before the svarfrist (default 3)
 * @param reminderTime        at this local time of the municipality (default 09:00)
 * @param publicBaseUrl       base of the external answer links (e.g. https://borgerflow.kommune.dk); empty: the
 *                            address the creating request came in on
 */
@ConfigurationProperties("borgerflow.consultation")
public record ConsultationProperties(Integer reminderWorkingDays, LocalTime reminderTime, String publicBaseUrl) {

    public ConsultationProperties {
        reminderWorkingDays = reminderWorkingDays == null ? 3 : reminderWorkingDays;
        reminderTime = reminderTime == null ? LocalTime.of(9, 0) : reminderTime;
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null
                : publicBaseUrl.replaceAll("/+$", "");
    }
}
