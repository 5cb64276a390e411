package dk.borgerflow.selfservice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A municipality's own self-service solution for a topic. */
@Entity
@Table(name = "self_service_link")
class SelfServiceLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String municipality;
    private String topic;
    private String url;
    private String title;
    @Column(name = "updated_by")
    private String updatedBy;

    protected SelfServiceLink() {
    }

    SelfServiceLink(String municipality, String topic, String url, String title, String updatedBy) {
        this.municipality = municipality;
        this.topic = topic;
        change(url, title, updatedBy);
    }

    void change(String url, String title, String updatedBy) {
        this.url = url;
        this.title = title;
        this.updatedBy = updatedBy;
    }

    String topic() {
        return topic;
    }

    String url() {
        return url;
    }

    String title() {
        return title;
    }
}
