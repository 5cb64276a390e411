package dk.borgerflow.selfservice;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A word citizens type ({@code term}) for what the catalogue says otherwise ({@code means}). */
@Entity
@Table(name = "self_service_synonym")
class Synonym {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String municipality;
    private String term;
    private String means;

    protected Synonym() {
    }

    Synonym(String municipality, String term, String means) {
        this.municipality = municipality;
        this.term = term;
        this.means = means;
    }

    void mean(String means) {
        this.means = means;
    }

    String municipality() {
        return municipality;
    }

    String term() {
        return term;
    }

    String means() {
        return means;
    }
}
