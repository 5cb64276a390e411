package dk.borgerflow.consultation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ConsultationRepository extends JpaRepository<Consultation, String> {

    @EntityGraph(attributePaths = "consultees")
    Optional<Consultation> findWithConsulteesById(String id);

    @EntityGraph(attributePaths = "consultees")
    Optional<Consultation> findWithConsulteesByProcessInstanceId(String processInstanceId);

    @Query("select c from Consultation c where (:all = true or c.municipality in :municipalities) "
            + "and (:municipality is null or c.municipality = :municipality) order by c.createdAt desc")
    List<Consultation> search(boolean all, Collection<String> municipalities, String municipality);
}

interface ConsulteeRepository extends JpaRepository<Consultee, String> {

    Optional<Consultee> findByTokenHash(String tokenHash);

    Optional<Consultee> findByBranchProcessId(String branchProcessId);
}

interface ConsultationAttachmentRepository extends JpaRepository<ConsultationAttachment, String> {

    @Query("select new dk.borgerflow.consultation.AttachmentInfo(a.id, a.consulteeId, a.filename, a.sizeBytes, "
            + "a.uploadedBy, a.uploadedAt) from ConsultationAttachment a where a.consultationId = ?1 "
            + "order by a.uploadedAt, a.id")
    List<AttachmentInfo> infos(String consultationId);

    Optional<ConsultationAttachment> findByIdAndConsultationId(String id, String consultationId);
}

interface ConsultationAuditRepository extends JpaRepository<ConsultationAuditEntry, Long> {

    List<ConsultationAuditEntry> findByConsultationIdOrderByOccurredAtAscIdAsc(String consultationId);
}
