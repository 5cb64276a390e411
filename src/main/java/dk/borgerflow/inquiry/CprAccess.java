package dk.borgerflow.inquiry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One look at a citizen's CPR number through the API: who, when, which inquiry, why. Never changed. */
@Entity
@Table(name = "cpr_access_audit")
public class CprAccess {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "inquiry_id")
    private String inquiryId;
    private String municipality;
    @Column(name = "accessed_by")
    private String accessedBy;
    @Column(name = "accessed_at")
    private Instant accessedAt;
    private String purpose;

    protected CprAccess() {
    }

    CprAccess(String inquiryId, String municipality, String accessedBy, Instant accessedAt, String purpose) {
        this.inquiryId = inquiryId;
        this.municipality = municipality;
        this.accessedBy = accessedBy;
        this.accessedAt = accessedAt;
        this.purpose = purpose;
    }

    public String inquiryId() {
        return inquiryId;
    }

    public String accessedBy() {
        return accessedBy;
    }

    public Instant accessedAt() {
        return accessedAt;
    }

    public String purpose() {
        return purpose;
    }
}
