package dk.borgerflow.inquiry;

import dk.borgerflow.municipality.Tier;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InquiryRepository extends JpaRepository<Inquiry, String> {

    Optional<Inquiry> findByCreatedByAndIdempotencyKey(String createdBy, String idempotencyKey);

    Optional<Inquiry> findByProcessInstanceId(String processInstanceId);

    @Query("""
            select i from Inquiry i
            where (:allMunicipalities = true or i.municipality in :municipalities)
              and (:municipality is null or i.municipality = :municipality)
              and (:status is null or i.status = :status)
              and (:tier is null or i.tier = :tier)
            """)
    Page<Inquiry> search(@Param("allMunicipalities") boolean allMunicipalities,
            @Param("municipalities") Collection<String> municipalities, @Param("municipality") String municipality,
            @Param("status") InquiryStatus status, @Param("tier") Tier tier, Pageable pageable);

    @Query("select i.id from Inquiry i where i.id > :afterId order by i.id")
    java.util.List<String> idsAfter(@Param("afterId") String afterId, Pageable pageable);

    @EntityGraph(attributePaths = "history")
    Optional<Inquiry> findWithHistoryById(String id);
}
