package dk.borgerflow.selfservice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One self-service solution of the catalogue: national ({@code municipality} null, shared by every
 * municipality of its country) or a municipality's own, which overrides the national ones of its topic.
 * Changed only through {@link #change} and {@link #review}, each recording who and when.
 */
@Entity
@Table(name = "self_service_solution")
class Solution {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Version
    private long version;
    private String municipality;
    private String country;
    private String topic;
    private String language;
    private String title;
    private String url;
    private String description;
    @Column(name = "mitid_required")
    private boolean mitidRequired;
    @Column(name = "without_mitid")
    private String withoutMitid;
    private String keywords;
    @Column(name = "reviewed_at")
    private Instant reviewedAt;
    @Column(name = "reviewed_by")
    private String reviewedBy;
    @Column(name = "changed_at")
    private Instant changedAt;
    @Column(name = "changed_by")
    private String changedBy;

    protected Solution() {
    }

    Solution(String municipality, String country, String topic, String language, SolutionFields fields, String by,
            Instant at) {
        this.municipality = municipality;
        this.country = country;
        this.topic = topic;
        this.language = language;
        change(fields, by, at);
    }

    /** New content; a change is also a review (the editor has just looked at it). */
    void change(SolutionFields fields, String by, Instant at) {
        this.title = fields.title();
        this.url = fields.url();
        this.description = fields.description();
        this.mitidRequired = fields.mitidRequired();
        this.withoutMitid = fields.withoutMitid();
        this.keywords = fields.keywords();
        this.changedAt = at;
        this.changedBy = by;
        review(by, at);
    }

    /** The editor confirms the entry is still right. */
    void review(String by, Instant at) {
        this.reviewedAt = at;
        this.reviewedBy = by;
    }

    SolutionFields fields() {
        return new SolutionFields(title, url, description, mitidRequired, withoutMitid, keywords);
    }

    Long id() {
        return id;
    }

    long version() {
        return version;
    }

    String municipality() {
        return municipality;
    }

    boolean national() {
        return municipality == null;
    }

    String country() {
        return country;
    }

    String topic() {
        return topic;
    }

    String language() {
        return language;
    }

    String title() {
        return title;
    }

    String url() {
        return url;
    }

    String description() {
        return description;
    }

    boolean mitidRequired() {
        return mitidRequired;
    }

    String withoutMitid() {
        return withoutMitid;
    }

    String keywords() {
        return keywords;
    }

    Instant reviewedAt() {
        return reviewedAt;
    }

    String reviewedBy() {
        return reviewedBy;
    }

    Instant changedAt() {
        return changedAt;
    }

    String changedBy() {
        return changedBy;
    }
}
