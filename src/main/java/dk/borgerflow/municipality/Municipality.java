package dk.borgerflow.municipality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.ZoneId;

/** A municipality (or city district) served by Borgerflow; its slug is the Camunda tenant id. */
@Entity
@Table(name = "municipality")
public class Municipality {

    @Id
    private String slug;
    @Column(nullable = false)
    private String name;
    private int population;
    /** ISO 3166 country code: DK or SE; selects the public-holiday calendar. */
    @Column(nullable = false, length = 2)
    private String country;
    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    protected Municipality() {
    }

    Municipality(String slug, String name, int population, String country, String timeZone) {
        this.slug = slug;
        update(name, population, country, timeZone);
    }

    void update(String name, int population, String country, String timeZone) {
        ZoneId.of(timeZone); // refuses an unknown zone early
        this.name = name;
        this.population = population;
        this.country = country;
        this.timeZone = timeZone;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public int population() {
        return population;
    }

    public String country() {
        return country;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
