package dk.borgerflow.demo;

import static dk.borgerflow.demo.DemoTexts.pick;

import dk.borgerflow.deadline.WorkingCalendar;
import dk.borgerflow.deadline.WorkingDuration;
import dk.borgerflow.deadline.WorkingTime;
import dk.borgerflow.inquiry.Channel;
import dk.borgerflow.inquiry.InquiryRequest.CitizenRequest;
import dk.borgerflow.municipality.Municipality;
import dk.borgerflow.municipality.MunicipalityCatalogue;
import dk.borgerflow.municipality.Tier;
import dk.borgerflow.municipality.Topic;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes the demo's script: a few hundred citizens' inquiries over the past weeks, each with what the
 * staff will do to it and when. Deterministic for a given random seed and end instant. Nothing here
 * touches the engine; {@link CenterSimulation} plays the script.
 * <p>
 * Every step's delay is opening time of the tier the inquiry is at when the step is due, so the staff
 * work in opening hours; a step that would fall after the end is not played (the inquiry is still in
 * progress). A few deliberately late steps let deadlines pass, so the engine warns and escalates.
 */
final class DemoStories {

    /** What a person does next; which form outcome that is depends on the tier the inquiry is at by then. */
    enum Intent {
        RESOLVE, TO_DESK, TO_SPECIALIST, GUIDE, CALL_BACK, AWAIT_CITIZEN, CITIZEN_REPLIES, NEEDS_HELP
    }

    /**
     * @param after    opening time after the previous step (or the registration) until this one starts
     * @param handling how long the person works on the task (claim to complete), clock time
     */
    record Step(Intent intent, Duration after, Duration handling) {
    }

    /**
     * One inquiry as it will play out.
     *
     * @param receivedAt   when the citizen contacted the municipality
     * @param registeredAt when it is registered (later than received for letters: the morning post)
     */
    record Story(int number, String municipality, boolean swedish, Channel channel, String topic, String summary,
            CitizenRequest citizen, Instant receivedAt, Instant registeredAt, List<Step> steps) {
    }

    /** Topics with long written applications, routed straight to the department (routing.dmn). */
    static final Set<String> APPLICATIONS = Set.of("disability-aid", "housing-allocation", "personal-supplement");
    private static final Set<String> ELDERLY_TOPICS = Set.of("elderly-care", "nursing-home", "rehabilitation",
            "patient-transport", "pension", "disability-aid");

    private static final Map<Channel, List<String>> DANISH_TOPICS = Map.of(
            Channel.PHONE, List.of("housing-benefit", "housing-benefit", "pension", "pension", "mitid", "mitid",
                    "digital-post", "moving", "elderly-care", "elderly-care", "waste", "waste",
                    "health-insurance-card", "passport", "daycare", "tax-help", "digital-help", "road-maintenance",
                    "driving-licence", "child-benefit", "sickness-benefit", "unemployment", "doctor-change",
                    "patient-transport", "rehabilitation", "municipal-debt", "parking-permit", "nemkonto"),
            Channel.VIDEO, List.of("housing-benefit", "pension", "digital-help", "tax-help", "daycare",
                    "unemployment", "social-assistance"),
            Channel.EMAIL, List.of("housing-benefit", "moving", "daycare", "daycare", "building-permit",
                    "property-tax", "municipal-debt", "waste", "road-maintenance", "school-enrolment", "pension",
                    "child-benefit", "sickness-benefit", "social-assistance", "parking-permit", "name-change",
                    "marriage", "address-protection", "personal-supplement", "housing-allocation", "disability-aid"),
            Channel.WEB, List.of("moving", "moving", "housing-benefit", "health-insurance-card", "ehic", "waste",
                    "waste", "daycare", "doctor-change", "digital-post", "driving-licence", "unemployment",
                    "road-maintenance", "parking-permit", "elderly-care"),
            Channel.DESK, List.of("passport", "passport", "passport", "driving-licence", "driving-licence", "mitid",
                    "mitid", "health-insurance-card", "residence-permit", "digital-help", "moving", "pension",
                    "nemkonto", "marriage"),
            Channel.LETTER, List.of("disability-aid", "disability-aid", "personal-supplement", "housing-allocation",
                    "nursing-home", "pension", "municipal-debt", "property-tax", "building-permit"));
    private static final Map<Channel, List<String>> SWEDISH_TOPICS = Map.of(
            Channel.PHONE, List.of("elderly-care", "elderly-care", "waste", "daycare", "social-assistance",
                    "social-assistance", "digital-help", "road-maintenance", "patient-transport",
                    "housing-allocation", "school-enrolment", "rehabilitation"),
            Channel.VIDEO, List.of("social-assistance", "digital-help", "unemployment"),
            Channel.EMAIL, List.of("daycare", "building-permit", "municipal-debt", "school-enrolment",
                    "road-maintenance", "parking-permit", "social-assistance", "housing-allocation"),
            // no self-service links of Stockholm's own in the catalogue: web forms about topics without one
            Channel.WEB, List.of("road-maintenance", "elderly-care", "parking-permit", "social-assistance",
                    "municipal-debt", "digital-help"),
            Channel.DESK, List.of("digital-help", "digital-help", "social-assistance", "housing-allocation",
                    "unemployment", "daycare"),
            Channel.LETTER, List.of("disability-aid", "housing-allocation", "parking-permit", "nursing-home"));
    private static final List<Channel> CHANNELS = List.of(Channel.PHONE, Channel.PHONE, Channel.PHONE,
            Channel.PHONE, Channel.PHONE, Channel.PHONE, Channel.PHONE, Channel.PHONE, Channel.EMAIL, Channel.EMAIL,
            Channel.EMAIL, Channel.EMAIL, Channel.WEB, Channel.WEB, Channel.WEB, Channel.DESK, Channel.DESK,
            Channel.DESK, Channel.LETTER, Channel.VIDEO);

    private final MunicipalityCatalogue catalogue;
    private final WorkingTime workingTime;
    private final Instant end;
    private final int weeks;
    private final Random random;
    private final Map<String, Days> days = new HashMap<>();

    DemoStories(MunicipalityCatalogue catalogue, WorkingTime workingTime, Instant end, int weeks, long seed) {
        this.catalogue = catalogue;
        this.workingTime = workingTime;
        this.end = end;
        this.weeks = weeks;
        this.random = new Random(seed);
    }

    /** The days of the simulated weeks in a municipality: the present (three working days up to today), and before. */
    private record Days(List<LocalDate> present, List<LocalDate> history) {
    }

    /** {@code count} inquiries over the municipalities, plus the showcase ones the README's tour opens. */
    List<Story> write(int count, String showcaseMunicipality) {
        List<Story> stories = new ArrayList<>(showcase(showcaseMunicipality));
        stories.addAll(showcaseSwedish());
        catalogue.municipality(showcaseMunicipality).ifPresent(m -> {
            stories.addAll(backlog(m, 14, 100));
            stories.addAll(handedOn(m, Intent.TO_DESK, 5, 150));
            stories.addAll(handedOn(m, Intent.TO_SPECIALIST, 4, 170));
        });
        catalogue.municipalities().stream().filter(m -> "SE".equals(m.country())).findFirst()
                .ifPresent(m -> stories.addAll(backlog(m, 6, 200)));
        List<Municipality> municipalities = catalogue.municipalities();
        double total = municipalities.stream().mapToDouble(m -> weight(m, showcaseMunicipality)).sum();
        int number = 1000;
        for (Municipality m : municipalities) {
            int share = (int) Math.round(count * weight(m, showcaseMunicipality) / total);
            for (int i = 0; i < share; i++) {
                Story story = randomStory(++number, m);
                if (story != null) {
                    stories.add(story);
                }
            }
        }
        stories.sort(Comparator.comparing(Story::registeredAt).thenComparing(Story::number));
        return stories;
    }

    /** Population, with the showcase municipality (whose users the README logs in as) and the Swedish one larger. */
    private static double weight(Municipality m, String showcase) {
        return m.population() * (m.slug().equals(showcase) ? 3.0 : "SE".equals(m.country()) ? 2.5 : 1.0);
    }

    // ---- random inquiries ----

    private Story randomStory(int number, Municipality m) {
        boolean swedish = "SE".equals(m.country());
        Channel channel = pick(random, CHANNELS);
        String topic = pick(random, (swedish ? SWEDISH_TOPICS : DANISH_TOPICS).get(channel));
        CitizenRequest citizen = citizen(swedish, topic, channel);
        boolean present = random.nextDouble() < 0.45;
        Instant[] when = null;
        for (int attempt = 0; attempt < 6 && when == null; attempt++) {
            when = when(m, channel, present);
        }
        if (when == null) {
            return null;
        }
        return new Story(number, m.slug(), swedish, channel, topic, summary(swedish, topic), citizen, when[0], when[1],
                steps(swedish, channel, topic, citizen));
    }

    private List<Step> steps(boolean swedish, Channel channel, String topic, CitizenRequest citizen) {
        double r = random.nextDouble();
        boolean selfServiceTopic = catalogue.topic(topic).map(Topic::selfServiceUrl).isPresent();
        // routing.dmn sends those who need an interpreter (and Spånga-Tensta's citizens who do not speak
        // Swedish) to the desk: the desk books an interpreter and answers within a few days
        if (Boolean.TRUE.equals(citizen.needsInterpreter())
                || (swedish && citizen.language() != null && !citizen.language().equals("sv"))) {
            return List.of(step(Intent.RESOLVE, hours(2, 18), minutes(20, 45)));
        }
        return switch (channel) {
            case PHONE, VIDEO -> {
                Duration call = minutes(1, 2);
                Duration talk = minutes(3, 10);
                if (r < 0.50) {
                    yield List.of(new Step(Intent.RESOLVE, call, talk));
                } else if (r < 0.60 && selfServiceTopic) {
                    yield List.of(new Step(Intent.GUIDE, call, talk));
                } else if (r < 0.70) {
                    yield List.of(new Step(Intent.TO_DESK, call, talk), step(Intent.RESOLVE, hours(1, 22), minutes(10, 25)));
                } else if (r < 0.80) {
                    yield specialistCase(new Step(Intent.TO_SPECIALIST, call, talk));
                } else if (r < 0.92) {
                    yield List.of(new Step(Intent.CALL_BACK, call, talk), step(Intent.RESOLVE, hours(1, 6), minutes(4, 12)));
                } else {
                    yield List.of(new Step(Intent.TO_DESK, call, talk), step(Intent.AWAIT_CITIZEN, hours(1, 10),
                            minutes(10, 20)), step(Intent.CITIZEN_REPLIES, hours(5, 30), Duration.ZERO),
                            step(Intent.RESOLVE, hours(1, 12), minutes(10, 20)));
                }
            }
            case DESK -> {
                Duration wait = minutes(2, 25);
                if (r < 0.70) {
                    yield List.of(new Step(Intent.RESOLVE, wait, minutes(5, 25)));
                } else if (r < 0.88) {
                    yield List.of(new Step(Intent.AWAIT_CITIZEN, wait, minutes(5, 15)),
                            step(Intent.CITIZEN_REPLIES, hours(4, 30), Duration.ZERO),
                            step(Intent.RESOLVE, hours(1, 8), minutes(5, 20)));
                } else {
                    yield specialistCase(new Step(Intent.TO_SPECIALIST, wait, minutes(10, 20)));
                }
            }
            case LETTER, EMAIL, WEB -> {
                if (APPLICATIONS.contains(topic) && channel != Channel.WEB) {
                    yield application(r);
                }
                if (channel == Channel.WEB && selfServiceTopic) {
                    // routing.dmn guides it to self-service; most citizens manage, some call for help (one who
                    // needs personal service is answered by the contact center instead: CenterSimulation.register)
                    yield r < 0.7 ? List.of() : List.of(step(Intent.NEEDS_HELP, hours(4, 30), Duration.ZERO),
                            new Step(Intent.RESOLVE, minutes(1, 2), minutes(4, 10)));
                }
                // the contact center's written queue: answered within hours, a few only after the deadline
                // (P2D, 20 opening hours) has passed and the inquiry was escalated to the desk
                Duration first = random.nextDouble() < 0.12 ? hours(21, 40) : hours(0.3, 18);
                Duration writing = minutes(5, 20);
                double s = random.nextDouble();
                if (s < 0.60) {
                    yield List.of(new Step(Intent.RESOLVE, first, writing));
                } else if (s < 0.72) {
                    yield specialistCase(new Step(Intent.TO_SPECIALIST, first, writing));
                } else if (s < 0.82) {
                    yield List.of(new Step(Intent.CALL_BACK, first, writing), step(Intent.RESOLVE, hours(1, 6),
                            minutes(4, 12)));
                } else if (s < 0.90 && selfServiceTopic) {
                    yield List.of(new Step(Intent.GUIDE, first, writing));
                } else {
                    yield List.of(new Step(Intent.TO_DESK, first, writing), step(Intent.RESOLVE, hours(2, 22),
                            minutes(10, 25)));
                }
            }
        };
    }

    /** At the department (ten working days): decided, or after waiting for the citizen's papers. */
    private List<Step> specialistCase(Step handOver) {
        if (random.nextDouble() < 0.3) {
            return List.of(handOver, step(Intent.AWAIT_CITIZEN, hours(4, 20), minutes(15, 30)),
                    step(Intent.CITIZEN_REPLIES, hours(10, 40), Duration.ZERO),
                    step(Intent.RESOLVE, hours(4, 30), minutes(20, 50)));
        }
        return List.of(handOver, step(Intent.RESOLVE, hours(8, 50), minutes(20, 60)));
    }

    /** A written application straight to the department: decided, waiting for papers, or left too long. */
    private List<Step> application(double r) {
        if (r < 0.45) {
            return List.of(step(Intent.RESOLVE, hours(8, 60), minutes(20, 60)));
        } else if (r < 0.80) {
            return List.of(step(Intent.AWAIT_CITIZEN, hours(4, 24), minutes(15, 30)),
                    step(Intent.CITIZEN_REPLIES, hours(16, 60), Duration.ZERO),
                    step(Intent.RESOLVE, hours(4, 30), minutes(20, 50)));
        } else if (r < 0.90) {
            // past the specialist's ten working days: the team lead takes it and hands it back
            return List.of(step(Intent.TO_SPECIALIST, hours(85, 100), minutes(10, 20)),
                    step(Intent.RESOLVE, hours(8, 24), minutes(20, 50)));
        }
        return List.of(step(Intent.RESOLVE, hours(85, 110), minutes(15, 30)));
    }

    // ---- the showcase: states the README's tour opens, whatever the day ----

    private List<Story> showcase(String slug) {
        Municipality m = catalogue.municipality(slug).orElse(null);
        if (m == null) {
            return List.of();
        }
        List<Story> stories = new ArrayList<>();
        WorkingCalendar cc = workingTime.calendar(slug, Tier.CONTACT_CENTER);
        ZoneId zone = cc.zone();
        LocalDate today = LocalDate.ofInstant(end, zone);
        LocalTime nowTime = LocalTime.ofInstant(end, zone);
        // due today, warning passed: an e-mail and a letter from two working days ago, later in the day than now
        if (cc.isWorkingDay(today)) {
            LocalDate twoAgo = cc.workingDaysBefore(today, 2);
            for (int i = 0; i < 2; i++) {
                LocalTime at = nowTime.plusMinutes(40 + 50L * i);
                Instant received = twoAgo.atTime(at).atZone(zone).toInstant();
                if (at.isAfter(nowTime) && !cc.between(received, received.plusSeconds(1)).isZero()) {
                    stories.add(new Story(1 + i, slug, false, i == 0 ? Channel.EMAIL : Channel.WEB,
                            i == 0 ? "housing-benefit" : "road-maintenance",
                            i == 0 ? "Har fået brev om tilbagebetaling af boligstøtte og forstår ikke beregningen"
                                    : "Fortovet på Skolevej er ikke ryddet for sne",
                            i == 0 ? person(false, "Birthe", "Madsen", 58, true) : person(false, "Henrik", "Olsen", 44, false), received, received, List.of()));
                }
            }
        }
        // escalated from the contact center to the desk: an e-mail nobody answered in two working days
        Instant threeAgo = at(cc.workingDaysBefore(today, 3), LocalTime.of(9, 12), zone);
        stories.add(new Story(3, slug, false, Channel.EMAIL, "pension", "Har ikke fået folkepensionen udbetalt i denne måned",
                person(false, "Grethe", "Poulsen", 81, false), threeAgo, threeAgo, List.of()));
        // escalated twice: a letter at the department past ten working days, and past the team lead's deadline
        Instant longAgo = at(cc.workingDaysBefore(today, 23), LocalTime.of(8, 0), zone);
        stories.add(new Story(4, slug, false, Channel.LETTER, "disability-aid", "Ansøger om el-kørestol",
                withCpr(person(false, "Knud", "Frederiksen", 84, false), 84), longAgo, longAgo.plus(minutes(45, 45)),
                List.of()));
        // waiting for the citizen's papers at the department
        Instant sixAgo = at(cc.workingDaysBefore(today, 6), LocalTime.of(8, 0), zone);
        stories.add(new Story(5, slug, false, Channel.LETTER, "personal-supplement",
                "Ansøger om personligt tillæg til tandbehandling", withCpr(person(false, "Lone", "Holm", 69, false), 69),
                sixAgo, sixAgo.plus(minutes(70, 70)), List.of(new Step(Intent.AWAIT_CITIZEN, hours(6, 6), minutes(20, 20)))));
        // the whole ladder, resolved: phone → desk (waited for papers) → specialist → answer sent
        Instant eightAgo = at(cc.workingDaysBefore(today, 8), LocalTime.of(10, 5), zone);
        stories.add(new Story(6, slug, false, Channel.PHONE, "housing-allocation", "Søger akut bolig efter skilsmisse",
                person(false, "Camilla", "Lund", 34, true), eightAgo, eightAgo, List.of(
                        new Step(Intent.TO_DESK, minutes(1, 1), minutes(9, 9)),
                        new Step(Intent.AWAIT_CITIZEN, hours(3, 3), minutes(15, 15)),
                        new Step(Intent.CITIZEN_REPLIES, hours(12, 12), Duration.ZERO),
                        new Step(Intent.TO_SPECIALIST, hours(2, 2), minutes(12, 12)),
                        new Step(Intent.RESOLVE, hours(9, 9), minutes(35, 35)))));
        // self-service did not work for this citizen: back in the contact center's queue
        Instant yesterday = at(cc.workingDaysBefore(today, 1), LocalTime.of(20, 40), zone);
        stories.add(new Story(7, slug, false, Channel.WEB, "moving", "Skal melde flytning for sig selv og to børn",
                person(false, "Sofie", "Kristensen", 29, true), yesterday, yesterday,
                List.of(new Step(Intent.NEEDS_HELP, hours(0.5, 0.5), Duration.ZERO))));
        // a call back the agent promised
        Instant lastCall = cc.isWorkingDay(today) && nowTime.isAfter(LocalTime.of(10, 0))
                ? at(today, LocalTime.of(9, 20), zone) : at(cc.workingDaysBefore(today, 1), LocalTime.of(16, 30), zone);
        stories.add(new Story(8, slug, false, Channel.PHONE, "tax-help", "Forstår ikke restskatten på årsopgørelsen",
                person(false, "Jesper", "Mortensen", 47, true), lastCall, lastCall,
                List.of(new Step(Intent.CALL_BACK, minutes(1, 1), minutes(6, 6)))));
        return stories.stream().filter(s -> !s.registeredAt().isAfter(end)).toList();
    }

    private List<Story> showcaseSwedish() {
        Municipality m = catalogue.municipalities().stream().filter(x -> "SE".equals(x.country())).findFirst()
                .orElse(null);
        if (m == null) {
            return List.of();
        }
        String slug = m.slug();
        WorkingCalendar cc = workingTime.calendar(slug, Tier.CONTACT_CENTER);
        ZoneId zone = cc.zone();
        LocalDate today = LocalDate.ofInstant(end, zone);
        List<Story> stories = new ArrayList<>();
        Instant yesterday = at(cc.workingDaysBefore(today, 1), LocalTime.of(15, 10), zone);
        stories.add(new Story(11, slug, true, Channel.EMAIL, "daycare", "Vill ansöka om förskoleplats från mars",
                person(true, "Amina", "Hassan", 31, true), yesterday, yesterday, List.of()));
        Instant threeAgo = at(cc.workingDaysBefore(today, 3), LocalTime.of(10, 30), zone);
        stories.add(new Story(12, slug, true, Channel.EMAIL, "elderly-care", "Hemtjänsten kom inte i morse",
                person(true, "Gunnar", "Lindqvist", 86, false), threeAgo, threeAgo, List.of()));
        Instant fourAgo = at(cc.workingDaysBefore(today, 4), LocalTime.of(8, 0), zone);
        stories.add(new Story(13, slug, true, Channel.LETTER, "disability-aid",
                "Ansöker om bostadsanpassning: badkaret ska bytas mot dusch", person(true, "Kerstin", "Berg", 78, false),
                fourAgo, fourAgo.plus(minutes(50, 50)), List.of(new Step(Intent.AWAIT_CITIZEN, hours(5, 5), minutes(20, 20)))));
        return stories.stream().filter(s -> !s.registeredAt().isAfter(end)).toList();
    }

    /**
     * The written queue nobody has reached yet: e-mails, web forms and letters of the last two working
     * days in the contact center, none past its deadline; the older ones are due today and past their
     * warning point. (Their answers would come after the end, so none is played.)
     */
    private List<Story> backlog(Municipality m, int count, int firstNumber) {
        boolean swedish = "SE".equals(m.country());
        WorkingCalendar cc = workingTime.calendar(m.slug(), Tier.CONTACT_CENTER);
        ZoneId zone = cc.zone();
        LocalDate today = LocalDate.ofInstant(end, zone);
        LocalDate from = cc.workingDaysBefore(today, 2);
        List<Story> stories = new ArrayList<>();
        for (int i = 0, attempts = 0; stories.size() < count && attempts < count * 20; attempts++, i++) {
            Channel channel = i % 6 == 5 ? Channel.LETTER : i % 3 == 2 ? Channel.WEB : Channel.EMAIL;
            String topic = pick(random, (swedish ? SWEDISH_TOPICS : DANISH_TOPICS).get(channel));
            if (APPLICATIONS.contains(topic)
                    || (channel == Channel.WEB && catalogue.topic(topic).map(Topic::selfServiceUrl).isPresent())) {
                continue; // those go to the department or to self-service, not to this queue
            }
            LocalDate day = from.plusDays(random.nextInt((int) (today.toEpochDay() - from.toEpochDay()) + 1));
            Instant received = channel == Channel.LETTER
                    ? cc.nextOpening(day.atStartOfDay(zone).toInstant())
                    : day.atTime(LocalTime.of(7, 0).plusMinutes(random.nextInt(15 * 60))).atZone(zone).toInstant();
            Instant registered = channel == Channel.LETTER ? received.plus(minutes(15, 120)) : received;
            if (registered.isAfter(end) || !cc.plus(registered, WorkingDuration.parse("P2D"))
                    .isAfter(end)) {
                continue;
            }
            CitizenRequest citizen = citizen(swedish, topic, channel);
            if (Boolean.TRUE.equals(citizen.needsInterpreter()) || (swedish && !"sv".equals(citizen.language()))) {
                continue; // routed to the desk
            }
            stories.add(new Story(firstNumber + stories.size(), m.slug(), swedish, channel, topic,
                    summary(swedish, topic), citizen, received, registered, List.of()));
        }
        return stories;
    }

    /**
     * Calls of the last three working days that the contact center handed on to the desk or the
     * department, where they now wait (the desk's deadline is three working days, the department's ten).
     */
    private List<Story> handedOn(Municipality m, Intent intent, int count, int firstNumber) {
        boolean swedish = "SE".equals(m.country());
        List<Story> stories = new ArrayList<>();
        for (int attempt = 0; stories.size() < count && attempt < count * 20; attempt++) {
            String topic = pick(random, (swedish ? SWEDISH_TOPICS : DANISH_TOPICS).get(Channel.PHONE));
            CitizenRequest citizen = citizen(swedish, topic, Channel.PHONE);
            Instant[] when = when(m, Channel.PHONE, true);
            if (when == null || Boolean.TRUE.equals(citizen.needsInterpreter())
                    || (swedish && !"sv".equals(citizen.language()))) {
                continue;
            }
            stories.add(new Story(firstNumber + stories.size(), m.slug(), swedish, Channel.PHONE, topic,
                    summary(swedish, topic), citizen, when[0], when[1],
                    List.of(new Step(intent, minutes(1, 2), minutes(4, 10)))));
        }
        return stories;
    }

    // ---- when ----

    /** Received and registered instants on a day of the window, in the channel's hours; null if after the end. */
    private Instant[] when(Municipality m, Channel channel, boolean present) {
        Days d = days.computeIfAbsent(m.slug(), this::daysOf);
        List<LocalDate> candidates = present ? d.present() : d.history();
        LocalDate day = pick(random, candidates);
        String slug = m.slug();
        Tier tier = channel == Channel.DESK ? Tier.DESK : Tier.CONTACT_CENTER;
        WorkingCalendar calendar = workingTime.calendar(slug, tier);
        ZoneId zone = calendar.zone();
        Instant received;
        Instant registered;
        switch (channel) {
            case EMAIL, WEB -> {
                boolean weekday = calendar.isWorkingDay(day);
                if (!weekday && random.nextDouble() > 0.35) {
                    return null;
                }
                // mostly daytime, some in the evening
                double u = random.nextDouble();
                LocalTime t = LocalTime.of(6, 30).plusMinutes((long) (u < 0.8 ? 90 + u / 0.8 * 540 : 630 + (u - 0.8) / 0.2 * 340));
                received = day.atTime(t).atZone(zone).toInstant();
                registered = received;
            }
            case LETTER -> {
                if (!calendar.isWorkingDay(day)) {
                    return null;
                }
                received = calendar.nextOpening(day.atStartOfDay(zone).toInstant());
                registered = received.plus(minutes(15, 150));
            }
            default -> {
                if (!calendar.isWorkingDay(day)) {
                    return null;
                }
                Instant opens = calendar.nextOpening(day.atStartOfDay(zone).toInstant());
                Instant closes = day.plusDays(1).atStartOfDay(zone).toInstant();
                Duration open = calendar.between(opens, closes).minusMinutes(15);
                // busiest in the morning
                double u = Math.pow(random.nextDouble(), 1.4);
                received = calendar.plusOpeningTime(opens, Duration.ofSeconds((long) (open.toSeconds() * u)));
                registered = received;
            }
        }
        return registered.isAfter(end) ? null : new Instant[] {received, registered};
    }

    private Days daysOf(String slug) {
        WorkingCalendar calendar = workingTime.calendar(slug, Tier.CONTACT_CENTER);
        LocalDate today = LocalDate.ofInstant(end, calendar.zone());
        LocalDate presentStart = calendar.workingDaysBefore(today, 2);
        List<LocalDate> present = new ArrayList<>();
        for (LocalDate d = presentStart; !d.isAfter(today); d = d.plusDays(1)) {
            present.add(d);
        }
        List<LocalDate> history = new ArrayList<>();
        for (LocalDate d = today.minusWeeks(weeks); d.isBefore(presentStart); d = d.plusDays(1)) {
            history.add(d);
        }
        return new Days(present, history);
    }

    private static Instant at(LocalDate date, LocalTime time, ZoneId zone) {
        return date.atTime(time).atZone(zone).toInstant();
    }

    // ---- who ----

    private CitizenRequest citizen(boolean swedish, String topic, Channel channel) {
        int age = ELDERLY_TOPICS.contains(topic) ? 66 + random.nextInt(28)
                : random.nextDouble() < 0.06 ? 75 + random.nextInt(15) : 19 + random.nextInt(55);
        boolean woman = random.nextBoolean();
        String first = pick(random, age >= 70 ? (swedish ? DemoTexts.SWEDISH_ELDERLY : DemoTexts.DANISH_ELDERLY)
                : swedish ? (woman ? DemoTexts.SWEDISH_WOMEN : DemoTexts.SWEDISH_MEN)
                : (woman ? DemoTexts.DANISH_WOMEN : DemoTexts.DANISH_MEN));
        String last = pick(random, swedish ? DemoTexts.SWEDISH_SURNAMES : DemoTexts.DANISH_SURNAMES);
        boolean exempt = !swedish && random.nextDouble() < (age >= 80 ? 0.35 : 0.04);
        String language = swedish ? "sv" : "da";
        boolean interpreter = false;
        if (random.nextDouble() < (swedish ? 0.18 : 0.03)) {
            language = pick(random, swedish ? List.of("ar", "so", "ti", "fa") : List.of("ar", "tr", "so", "uk"));
            // in Denmark routing.dmn reads the need for an interpreter; Spånga-Tensta routes by language
            interpreter = !swedish || random.nextBoolean();
        }
        String accessibility = random.nextDouble() < 0.04
                ? pick(random, swedish ? DemoTexts.SWEDISH_ACCESSIBILITY : DemoTexts.DANISH_ACCESSIBILITY) : null;
        String phone = channel == Channel.PHONE || random.nextDouble() < 0.7 ? phone(swedish) : null;
        String email = !exempt && age < 80 && (channel == Channel.EMAIL || channel == Channel.WEB || random.nextDouble() < 0.4)
                ? email(first, last, swedish) : null;
        String cpr = !swedish && (channel == Channel.LETTER || channel == Channel.DESK) && random.nextDouble() < 0.3
                ? syntheticCpr(age) : null;
        return new CitizenRequest(cpr, first + " " + last, phone, email, exempt, age, interpreter, language, accessibility);
    }

    private CitizenRequest person(boolean swedish, String first, String last, int age, boolean email) {
        return new CitizenRequest(null, first + " " + last, phone(swedish), email ? email(first, last, swedish) : null,
                false, age, false, swedish ? "sv" : "da", null);
    }

    private CitizenRequest withCpr(CitizenRequest c, int age) {
        return new CitizenRequest(syntheticCpr(age), c.name(), c.phone(), c.email(), c.digitallyExempt(), c.age(),
                c.needsInterpreter(), c.language(), c.accessibilityNeeds());
    }

    /**
     * A made-up CPR number: a birth date that fits the age and the serial number 0000, the same for every
     * demo citizen, so it is recognisable as demo data. Never logged (InquiryService logs none).
     */
    private String syntheticCpr(int age) {
        LocalDate born = LocalDate.ofInstant(end, ZoneId.of("Europe/Copenhagen")).minusYears(age)
                .withMonth(1 + random.nextInt(12)).withDayOfMonth(1 + random.nextInt(28));
        return String.format(Locale.ROOT, "%02d%02d%02d-0000", born.getDayOfMonth(), born.getMonthValue(),
                born.getYear() % 100);
    }

    private String phone(boolean swedish) {
        if (swedish) {
            return String.format(Locale.ROOT, "+46 7%d %03d %02d %02d", pick(random, List.of(0, 2, 3, 6)),
                    random.nextInt(1000), random.nextInt(100), random.nextInt(100));
        }
        return String.format(Locale.ROOT, "+45 %d%d %02d %02d %02d", 2 + random.nextInt(7), random.nextInt(10),
                random.nextInt(100), random.nextInt(100), random.nextInt(100));
    }

    private static String email(String first, String last, boolean swedish) {
        String local = ascii(first) + "." + ascii(last);
        return local + (swedish ? "@example.se" : "@example.dk");
    }

    private static String ascii(String name) {
        String s = name.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "oe").replace("å", "aa");
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("[^a-z0-9]", "");
    }

    private String summary(boolean swedish, String topic) {
        DemoTexts.TopicTexts texts = (swedish ? DemoTexts.SWEDISH : DemoTexts.DANISH).get(topic);
        return pick(random, texts.summaries());
    }

    // ---- durations ----

    private Step step(Intent intent, Duration after, Duration handling) {
        return new Step(intent, after, handling);
    }

    private Duration hours(double from, double to) {
        return Duration.ofSeconds((long) ((from + random.nextDouble() * (to - from)) * 3600));
    }

    private Duration minutes(int from, int to) {
        return Duration.ofSeconds(60L * from + random.nextInt(Math.max(1, 60 * (to - from))));
    }
}
