package dk.borgerflow.demo;

import dk.borgerflow.consultation.ConsultationService;
import dk.borgerflow.deadline.WorkingTime;
import dk.borgerflow.inquiry.Inquiry;
import dk.borgerflow.inquiry.InquiryService;
import dk.borgerflow.inquiry.InquiryStatus;
import dk.borgerflow.municipality.MunicipalityCatalogue;
import dk.borgerflow.municipality.Tier;
import dk.borgerflow.security.CurrentUser;
import dk.borgerflow.security.Groups;
import dk.borgerflow.selfservice.SelfServiceCatalogue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * A contact center at work on an empty demo database: a few hundred inquiries of the past weeks over
 * every municipality, tier and channel, and two consultations, made through Borgerflow's own services
 * by the demo users ({@link CenterSimulation}). Runs once: the engine property {@value #MARKER} records
 * it, and a database that already holds inquiries or consultations is never seeded.
 * <p>
 * Only in the {@code demo} profile, never with {@code postgres} or production settings, only on an H2
 * database, and only with {@code borgerflow.demo.seed.enabled=true} (application-demo.yml; the tests
 * switch it off and run it themselves). It runs as a start-up task, after the demo users and committees
 * and before the job executor starts and the application accepts traffic: the simulation moves the
 * engine's clock through the past weeks, which nobody else may see. A first start takes that much
 * longer (progress is logged); every later start finds the marker and adds nothing.
 */
@Component
@Profile("demo & !postgres")
class DemoCenterSeed {

    static final String MARKER = "borgerflow.demo-seed";
    private static final Logger log = LoggerFactory.getLogger(DemoCenterSeed.class);
    private static final CurrentUser READER = new CurrentUser("admin", Set.of(Groups.ADMIN), Set.of());
    /** The seed's thousand registrations, escalations and answers are history, not news: their INFO lines are held back. */
    private static final List<String> QUIET_LOGGERS = List.of("dk.borgerflow.inquiry", "dk.borgerflow.consultation");

    /** What a run did: why it added nothing, or what it added. */
    record Result(String skipped, List<String> inquiryIds, List<String> consultationIds, int timersFired, int failures,
            Duration took) {

        static Result skipped(String why) {
            return new Result(why, List.of(), List.of(), 0, 0, Duration.ZERO);
        }

        boolean seeded() {
            return skipped == null;
        }
    }

    private final DemoSeedProperties properties;
    private final Environment environment;
    private final InquiryService inquiries;
    private final ConsultationService consultations;
    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;
    private final ProcessEngine engine;
    private final WorkingTime workingTime;
    private final SelfServiceCatalogue selfService;
    private final MunicipalityCatalogue catalogue;
    private final ObjectProvider<LoggingSystem> loggingSystem;

    DemoCenterSeed(DemoSeedProperties properties, Environment environment, InquiryService inquiries,
            ConsultationService consultations, TaskService tasks, ManagementService management, IdentityService identity,
            ProcessEngine engine, WorkingTime workingTime, SelfServiceCatalogue selfService,
            MunicipalityCatalogue catalogue, ObjectProvider<LoggingSystem> loggingSystem) {
        this.properties = properties;
        this.environment = environment;
        this.inquiries = inquiries;
        this.consultations = consultations;
        this.tasks = tasks;
        this.management = management;
        this.identity = identity;
        this.engine = engine;
        this.workingTime = workingTime;
        this.selfService = selfService;
        this.catalogue = catalogue;
        this.loggingSystem = loggingSystem;
    }

    /** After the demo users (5) and committees (6), before the job executor starts (the last ready listener). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void seedOnStartup() {
        if (!properties.enabled()) {
            log.info("Demo center seed is switched off (borgerflow.demo.seed.enabled=false)");
            return;
        }
        try {
            seedIfEmpty(ClockUtil.getCurrentTime().toInstant());
        } catch (RuntimeException e) {
            // the demo still starts, with whatever was seeded; the next start does not try again
            log.error("Demo center seed failed; the demo starts with what was seeded so far. Delete ./data for a "
                    + "fresh demo.", e);
        }
    }

    /**
     * Seeds a demo database that holds no inquiries and no consultations and was never seeded, playing the
     * weeks up to {@code end}; answers why not otherwise, adding nothing.
     */
    Result seedIfEmpty(Instant end) {
        String refused = refusal(environment);
        if (refused != null) {
            log.warn("Demo center seed refused: {}", refused);
            return Result.skipped(refused);
        }
        String marker = management.getProperties().get(MARKER);
        if (marker != null) {
            log.info("Demo center already seeded ({}); nothing added", marker);
            return Result.skipped("already seeded: " + marker);
        }
        if (inquiries.list(null, null, null, PageRequest.of(0, 1), READER).getTotalElements() > 0
                || !consultations.list(null, READER).isEmpty()) {
            log.info("The database already holds inquiries or consultations: the demo center is not seeded "
                    + "(delete ./data, or run deployments/demo/run.sh with RESET=1, for a fresh demo)");
            return Result.skipped("the database is not empty");
        }
        return seed(end);
    }

    /** Why this environment must not be seeded, or {@code null}. */
    static String refusal(Environment environment) {
        if (environment.acceptsProfiles(Profiles.of("postgres | production"))) {
            return "a production profile is active";
        }
        if (environment.getProperty("borgerflow.production.require-strong-admin-password", Boolean.class, false)) {
            return "production settings are active (borgerflow.production.require-strong-admin-password)";
        }
        if (!environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:")) {
            return "the database is not the demo's H2 database";
        }
        return null;
    }

    /** Plays the script up to {@code end} and writes the marker; the checks are the caller's ({@link #seedIfEmpty}). */
    Result seed(Instant end) {
        if (((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().isActive()) {
            // the simulation moves the engine's clock; a running job executor would fire timers at the wrong time
            return Result.skipped("the job executor is already running");
        }
        long started = System.nanoTime();
        Instant until = end.truncatedTo(ChronoUnit.SECONDS);
        List<DemoStories.Story> stories = new DemoStories(catalogue, workingTime, until, properties.weeks(),
                properties.randomSeed()).write(properties.inquiries(), properties.municipality());
        log.info("Seeding the demo center: {} inquiries and 2 consultations over the {} weeks up to {} "
                + "(once, on an empty demo database; this takes a while on the first start)", stories.size(),
                properties.weeks(), until);
        CenterSimulation simulation = new CenterSimulation(inquiries, tasks, management, identity, workingTime,
                selfService, until);
        stories.forEach(simulation::play);
        DemoConsultations demoConsultations = new DemoConsultations(consultations, simulation, workingTime,
                properties.municipality(), until);
        demoConsultations.play();
        Map<String, LogLevel> levels = quiet();
        try {
            simulation.run();
        } finally {
            restore(levels);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        List<String> ids = new ArrayList<>(simulation.inquiryIds().values());
        management.setProperty(MARKER, "v1 " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ": " + ids.size()
                + " inquiries, " + demoConsultations.ids().size() + " consultations up to " + until);
        log.info("Demo center seeded in {} s: {}; {} consultations; {} timers fired on the way{}", took.toSeconds(),
                summary(ids), demoConsultations.ids().size(), simulation.jobsFired(),
                simulation.failures() == 0 ? "" : "; " + simulation.failures() + " steps failed (see the warnings above)");
        return new Result(null, List.copyOf(ids), List.copyOf(demoConsultations.ids()), simulation.jobsFired(),
                simulation.failures(), took);
    }

    private String summary(List<String> ids) {
        Map<String, Integer> open = new TreeMap<>();
        int resolved = 0;
        int closed = 0;
        int waiting = 0;
        int escalated = 0;
        for (String id : ids) {
            Inquiry i = inquiries.get(id, READER);
            escalated += i.escalations().isEmpty() ? 0 : 1;
            if (i.status() == InquiryStatus.CLOSED) {
                closed++;
            } else if (i.status() == InquiryStatus.RESOLVED) {
                resolved++;
            } else if (i.deadlinePausedAt() != null) {
                waiting++;
            } else {
                String where = Groups.TEAM_LEAD.equals(i.candidateGroup()) ? "team lead"
                        : i.tier() == Tier.CONTACT_CENTER ? "contact center" : i.tier().name().toLowerCase();
                open.merge(where, 1, Integer::sum);
            }
        }
        return ids.size() + " inquiries (open at " + open + ", waiting for the citizen " + waiting
                + ", resolved and still waiting in self-service " + resolved + ", closed " + closed + "; "
                + escalated + " escalated)";
    }

    private Map<String, LogLevel> quiet() {
        LoggingSystem system = loggingSystem.getIfAvailable();
        Map<String, LogLevel> before = new java.util.HashMap<>();
        if (system == null) {
            return before;
        }
        for (String name : QUIET_LOGGERS) {
            LoggerConfiguration configuration = system.getLoggerConfiguration(name);
            before.put(name, configuration == null ? null : configuration.getConfiguredLevel());
            system.setLogLevel(name, LogLevel.WARN);
        }
        return before;
    }

    private void restore(Map<String, LogLevel> levels) {
        LoggingSystem system = loggingSystem.getIfAvailable();
        if (system != null) {
            levels.forEach(system::setLogLevel);
        }
    }
}
