package dk.borgerflow.demo;

import dk.borgerflow.testsupport.RoutingModel;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.consultation.Consultation;
import dk.borgerflow.consultation.ConsultationService;
import dk.borgerflow.consultation.ConsultationStatus;
import dk.borgerflow.consultation.Consultee;
import dk.borgerflow.consultation.ConsulteeStatus;
import dk.borgerflow.deadline.WorkingTime;
import dk.borgerflow.inquiry.Channel;
import dk.borgerflow.inquiry.HistoryEntry;
import dk.borgerflow.inquiry.Inquiry;
import dk.borgerflow.inquiry.InquiryRequest;
import dk.borgerflow.inquiry.InquiryService;
import dk.borgerflow.inquiry.InquiryStatus;
import dk.borgerflow.inquiry.Outcome;
import dk.borgerflow.municipality.Municipality;
import dk.borgerflow.municipality.MunicipalityCatalogue;
import dk.borgerflow.municipality.Tier;
import dk.borgerflow.security.CurrentUser;
import dk.borgerflow.security.Groups;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.domain.PageRequest;
import org.springframework.mock.env.MockEnvironment;

/**
 * The demo center, seeded once against the shared test context (whose profile switches the seed off at
 * startup), up to a fixed working Wednesday at 10:30 so the day looks the same every week; everything it
 * made is removed afterwards (other tests fire all due jobs and count tasks).
 */
@BorgerflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCenterSeedTest {

    static final String SLAGELSE = "slagelse";
    static final String SPANGA_TENSTA = "spanga-tensta";
    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    static final CurrentUser READER = new CurrentUser("admin", Set.of(Groups.ADMIN), Set.of());

    @Autowired
    DemoCenterSeed seed;
    @Autowired
    DemoSeedProperties properties;
    @Autowired
    InquiryService inquiries;
    @Autowired
    ConsultationService consultations;
    @Autowired
    MunicipalityCatalogue catalogue;
    @Autowired
    WorkingTime workingTime;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    FilterService filters;
    @Autowired
    IdentityService identity;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    Instant now;
    Inquiry ownInquiry;
    State beforeStartup;
    DemoCenterSeed.Result onANonEmptyDatabase;
    State afterRefusal;
    DemoCenterSeed.Result seeded;
    State afterSeed;
    List<Inquiry> seededInquiries;
    List<ILoggingEvent> logged;

    /** What the tests count: rows and engine state. */
    record State(long inquiries, long consultations, long processInstances, long tasks, long jobs, String marker) {
    }

    @BeforeAll
    void seedTheDemoCenterOnce() {
        now = aRecentWorkingWednesdayMorning();
        // someone's own inquiry: the database is not empty, so the seed must not touch it
        ownInquiry = inquiries.receive(new InquiryRequest("roskilde", Channel.PHONE, "waste",
                "Skraldespanden blev ikke tømt", null, null), null,
                new CurrentUser("agent-roskilde", Set.copyOf(RoutingModel.ANSWER_GROUPS), Set.of("roskilde"))).inquiry();
        beforeStartup = state();
        onANonEmptyDatabase = seed.seedIfEmpty(now);
        afterRefusal = state();

        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        appender.start();
        root.addAppender(appender);
        try {
            seeded = seed.seed(now);
        } finally {
            root.detachAppender(appender);
        }
        logged = appender.list;
        afterSeed = state();
        seededInquiries = seeded.inquiryIds().stream().map(id -> inquiries.get(id, READER)).toList();
    }

    @AfterAll
    void removeEverythingTheSeedMade() {
        ClockUtil.reset();
        identity.clearAuthentication();
        if (ownInquiry != null) {
            runtime.deleteProcessInstance(ownInquiry.processInstanceId(), "Demo seed test finished");
        }
        if (seeded == null) {
            return;
        }
        for (String id : seeded.inquiryIds()) {
            String process = inquiries.get(id, READER).processInstanceId();
            if (runtime.createProcessInstanceQuery().processInstanceId(process).count() > 0) {
                runtime.deleteProcessInstance(process, "Demo seed test finished");
            }
        }
        for (String id : seeded.consultationIds()) {
            String process = consultations.get(id, READER).processInstanceId();
            if (runtime.createProcessInstanceQuery().processInstanceId(process).count() > 0) {
                runtime.deleteProcessInstance(process, "Demo seed test finished");
            }
        }
        management.deleteProperty(DemoCenterSeed.MARKER);
    }

    // ---- when it runs ----

    @Test
    void theTestProfileSwitchesTheSeedOffSoTheSharedContextStartedWithoutIt() {
        assertThat(properties.enabled()).isFalse();
        assertThat(beforeStartup.marker()).isNull();
    }

    @Test
    void aDatabaseThatAlreadyHoldsInquiriesIsNotSeeded() {
        assertThat(onANonEmptyDatabase.seeded()).isFalse();
        assertThat(onANonEmptyDatabase.skipped()).isEqualTo("the database is not empty");
        assertThat(afterRefusal).isEqualTo(beforeStartup);
    }

    @Test
    void aSecondRunAddsNothing() {
        DemoCenterSeed.Result again = seed.seedIfEmpty(now);

        assertThat(again.seeded()).isFalse();
        assertThat(again.skipped()).startsWith("already seeded: v1");
        assertThat(state()).isEqualTo(afterSeed);
    }

    @Test
    void neverSeedsAProductionProfileOrADatabaseThatIsNotTheDemosH2() {
        MockEnvironment demo = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/borgerflow");
        demo.setActiveProfiles("demo");
        assertThat(DemoCenterSeed.refusal(demo)).isNull();

        MockEnvironment postgresProfile = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:mem:x");
        postgresProfile.setActiveProfiles("demo", "postgres");
        assertThat(DemoCenterSeed.refusal(postgresProfile)).contains("production profile");
        MockEnvironment productionSettings = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:mem:x")
                .withProperty("borgerflow.production.require-strong-admin-password", "true");
        assertThat(DemoCenterSeed.refusal(productionSettings)).contains("production settings");
        MockEnvironment postgresDatabase = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/test");
        assertThat(DemoCenterSeed.refusal(postgresDatabase)).contains("not the demo's H2 database");
    }

    // ---- what it made ----

    @Test
    void everyStepWorkedAndAddedOnlyWhatItReports() {
        assertThat(seeded.seeded()).isTrue();
        assertThat(seeded.failures()).isZero();
        assertThat(afterSeed.inquiries() - afterRefusal.inquiries()).isEqualTo(seeded.inquiryIds().size());
        assertThat(afterSeed.consultations() - afterRefusal.consultations()).isEqualTo(2);
        assertThat(afterSeed.marker()).startsWith("v1 ").contains(seeded.inquiryIds().size() + " inquiries");
    }

    @Test
    void aFewHundredInquiriesOverEveryMunicipalityChannelAndStatus() {
        assertThat(seededInquiries).hasSizeBetween(250, 450);
        Map<String, Long> perMunicipality = count(Inquiry::municipality);
        for (Municipality m : catalogue.municipalities()) {
            assertThat(perMunicipality.getOrDefault(m.slug(), 0L)).as(m.slug()).isGreaterThanOrEqualTo(5);
        }
        // the municipality of the README's tour is the busiest
        assertThat(perMunicipality.get(SLAGELSE)).isEqualTo(perMunicipality.values().stream().max(Long::compare).get());
        Map<Channel, Long> perChannel = count(Inquiry::channel);
        for (Channel channel : Channel.values()) {
            assertThat(perChannel.getOrDefault(channel, 0L)).as(channel.name()).isGreaterThanOrEqualTo(5);
        }
        Map<InquiryStatus, Long> perStatus = count(Inquiry::status);
        assertThat(perStatus.get(InquiryStatus.CLOSED)).isGreaterThan(seededInquiries.size() / 2);
        assertThat(perStatus.get(InquiryStatus.OPEN)).isGreaterThanOrEqualTo(40);
        assertThat(perStatus.get(InquiryStatus.RESOLVED)).as("guided to self-service, the quiet period still running")
                .isGreaterThanOrEqualTo(1);
        assertThat(seededInquiries.stream().filter(i -> i.status() == InquiryStatus.RESOLVED)
                .allMatch(i -> i.tier() == Tier.SELF_SERVICE)).isTrue();
    }

    @Test
    void openInquiriesWaitAtEveryTierOfTheLadder() {
        Map<Tier, Long> open = new EnumMap<>(Tier.class);
        open.putAll(seededInquiries.stream().filter(this::workedByStaffNow)
                .collect(Collectors.groupingBy(Inquiry::tier, Collectors.counting())));
        assertThat(open.get(Tier.CONTACT_CENTER)).isGreaterThanOrEqualTo(20);
        assertThat(open.get(Tier.DESK)).isGreaterThanOrEqualTo(3);
        assertThat(open.get(Tier.SPECIALIST)).isGreaterThanOrEqualTo(3);
        assertThat(seededInquiries.stream().filter(i -> Groups.TEAM_LEAD.equals(i.candidateGroup()))
                .filter(i -> i.status() == InquiryStatus.OPEN)).as("escalated past the department to its team lead")
                .isNotEmpty();
        List<Inquiry> waiting = seededInquiries.stream().filter(i -> i.status() == InquiryStatus.OPEN)
                .filter(i -> i.deadlinePausedAt() != null).toList();
        assertThat(waiting).as("waiting for the citizen").hasSizeGreaterThanOrEqualTo(2);
        for (Inquiry i : waiting) {
            assertThat(tasks.createTaskQuery().processInstanceId(i.processInstanceId()).count()).isZero();
            assertThat(management.createJobQuery().processInstanceId(i.processInstanceId()).timers().count())
                    .as("the wait has a limit").isOne();
        }
    }

    @Test
    void theHistorySpreadsOverThePastWeeksWithHandOffsNotesAndAnswersSent() {
        assertThat(seededInquiries.stream().map(Inquiry::receivedAt).min(Instant::compareTo).get())
                .isBefore(now.minus(Duration.ofDays(28)));
        List<Inquiry> closed = seededInquiries.stream().filter(i -> i.status() == InquiryStatus.CLOSED).toList();
        assertThat(closed.stream().map(i -> LocalDate.ofInstant(i.closedAt(), COPENHAGEN)).distinct().count())
                .as("closed on many days, not all at once").isGreaterThanOrEqualTo(15);
        assertThat(closed).allMatch(i -> i.closedAt().isBefore(now.plusSeconds(1)));
        assertThat(closed.stream().filter(i -> has(i, Outcome.FEEDBACK_SENT))).as("a written answer went out")
                .hasSizeGreaterThanOrEqualTo(15);
        assertThat(closed.stream().filter(i -> has(i, Outcome.DESK) || has(i, Outcome.SPECIALIST)))
                .as("handed on by a person").hasSizeGreaterThanOrEqualTo(10);
        assertThat(closed.stream().filter(i -> has(i, Outcome.AWAIT_CITIZEN))).as("waited for the citizen, then answered")
                .isNotEmpty();
        // every step a person took carries a note and the person's name
        List<HistoryEntry> byPeople = seededInquiries.stream().flatMap(i -> i.history().stream())
                .filter(h -> !"system".equals(h.actor())).toList();
        assertThat(byPeople).hasSizeGreaterThan(seededInquiries.size() / 2);
        assertThat(byPeople).allSatisfy(h -> {
            assertThat(h.actor()).matches("(agent|desk|specialist|teamlead)-[a-z-]+");
            assertThat(h.reason()).isNotBlank();
        });
        // Camunda's own history carries the same times: Cockpit and reports see weeks of work
        Set<String> processes = seededInquiries.stream().map(Inquiry::processInstanceId).collect(Collectors.toSet());
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceIds(processes)
                .startedBefore(Date.from(now.minus(Duration.ofDays(14)))).count()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void deadlinesThatPassedInThoseWeeksWarnedAndEscalatedWhenTheyPassed() {
        List<Inquiry> escalated = seededInquiries.stream().filter(i -> !i.escalations().isEmpty()).toList();
        assertThat(escalated).hasSizeGreaterThanOrEqualTo(5);
        assertThat(escalated.stream().flatMap(i -> i.escalations().stream())
                .map(e -> LocalDate.ofInstant(e.at(), COPENHAGEN)).distinct().count())
                .as("the timers fired on the days they fell due").isGreaterThanOrEqualTo(3);
        assertThat(escalated.stream().flatMap(i -> i.escalations().stream()).map(e -> e.fromTier()).distinct())
                .contains(Tier.CONTACT_CENTER, Tier.SPECIALIST);
        assertThat(seededInquiries.stream().flatMap(i -> i.history().stream())
                .filter(h -> h.reason().startsWith("Advarsel"))).as("warnings").hasSizeGreaterThanOrEqualTo(5);
        // nothing the simulation left behind is overdue without the engine knowing: due timers have all fired
        Set<String> processes = seededInquiries.stream().map(Inquiry::processInstanceId).collect(Collectors.toSet());
        assertThat(management.createJobQuery().timers().duedateLowerThan(Date.from(now)).list())
                .noneMatch(j -> processes.contains(j.getProcessInstanceId()));
    }

    @Test
    void tasklistShowsTheAgentOfSlagelseABusyDay() {
        assertThat(filter("agent-" + SLAGELSE, "Min gruppes opgaver")).hasSizeGreaterThanOrEqualTo(15);
        assertThat(filter("agent-" + SLAGELSE, "Forfalder i dag")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(filter("agent-" + SLAGELSE, "Snart overskredet")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(filter("desk-" + SLAGELSE, "Min gruppes opgaver")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(filter("desk-" + SLAGELSE, "Eskaleret")).isNotEmpty();
        assertThat(filter("specialist-" + SLAGELSE, "Min gruppes opgaver")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(filter("teamlead-" + SLAGELSE, "Overskredet")).isNotEmpty();
        assertThat(filter("teamlead-" + SLAGELSE, "Snart overskredet")).isNotEmpty();
        assertThat(filter("agent-" + SPANGA_TENSTA, "Min gruppes opgaver")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(filter("committee-health-" + SLAGELSE, "Høringer")).as("an answer still to give").hasSize(1);
        assertThat(filter("committee-finance-" + SLAGELSE, "Høringer")).as("a decision to take").hasSize(1);
        assertThat(filter("agent-roskilde", "Min gruppes opgaver")).as("another municipality's agent sees their own")
                .isNotEmpty().noneMatch(t -> SLAGELSE.equals(t.getTenantId()));
    }

    @Test
    void spangaTenstaWritesInSwedishAndTheZealandMunicipalitiesInDanish() {
        List<Inquiry> swedish = seededInquiries.stream().filter(i -> SPANGA_TENSTA.equals(i.municipality())).toList();
        assertThat(swedish).isNotEmpty().allSatisfy(i -> assertThat(i.summary()).doesNotContain("Borgeren"));
        assertThat(swedish.stream().map(Inquiry::summary)).anyMatch(s -> s.matches(".*[äö].*"));
        assertThat(swedish.stream().flatMap(i -> i.history().stream()).filter(h -> !"system".equals(h.actor()))
                .map(HistoryEntry::reason)).anyMatch(r -> r.matches(".*(Invånaren|ärende|Medborgarkontoret).*"));
        assertThat(seededInquiries.stream().filter(i -> !SPANGA_TENSTA.equals(i.municipality())).map(Inquiry::summary))
                .noneMatch(s -> s.matches(".*[äö].*"));
    }

    @Test
    void noSeededInquiryIsAtRiskOfBeingLost() throws Exception {
        JsonNode report = json.readTree(http.withBasicAuth("admin", "demo").getForEntity("/api/watchdog", String.class)
                .getBody());
        Set<String> lost = new HashSet<>(report.get("inquiries").findValuesAsText("id"));
        assertThat(seeded.inquiryIds()).noneMatch(lost::contains);
    }

    @Test
    void citizensHaveMadeUpCprNumbersThatNeverReachTheLog() {
        List<String> cprs = seededInquiries.stream().map(i -> i.citizen().cpr()).filter(c -> c != null).toList();
        assertThat(cprs).isNotEmpty().allMatch(c -> c.matches("\\d{6}0000"));
        assertThat(logged).isNotEmpty();
        for (ILoggingEvent event : logged) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : event.getThrowableProxy().getMessage());
            assertThat(cprs).noneMatch(c -> line.contains(c) || line.contains(c.substring(0, 6) + "-" + c.substring(6)));
        }
    }

    @Test
    void twoConsultationsOneOpenWithAnswersArrivingOneCompiledForTheDecision() {
        Map<String, Consultation> byTitle = seeded.consultationIds().stream().map(id -> consultations.get(id, READER))
                .collect(Collectors.toMap(Consultation::title, Function.identity()));
        Consultation open = byTitle.get(DemoConsultations.OPEN_TITLE);
        assertThat(open.status()).isEqualTo(ConsultationStatus.OPEN);
        assertThat(statuses(open)).containsEntry("Socialudvalget", ConsulteeStatus.ANSWERED)
                .containsEntry("Ældrerådet", ConsulteeStatus.ANSWERED)
                .containsEntry("Sundheds- og Omsorgsudvalget", ConsulteeStatus.AWAITING)
                .containsEntry("Handicaprådet", ConsulteeStatus.AWAITING)
                .containsEntry("Hovedsamarbejdsudvalget (HSU)", ConsulteeStatus.INFORMED);

        Consultation compiled = byTitle.get(DemoConsultations.COMPILED_TITLE);
        assertThat(compiled.status()).isEqualTo(ConsultationStatus.DECIDING);
        assertThat(compiled.notatCompiledAt()).isBefore(now);
        assertThat(compiled.notatCompiledBy()).isEqualTo("secretariat-" + SLAGELSE);
        List<Consultee> answered = compiled.consultees().stream().filter(c -> c.status() == ConsulteeStatus.ANSWERED)
                .toList();
        assertThat(answered).hasSize(5).allSatisfy(c -> assertThat(c.adminComment()).isNotBlank());
        assertThat(answered).filteredOn(Consultee::late).extracting(Consultee::name)
                .containsExactly("Kultur- og Fritidsudvalget");
        assertThat(compiled.consultees()).filteredOn(c -> c.remindedAt() != null).isNotEmpty();
        assertThat(compiled.repliesClosedAt()).isBefore(compiled.notatCompiledAt());
    }

    // ---- helpers ----

    /** The last Wednesday before today that both Slagelse and Spånga-Tensta work, at 10:30 in Copenhagen. */
    private Instant aRecentWorkingWednesdayMorning() {
        LocalDate d = LocalDate.now(COPENHAGEN).minusDays(1);
        while (d.getDayOfWeek() != DayOfWeek.WEDNESDAY || !workingTime.isWorkingDay(SLAGELSE, d)
                || !workingTime.isWorkingDay(SPANGA_TENSTA, d)) {
            d = d.minusDays(1);
        }
        return d.atTime(10, 30).atZone(COPENHAGEN).toInstant();
    }

    private State state() {
        return new State(inquiries.list(null, null, null, PageRequest.of(0, 1), READER).getTotalElements(),
                consultations.list(null, READER).size(), runtime.createProcessInstanceQuery().count(),
                tasks.createTaskQuery().count(), management.createJobQuery().count(),
                management.getProperties().get(DemoCenterSeed.MARKER));
    }

    private <K> Map<K, Long> count(Function<Inquiry, K> key) {
        return seededInquiries.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private boolean workedByStaffNow(Inquiry i) {
        return i.status() == InquiryStatus.OPEN && i.deadlinePausedAt() == null
                && !Groups.TEAM_LEAD.equals(i.candidateGroup());
    }

    private static boolean has(Inquiry i, Outcome outcome) {
        return i.history().stream().anyMatch(h -> h.outcome() == outcome);
    }

    private static Map<String, ConsulteeStatus> statuses(Consultation c) {
        return c.consultees().stream().collect(Collectors.toMap(Consultee::name, Consultee::status));
    }

    /** The seeded tasks a shared Tasklist filter shows the user, evaluated as Tasklist does, at the seed's "now". */
    private List<Task> filter(String userId, String name) {
        Set<String> seededProcesses = new HashSet<>();
        seededInquiries.forEach(i -> seededProcesses.add(i.processInstanceId()));
        for (String id : seeded.consultationIds()) {
            Consultation c = consultations.get(id, READER);
            seededProcesses.add(c.processInstanceId());
            c.consultees().forEach(x -> seededProcesses.add(x.branchProcessId()));
        }
        String filterId = filters.createFilterQuery().filterName(name).singleResult().getId();
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList();
        List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                .map(t -> t.getId()).toList();
        ClockUtil.setCurrentTime(Date.from(now));
        identity.setAuthentication(userId, new ArrayList<>(groups), new ArrayList<>(tenants));
        try {
            return filters.<Task>list(filterId).stream().filter(t -> seededProcesses.contains(t.getProcessInstanceId()))
                    .toList();
        } finally {
            identity.clearAuthentication();
            ClockUtil.reset();
        }
    }
}
