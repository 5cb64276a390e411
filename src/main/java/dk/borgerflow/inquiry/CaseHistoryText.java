package dk.borgerflow.inquiry;

import dk.borgerflow.municipality.Municipality;
import dk.borgerflow.municipality.MunicipalityCatalogue;
import dk.borgerflow.municipality.TaskForms;
import dk.borgerflow.municipality.Tier;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The text of the read-only form field "Forløb" ({@link ProcessConstants#VAR_CASE_HISTORY}): why and when
 * the inquiry last escalated and from which tier, then what was done so far, newest last, in the language
 * of the municipality's forms (Danish, or Swedish for Spånga-Tensta). Made from the inquiry's own history
 * and escalations in our tables (the inquiry found through its process instance), never from a variable;
 * what workers wrote (their notes) is quoted as written. Fits a string variable: the oldest steps give way
 * first.
 */
@Component
class CaseHistoryText {

    /** Camunda's string variables hold 4000 characters. */
    static final int LIMIT = 4000;

    private final MunicipalityCatalogue catalogue;
    private final TaskForms taskForms;

    CaseHistoryText(MunicipalityCatalogue catalogue, TaskForms taskForms) {
        this.catalogue = catalogue;
        this.taskForms = taskForms;
    }

    String of(Inquiry inquiry) {
        Words words = "-sv".equals(taskForms.suffixFor(inquiry.municipality())) ? Words.SWEDISH : Words.DANISH;
        ZoneId zone = catalogue.municipality(inquiry.municipality()).map(Municipality::zone)
                .orElse(ZoneId.of("Europe/Copenhagen"));
        DateTimeFormatter when = DateTimeFormatter.ofPattern(words.dateTime, words.locale).withZone(zone);

        String header = null;
        if (!inquiry.escalations().isEmpty()) {
            Escalation last = inquiry.escalations().get(inquiry.escalations().size() - 1);
            String to = Escalation.TEAM_LEAD.equals(last.toTier()) ? words.teamLead
                    : Tier.parse(last.toTier()).map(words::tier).orElse(last.toTier());
            header = words.escalated.formatted(when.format(last.at()), words.tier(last.fromTier()), to,
                    words.tier(last.fromTier()));
            if (inquiry.escalations().size() > 1) {
                header += " " + words.escalatedBefore.formatted(inquiry.escalations().size() - 1);
            }
        }
        List<String> steps = new ArrayList<>();
        for (HistoryEntry entry : inquiry.history()) {
            steps.add("• " + when.format(entry.at()) + ", " + place(entry, words) + " (" + who(entry, words) + "): "
                    + what(entry, words));
        }
        return fit(header, words.soFar, steps);
    }

    private static String place(HistoryEntry entry, Words words) {
        if (entry.fromTier() != null && entry.toTier() != null && entry.fromTier() != entry.toTier()) {
            return words.tier(entry.fromTier()) + " → " + words.tier(entry.toTier());
        }
        Tier tier = entry.toTier() != null ? entry.toTier() : entry.fromTier();
        return tier == null ? "" : words.tier(tier);
    }

    private static String who(HistoryEntry entry, Words words) {
        return Inquiry.SYSTEM.equals(entry.actor()) || entry.actor() == null ? words.system : entry.actor();
    }

    /** The outcome in the form's language; a worker's note as written; the process' own steps in words. */
    private static String what(HistoryEntry entry, Words words) {
        String reason = entry.reason() == null ? "" : entry.reason().strip();
        boolean byWorker = entry.actor() != null && !Inquiry.SYSTEM.equals(entry.actor());
        if (entry.outcome() != null) {
            String outcome = words.outcome(entry.outcome());
            if (entry.outcome() == Outcome.FEEDBACK_SENT) {
                return outcome;
            }
            return byWorker && !reason.isEmpty() ? outcome + ": \"" + reason + "\"" : outcome;
        }
        if (byWorker) {
            return reason.isEmpty() ? words.step : "\"" + reason + "\"";
        }
        for (Map.Entry<String, String> known : words.systemSteps.entrySet()) {
            if (reason.startsWith(known.getKey())) {
                return known.getValue();
            }
        }
        return entry.fromTier() == null ? words.received : words.step;
    }

    /** The header, then as many of the newest steps as fit in {@link #LIMIT}, oldest first. */
    private static String fit(String header, String soFar, List<String> steps) {
        StringBuilder prefix = new StringBuilder();
        if (header != null) {
            prefix.append(header).append("\n\n");
        }
        prefix.append(soFar).append('\n');
        List<String> kept = new ArrayList<>();
        int length = prefix.length() + 2;
        for (int i = steps.size() - 1; i >= 0; i--) {
            String step = steps.get(i).length() > 1000 ? steps.get(i).substring(0, 999) + "…" : steps.get(i);
            if (length + step.length() + 1 > LIMIT) {
                kept.add(0, "• …");
                break;
            }
            kept.add(0, step);
            length += step.length() + 1;
        }
        return prefix + String.join("\n", kept);
    }

    private record Words(Locale locale, String dateTime, String escalated, String escalatedBefore, String soFar,
            String teamLead, String system, String received, String step, Map<Tier, String> tiers,
            Map<Outcome, String> outcomes, Map<String, String> systemSteps) {

        String tier(Tier tier) {
            return tiers.getOrDefault(tier, tier.name());
        }

        String outcome(Outcome outcome) {
            return outcomes.getOrDefault(outcome, outcome.name());
        }

        static final Words DANISH = new Words(Locale.forLanguageTag("da-DK"), "d. MMM yyyy 'kl.' HH:mm",
                "Eskaleret %s fra %s til %s: fristen for svar ved %s blev overskredet.",
                "(Eskaleret %d gang(e) før.)", "Forløbet indtil nu:", "teamleder", "systemet",
                "Modtaget", "Trin registreret",
                Map.of(Tier.SELF_SERVICE, "Digital selvbetjening", Tier.CONTACT_CENTER, "Kontaktcenter",
                        Tier.DESK, "Borgerservice", Tier.SPECIALIST, "Fagspecialist"),
                outcomeNames(),
                Map.of("Routet af routing.dmn", "Modtaget og fordelt (routing.dmn)",
                        "Advarsel", "Advarsel: fristen for svar nærmer sig; teamlederen er gjort opmærksom",
                        "Eskaleret", "Eskaleret: fristen for svar blev overskredet",
                        "Borgeren har svaret", "Borgeren har svaret; fristen løber igen",
                        "Borgeren har ikke svaret", "Borgeren svarede ikke inden for ventetiden; fristen løber igen",
                        "Borgeren er guidet", "Guidet til digital selvbetjening"));

        static final Words SWEDISH = new Words(Locale.forLanguageTag("sv-SE"), "d MMM yyyy 'kl.' HH:mm",
                "Eskalerat %s från %s till %s: tidsfristen för svar hos %s passerades.",
                "(Eskalerat %d gång(er) tidigare.)", "Förloppet hittills:", "teamledare", "systemet",
                "Mottaget", "Steg registrerat",
                Map.of(Tier.SELF_SERVICE, "E-tjänst", Tier.CONTACT_CENTER, "Kontaktcenter",
                        Tier.DESK, "Medborgarkontor", Tier.SPECIALIST, "Handläggare"),
                Map.of(Outcome.RESOLVED, "Löst", Outcome.SELF_SERVICE, "Hänvisat till e-tjänst",
                        Outcome.DESK, "Överlämnat till medborgarkontoret", Outcome.SPECIALIST,
                        "Överlämnat till handläggare", Outcome.CALLBACK, "Kräver återuppringning",
                        Outcome.AWAIT_CITIZEN, "Väntar på uppgifter från invånaren",
                        Outcome.RESOLVED_BY_SELF_SERVICE, "Löst via e-tjänst", Outcome.FEEDBACK_SENT,
                        "Svar skickat till invånaren", Outcome.CANCELLED, "Avbrutet"),
                Map.of("Routet af routing.dmn", "Mottaget och fördelat (routing.dmn)",
                        "Advarsel", "Varning: tidsfristen för svar närmar sig; teamledaren har uppmärksammats",
                        "Eskaleret", "Eskalerat: tidsfristen för svar passerades",
                        "Borgeren har svaret", "Invånaren har svarat; tidsfristen löper igen",
                        "Borgeren har ikke svaret", "Invånaren svarade inte inom väntetiden; tidsfristen löper igen",
                        "Borgeren er guidet", "Hänvisat till e-tjänst"));

        private static Map<Outcome, String> outcomeNames() {
            Map<Outcome, String> names = new java.util.EnumMap<>(Outcome.class);
            for (Outcome o : Outcome.values()) {
                names.put(o, o.danishName());
            }
            return names;
        }
    }
}
