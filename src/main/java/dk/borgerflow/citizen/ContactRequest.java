package dk.borgerflow.citizen;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A help request made on the contact page: the hash of its reference and the inquiry it created. */
@Entity
@Table(name = "contact_request")
class ContactRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "reference_hash")
    private String referenceHash;
    @Column(name = "inquiry_id")
    private String inquiryId;
    private String municipality;
    private String language;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ContactRequest() {
    }

    ContactRequest(String referenceHash, String inquiryId, String municipality, String language, Instant createdAt) {
        this.referenceHash = referenceHash;
        this.inquiryId = inquiryId;
        this.municipality = municipality;
        this.language = language;
        this.createdAt = createdAt;
    }

    String inquiryId() {
        return inquiryId;
    }

    String municipality() {
        return municipality;
    }

    String language() {
        return language;
    }
}

interface ContactRequestRepository extends org.springframework.data.jpa.repository.JpaRepository<ContactRequest, Long> {

    java.util.Optional<ContactRequest> findByReferenceHash(String referenceHash);

    java.util.Optional<ContactRequest> findByInquiryId(String inquiryId);

    long countByMunicipalityAndCreatedAtAfter(String municipality, Instant after);
}
