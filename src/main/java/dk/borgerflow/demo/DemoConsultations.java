package dk.borgerflow.demo;

import dk.borgerflow.consultation.Consultation;
import dk.borgerflow.consultation.ConsultationRequest;
import dk.borgerflow.consultation.ConsultationService;
import dk.borgerflow.consultation.Consultee;
import dk.borgerflow.consultation.ConsulteeRole;
import dk.borgerflow.deadline.WorkingCalendar;
import dk.borgerflow.deadline.WorkingTime;
import dk.borgerflow.municipality.Tier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's two consultations (høringer) of one municipality, played by its secretariat and
 * committees through {@link ConsultationService} and Tasklist's engine calls:
 * <ul>
 * <li><b>open</b>, answers arriving: sent eight working days ago with a svarfrist two weeks ahead; the
 * social committee has answered in Tasklist, the senior citizens' council on its answer page, the health
 * committee's task and the disability council's link are still open;</li>
 * <li><b>compiled</b>: sent five weeks ago; four answered in time (two in Tasklist, two on the page),
 * the culture committee was reminded, missed the svarfrist and answered late; the secretariat commented
 * on every answer and compiled the høringsnotat, which now waits for Økonomiudvalget's decision.</li>
 * </ul>
 */
final class DemoConsultations {

    static final String OPEN_TITLE = "Ny telefontid i kontaktcentret fra 2027";
    static final String COMPILED_TITLE = "Tilgængelighedspolitik for kommunens digitale selvbetjening";

    private final ConsultationService consultations;
    private final CenterSimulation simulation;
    private final String municipality;
    private final WorkingCalendar calendar;
    private final ZoneId zone;
    private final LocalDate today;
    private final List<String> ids = new ArrayList<>();

    DemoConsultations(ConsultationService consultations, CenterSimulation simulation, WorkingTime workingTime,
            String municipality, Instant end) {
        this.consultations = consultations;
        this.simulation = simulation;
        this.municipality = municipality;
        this.calendar = workingTime.calendar(municipality, Tier.CONTACT_CENTER);
        this.zone = calendar.zone();
        this.today = LocalDate.ofInstant(end, zone);
    }

    List<String> ids() {
        return ids;
    }

    void play() {
        playOpen();
        playCompiled();
    }

    private void playOpen() {
        ConsultationRequest request = new ConsultationRequest(municipality, OPEN_TITLE, """
                Forvaltningen foreslår, at kontaktcentrets telefontid fra 1. marts 2027 bliver mandag til torsdag \
                kl. 8-17 og fredag kl. 8-14, og at borgerne i stedet kan bestille en opringning samme dag. \
                Borgere, der er fritaget for Digital Post, kan fortsat ringe i hele åbningstiden og få personlig \
                hjælp, og Borgerservice holder åbent med tidsbestilling som i dag.""",
                today.plusWeeks(2), "committee-finance", List.of(
                        committee("Socialudvalget", "committee-social"),
                        committee("Sundheds- og Omsorgsudvalget", "committee-health"),
                        organisation("Ældrerådet", "aeldreraadet@example.dk"),
                        organisation("Handicaprådet", "handicapraadet@example.dk"),
                        informed()));
        Map<String, String> tokens = new HashMap<>();
        String[] id = new String[1];
        simulation.at(day(8, 10, 0), "consultation '" + OPEN_TITLE + "' sent", () -> {
            id[0] = prepare(request, tokens);
        });
        simulation.at(day(3, 13, 40), "Socialudvalget answers", () -> answerInTasklist(id[0], "Socialudvalget",
                "committee-social", """
                        Socialudvalget støtter forslaget, men ønsker, at borgere med handicap og andre sårbare \
                        borgere altid kan komme igennem i hele telefontiden, også om fredagen."""));
        simulation.at(day(1, 19, 35), "Ældrerådet answers on its page", () -> consultations.answerByLink(
                tokens.get("Ældrerådet"), """
                        Ældrerådet er bekymret for den kortere fredag. Mange ældre ringer om morgenen; bevar gerne \
                        åbningen kl. 8 alle dage, og lad tilbuddet om opringning samme dag gælde borgere uden \
                        mobiltelefon.""", "Inger Sørensen, formand for Ældrerådet", null, null));
    }

    private void playCompiled() {
        ConsultationRequest request = new ConsultationRequest(municipality, COMPILED_TITLE, """
                Alle kommunens selvbetjeningsløsninger skal opfylde de gældende krav til webtilgængelighed. \
                Borgere, der ikke kan bruge dem, skal altid kunne få personlig hjælp i Borgerservice eller over \
                telefonen, og kommunens breve skal skrives i et klart sprog.""",
                workingDay(9), "committee-finance", List.of(
                        committee("Socialudvalget", "committee-social"),
                        committee("Sundheds- og Omsorgsudvalget", "committee-health"),
                        committee("Kultur- og Fritidsudvalget", "committee-culture"),
                        organisation("Ældrerådet", "aeldreraadet@example.dk"),
                        organisation("Handicaprådet", "handicapraadet@example.dk"),
                        informed()));
        Map<String, String> tokens = new HashMap<>();
        String[] id = new String[1];
        simulation.at(day(24, 9, 30), "consultation '" + COMPILED_TITLE + "' sent", () -> {
            id[0] = prepare(request, tokens);
        });
        simulation.at(day(20, 14, 5), "Socialudvalget answers", () -> answerInTasklist(id[0], "Socialudvalget",
                "committee-social", """
                        Socialudvalget anbefaler politikken og foreslår, at personlig hjælp også tilbydes i hjemmet \
                        for borgere, der ikke kan møde op."""));
        simulation.at(day(15, 11, 0), "Sundheds- og Omsorgsudvalget answers", () -> answerInTasklist(id[0],
                "Sundheds- og Omsorgsudvalget", "committee-health", """
                        Sundheds- og Omsorgsudvalget bakker op og ønsker, at hjemmeplejens medarbejdere kan hjælpe \
                        borgerne i gang med de digitale løsninger."""));
        simulation.at(day(13, 20, 10), "Ældrerådet answers on its page", () -> consultations.answerByLink(
                tokens.get("Ældrerådet"), """
                        Ældrerådet takker for høringen. Vi ønsker, at papirblanketter fortsat kan fås i \
                        Borgerservice, og at klart sprog også gælder kommunens sms'er.""",
                "Inger Sørensen, formand for Ældrerådet", null, null));
        simulation.at(day(12, 16, 45), "Handicaprådet answers on its page", () -> consultations.answerByLink(
                tokens.get("Handicaprådet"), """
                        Handicaprådet ser gerne, at løsningerne testes med brugere med handicap, før de tages i \
                        brug, og at videomøder kan holdes med tegnsprogstolk.""", null, null, null));
        // Kultur- og Fritidsudvalget is reminded three working days before the svarfrist and misses it: the
        // engine closes its branch as "no answer", and the reply round ends; then its late answer arrives
        simulation.at(day(8, 10, 15), "Kultur- og Fritidsudvalget answers late", () -> {
            Consultation c = consultations.get(id[0], simulation.user("committee-culture-" + municipality));
            consultations.answerLate(id[0], consultee(c, "Kultur- og Fritidsudvalget").id(), """
                    Kultur- og Fritidsudvalget beklager det sene svar: bibliotekerne bør nævnes som sted, hvor \
                    borgerne kan få hjælp til det digitale.""", simulation.user("committee-culture-" + municipality));
        });
        simulation.at(day(7, 11, 0), "the secretariat comments on the answers", () -> {
            Map<String, String> comments = Map.of(
                    "Socialudvalget", "Indarbejdet i afsnit 3 om personlig hjælp.",
                    "Sundheds- og Omsorgsudvalget", "Tages med i handleplanen for hjemmeplejen.",
                    "Ældrerådet", "Papirblanketter bevares; tilføjet i afsnit 4.",
                    "Handicaprådet", "Brugertest er tilføjet som krav i afsnit 2.",
                    "Kultur- og Fritidsudvalget", "Bibliotekerne er tilføjet som digitale hjælpesteder.");
            Consultation c = consultations.get(id[0], secretariat());
            comments.forEach((name, text) -> consultations.comment(id[0], consultee(c, name).id(), text, secretariat()));
        });
        simulation.at(day(6, 14, 20), "the secretariat compiles the høringsnotat", () -> {
            Consultation c = consultations.get(id[0], secretariat());
            simulation.work(secretariat().userId(), c.processInstanceId(), Duration.ofMinutes(25), "høringsnotat compiled",
                    () -> Map.of("notatSummary", """
                            Høringssvarene støtter politikken. Forvaltningen har indarbejdet personlig hjælp i \
                            hjemmet, brugertest, papirblanketter og bibliotekerne som hjælpesteder, og indstiller, \
                            at Økonomiudvalget godkender politikken."""), () -> { }, () -> { });
        });
    }

    private String prepare(ConsultationRequest request, Map<String, String> tokens) {
        ConsultationService.Prepared prepared = consultations.prepare(request, secretariat());
        for (Consultee c : prepared.consultation().consultees()) {
            String token = prepared.tokensByConsulteeId().get(c.id());
            if (token != null) {
                tokens.put(c.name(), token);
            }
        }
        ids.add(prepared.consultation().id());
        return prepared.consultation().id();
    }

    private void answerInTasklist(String consultationId, String consulteeName, String group, String answer) {
        String member = group + "-" + municipality;
        Consultee consultee = consultee(consultations.get(consultationId, simulation.user(member)), consulteeName);
        simulation.work(member, consultee.branchProcessId(), Duration.ofMinutes(20), consulteeName + " answered",
                () -> Map.of("replyAction", "ANSWER", "answer", answer), () -> { }, () -> { });
    }

    private static Consultee consultee(Consultation consultation, String name) {
        return consultation.consultees().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no consultee " + name));
    }

    private dk.borgerflow.security.CurrentUser secretariat() {
        return simulation.user("secretariat-" + municipality);
    }

    /** {@code daysAgo} working days before today at a local time. */
    private Instant day(int daysAgo, int hour, int minute) {
        return workingDay(daysAgo).atTime(LocalTime.of(hour, minute)).atZone(zone).toInstant();
    }

    private LocalDate workingDay(int daysAgo) {
        return calendar.workingDaysBefore(today, daysAgo);
    }

    private static ConsultationRequest.Consultee committee(String name, String group) {
        return new ConsultationRequest.Consultee(name, ConsulteeRole.ANSWER, group, null);
    }

    private static ConsultationRequest.Consultee organisation(String name, String email) {
        return new ConsultationRequest.Consultee(name, ConsulteeRole.ANSWER, null, email);
    }

    private static ConsultationRequest.Consultee informed() {
        return new ConsultationRequest.Consultee("Hovedsamarbejdsudvalget (HSU)", ConsulteeRole.INFORM, "hsu", null);
    }
}
