package dk.borgerflow.deadline;

import dk.borgerflow.municipality.Tier;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface OpeningHoursOverrides extends JpaRepository<OpeningHoursOverride, Long> {

    List<OpeningHoursOverride> findByMunicipality(String municipality);

    Optional<OpeningHoursOverride> findByMunicipalityAndTier(String municipality, Tier tier);
}
