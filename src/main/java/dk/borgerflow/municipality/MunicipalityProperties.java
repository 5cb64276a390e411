package dk.borgerflow.municipality;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The municipalities this installation serves ({@code borgerflow.municipalities}). Synchronised
 * into the database and into Camunda tenants at startup; the demo profile lists the nine Zealand
 * municipalities of the shared contact center plus Stockholm's Spånga-Tensta district.
 */
@Validated
@ConfigurationProperties("borgerflow")
record MunicipalityProperties(@Valid List<Entry> municipalities) {

    MunicipalityProperties {
        municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
    }

    record Entry(@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,62}") String slug, @NotBlank String name,
            int population, @Pattern(regexp = "DK|SE") String country, String timeZone) {

        String countryOrDefault() {
            return country == null ? "DK" : country;
        }

        String timeZoneOrDefault() {
            return timeZone != null ? timeZone : "SE".equals(country) ? "Europe/Stockholm" : "Europe/Copenhagen";
        }
    }
}
