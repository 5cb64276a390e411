package dk.borgerflow.inquiry;

import dk.borgerflow.security.CurrentUser;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * "No citizen lost": proves that every open inquiry has a live process instance, an active task
 * with a candidate group or assignee, and a deadline (or, while it waits for the citizen, a timer
 * that brings it back), that resolved inquiries still have their process, and that closed ones
 * have none. Runs on a schedule, on demand ({@code GET /api/watchdog}), as the health component
 * {@code lostInquiries} and as the gauge {@code borgerflow.inquiries.lost}. One query per rule over
 * our table and Camunda's runtime tables, so it stays cheap with many open inquiries.
 */
@Component("lostInquiries")
class LostInquiryWatchdog implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(LostInquiryWatchdog.class);
    private static final int MAX_LISTED = 100;

    private static final String LIVE_PROCESS = "exists (select 1 from act_ru_execution e where e.id_ = i.process_instance_id)";
    private static final String RESPONSIBLE_TASK = """
            exists (select 1 from act_ru_task t where t.proc_inst_id_ = i.process_instance_id
              and (t.assignee_ is not null or exists (select 1 from act_ru_identitylink l
                   where l.task_id_ = t.id_ and l.type_ = 'candidate'
                     and (l.group_id_ is not null or l.user_id_ is not null))))""";

    /** Each rule: what is wrong (Danish, shown to team leads) and the condition that finds it. */
    private static final List<String[]> RULES = List.of(
            new String[] {"Ingen levende proces", "i.status in ('OPEN', 'RESOLVED') and not " + LIVE_PROCESS},
            new String[] {"Ingen aktiv opgave med en ansvarlig gruppe eller person",
                    "i.status = 'OPEN' and i.deadline_paused_at is null and " + LIVE_PROCESS + " and not "
                            + RESPONSIBLE_TASK},
            new String[] {"Ingen frist", "i.status = 'OPEN' and i.deadline_paused_at is null and (i.due_at is null "
                    + "or exists (select 1 from act_ru_task t where t.proc_inst_id_ = i.process_instance_id "
                    + "and t.due_date_ is null))"},
            new String[] {"Venter på borgeren uden tidsgrænse", "i.status = 'OPEN' and i.deadline_paused_at is not "
                    + "null and not exists (select 1 from act_ru_job j where j.process_instance_id_ = "
                    + "i.process_instance_id)"},
            new String[] {"Lukket, men processen kører stadig", "i.status = 'CLOSED' and " + LIVE_PROCESS});

    record LostInquiry(String id, String municipality, String status, String problem) {
    }

    record Report(Instant checkedAt, long openInquiries, long lost, List<LostInquiry> inquiries) {

        Report visibleTo(CurrentUser user) {
            List<LostInquiry> mine = inquiries.stream().filter(i -> user.canAccess(i.municipality())).toList();
            return user.isAdmin() ? this : new Report(checkedAt, openInquiries, mine.size(), mine);
        }
    }

    private final JdbcTemplate jdbc;
    private final Duration maxAge;
    private final AtomicReference<Report> last = new AtomicReference<>();

    LostInquiryWatchdog(JdbcTemplate jdbc, MeterRegistry registry,
            @Value("${borgerflow.watchdog.interval:PT5M}") Duration interval) {
        this.jdbc = jdbc;
        this.maxAge = interval.multipliedBy(2);
        Gauge.builder("borgerflow.inquiries.lost", () -> last.get() == null ? 0 : last.get().lost())
                .description("Open inquiries without live process, responsible task or deadline").register(registry);
    }

    /** Checks now and remembers the result. */
    Report check() {
        List<LostInquiry> lost = new ArrayList<>();
        long total = 0;
        for (String[] rule : RULES) {
            total += jdbc.queryForObject("select count(*) from inquiry i where " + rule[1], Long.class);
            if (lost.size() < MAX_LISTED) {
                lost.addAll(jdbc.query("select i.id, i.municipality, i.status from inquiry i where " + rule[1]
                                + " order by i.received_at", (rs, n) -> new LostInquiry(rs.getString(1),
                                rs.getString(2), rs.getString(3), rule[0]))
                        .stream().limit(MAX_LISTED - lost.size()).toList());
            }
        }
        long open = jdbc.queryForObject("select count(*) from inquiry where status = 'OPEN'", Long.class);
        Report report = new Report(InquiryService.now(), open, total, List.copyOf(lost));
        last.set(report);
        return report;
    }

    @Scheduled(initialDelayString = "${borgerflow.watchdog.initial-delay:PT1M}",
            fixedDelayString = "${borgerflow.watchdog.interval:PT5M}")
    void scheduledCheck() {
        Report report = check();
        if (report.lost() > 0) {
            log.warn("Watchdog: {} inquiries are at risk of being lost: {}", report.lost(),
                    report.inquiries().stream().map(i -> i.id() + " (" + i.problem() + ")").toList());
        }
    }

    @Override
    public Health health() {
        Report report = last.get();
        if (report == null || report.checkedAt().isBefore(InquiryService.now().minus(maxAge))) {
            report = check();
        }
        Health.Builder health = report.lost() == 0 ? Health.up() : Health.down();
        return health.withDetail("openInquiries", report.openInquiries()).withDetail("lost", report.lost())
                .withDetail("checkedAt", report.checkedAt().toString()).build();
    }
}
