package dk.borgerflow.inquiry;

import dk.borgerflow.municipality.Tier;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a step of the ladder ended with. The first six are the choices of the Tasklist forms (the
 * process' gateways branch on them); the others are recorded by the process itself.
 */
public enum Outcome {
    RESOLVED("Løst"),
    SELF_SERVICE("Guidet til digital selvbetjening"),
    DESK("Overdraget til Borgerservice"),
    SPECIALIST("Overdraget til fagspecialist"),
    CALLBACK("Kræver tilbagering"),
    AWAIT_CITIZEN("Afventer oplysninger fra borgeren"),
    RESOLVED_BY_SELF_SERVICE("Løst ved selvbetjening"),
    FEEDBACK_SENT("Svar sendt til borgeren"),
    CANCELLED("Annulleret");

    private final String danishName;

    Outcome(String danishName) {
        this.danishName = danishName;
    }

    public String danishName() {
        return danishName;
    }

    /** The outcomes a person may choose when finishing a task at this tier. */
    static Set<Outcome> choicesAt(Tier tier) {
        return switch (tier) {
            case CONTACT_CENTER -> EnumSet.of(RESOLVED, SELF_SERVICE, DESK, SPECIALIST, CALLBACK);
            case DESK -> EnumSet.of(RESOLVED, SPECIALIST, AWAIT_CITIZEN);
            // SPECIALIST again: the team lead hands an escalated inquiry back to the department
            case SPECIALIST -> EnumSet.of(RESOLVED, AWAIT_CITIZEN, SPECIALIST);
            case SELF_SERVICE -> EnumSet.noneOf(Outcome.class);
        };
    }

    boolean answersTheCitizen() {
        return this == RESOLVED || this == SELF_SERVICE;
    }
}
