package dk.borgerflow.consultation;

import dk.borgerflow.security.StorableText;

/**
 * Refuses text that cannot be stored or rendered ({@link StorableText}: NUL, lone surrogates,
 * noncharacters) where it enters a consultation outside our JSON API, whose strings are checked
 * when read: the answer page, and the Tasklist forms whose values reach the høringsnotat.
 */
final class TextInput {

    private TextInput() {
    }

    /** A 400 naming the field. */
    static void requireStorable(String field, String value) {
        String problem = StorableText.problem(value);
        if (problem != null) {
            throw new InvalidConsultationInput(field, problem);
        }
    }

    /** A form value from Tasklist: refused with a Danish message that Tasklist shows (engine-rest 400). */
    static void requireStorableInTasklist(String label, String value) {
        if (!StorableText.isStorable(value)) {
            throw new ConsultationRuleViolation(label + " indeholder tegn, der ikke kan gemmes (NUL-tegn, ødelagte "
                    + "Unicode-tegn eller ikke-tegn som U+FFFF). Fjern dem, fx ved at skrive teksten igen.");
        }
    }
}
