package dk.borgerflow.inquiry;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CprAccessRepository extends JpaRepository<CprAccess, Long> {

    List<CprAccess> findByInquiryIdOrderByAccessedAtAsc(String inquiryId);
}
