package dk.borgerflow.selfservice;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SelfServiceLinkRepository extends JpaRepository<SelfServiceLink, Long> {

    Optional<SelfServiceLink> findByMunicipalityAndTopic(String municipality, String topic);

    List<SelfServiceLink> findByMunicipality(String municipality);
}
