package dk.borgerflow.municipality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An inquiry area of the national catalogue (Danish name, owning department, self-service link). */
@Entity
@Table(name = "topic")
public class Topic {

    @Id
    private String slug;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String department;
    /** The national self-service solution, if citizens can do this themselves. */
    @Column(name = "self_service_url")
    private String selfServiceUrl;

    protected Topic() {
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public String department() {
        return department;
    }

    public String selfServiceUrl() {
        return selfServiceUrl;
    }
}
