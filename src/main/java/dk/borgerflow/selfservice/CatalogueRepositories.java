package dk.borgerflow.selfservice;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SolutionRepository extends JpaRepository<Solution, Long> {

    List<Solution> findByMunicipalityOrderById(String municipality);

    List<Solution> findByMunicipalityAndTopicOrderById(String municipality, String topic);

    Optional<Solution> findByMunicipalityAndTopicAndUrl(String municipality, String topic, String url);
}

interface SolutionChangeRepository extends JpaRepository<SolutionChange, Long> {

    List<SolutionChange> findBySolutionIdOrderByChangedAtAscIdAsc(Long solutionId);
}

interface SynonymRepository extends JpaRepository<Synonym, Long> {

    Optional<Synonym> findByMunicipalityAndTerm(String municipality, String term);

    List<Synonym> findByMunicipalityOrderByTerm(String municipality);
}
