package dk.borgerflow.deadline;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClosingDayEntries extends JpaRepository<ClosingDayEntry, Long> {

    List<ClosingDayEntry> findByMunicipalityOrderByClosedOn(String municipality);

    Optional<ClosingDayEntry> findByMunicipalityAndClosedOn(String municipality, String closedOn);
}
