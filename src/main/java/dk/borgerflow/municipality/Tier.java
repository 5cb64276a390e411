package dk.borgerflow.municipality;

import java.util.Optional;

/**
 * The channel ladder every municipality serves citizens along, lowest first. Opening hours,
 * service levels and escalation are all per tier.
 */
public enum Tier {
    SELF_SERVICE("Digital selvbetjening"),
    CONTACT_CENTER("Kontaktcenter"),
    DESK("Borgerservice"),
    SPECIALIST("Fagspecialist");

    private final String danishName;

    Tier(String danishName) {
        this.danishName = danishName;
    }

    public String danishName() {
        return danishName;
    }

    /** The next tier up the ladder; empty at the top (the specialist escalates to a team lead). */
    public Optional<Tier> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    /** Accepts {@code CONTACT_CENTER}, {@code contact-center} or {@code contact_center}. */
    public static Optional<Tier> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
