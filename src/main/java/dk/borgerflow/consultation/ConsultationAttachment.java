package dk.borgerflow.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An uploaded PDF: of the proposal ({@code consulteeId} null) or of a consultee's answer. */
@Entity
@Table(name = "consultation_attachment")
public class ConsultationAttachment {

    @Id
    private String id;
    @Column(name = "consultation_id", nullable = false)
    private String consultationId;
    @Column(name = "consultee_id")
    private String consulteeId;
    @Column(nullable = false)
    private String filename;
    @Column(name = "content_type", nullable = false)
    private String contentType;
    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;
    @Column(nullable = false)
    private byte[] content;
    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;
    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected ConsultationAttachment() {
    }

    ConsultationAttachment(String consultationId, String consulteeId, String filename, byte[] content,
            String uploadedBy, Instant uploadedAt) {
        this.id = UUID.randomUUID().toString();
        this.consultationId = consultationId;
        this.consulteeId = consulteeId;
        this.filename = filename;
        this.contentType = "application/pdf";
        this.sizeBytes = content.length;
        this.content = content;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public String id() {
        return id;
    }

    public String consultationId() {
        return consultationId;
    }

    public String consulteeId() {
        return consulteeId;
    }

    public String filename() {
        return filename;
    }

    public String contentType() {
        return contentType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public byte[] content() {
        return content;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }
}
