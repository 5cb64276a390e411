package dk.borgerflow.reporting;

import static dk.borgerflow.reporting.ReportFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.borgerflow.BorgerflowApplication;
import dk.borgerflow.inquiry.Channel;
import dk.borgerflow.inquiry.InquiryFacts;
import dk.borgerflow.inquiry.InquiryRequest;
import dk.borgerflow.inquiry.InquiryService;
import dk.borgerflow.testsupport.PostgresTestDatabase;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Reporting on PostgreSQL: the event publication registry's table (Flyway V40, validated by
 * Hibernate), the projection and its catch-up after a failed delivery, the KPI SQL against the
 * hand-computed fixtures, and the bulk history generator.
 */
@SpringBootTest(classes = BorgerflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=${borgerflow.it.db-url:jdbc:postgresql://127.0.0.1:5432/test}",
                "spring.datasource.username=${borgerflow.it.db-user:postgres}",
                "borgerflow.production.require-strong-admin-password=false",
                "borgerflow.admin.password=it-Reporting-Password-2026",
                "camunda.bpm.generic-properties.properties.enable-password-policy=false",
                "borgerflow.demo.seed.enabled=false",
                "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"demo", "postgres"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReportingPostgresIT {

    @BeforeAll
    static void emptySchema() {
        PostgresTestDatabase.resetSchema();
    }

    @Autowired InquiryService inquiries;
    @Autowired ReportingProjection projection;
    @Autowired IncompleteEventPublications incomplete;
    @Autowired ReadModel readModel;
    @Autowired KpiService kpis;
    @Autowired DemoHistory history;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anInquiryReachesTheReadModelAlsoAfterAFailedDelivery() {
        projection.injectFailure(new IllegalStateException("read model unavailable (injected)"));
        String id;
        try {
            id = inquiries.receive(new InquiryRequest("slagelse", Channel.PHONE, "housing-benefit", "Boligstøtte", null,
                    new InquiryRequest.CitizenRequest("0101801234", "Mette Jensen", "+45 20304050", null, false, 45,
                            false, "da", null)), null, ReportingProjectionTest.anAgentOf("slagelse")).inquiry().id();
            String inquiry = id;
            await().atMost(Duration.ofSeconds(30)).until(() -> projection.refusedByInjection() > 0 && jdbc.queryForObject(
                    "select count(*) from event_publication where completion_date is null and serialized_event like ?",
                    Integer.class, "%" + inquiry + "%") == 1);
            assertThat(jdbc.queryForObject("select count(*) from report_inquiry where id = ?", Integer.class, id)).isZero();
        } finally {
            projection.injectFailure(null);
        }
        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);

        String inquiry = id;
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from report_inquiry where id = ? and status = 'OPEN'", Integer.class, inquiry) == 1);
        assertThat(jdbc.queryForObject("select count(*) from event_publication where completion_date is null",
                Integer.class)).isZero();
    }

    @Test
    void theKpiSqlGivesTheHandComputedFiguresOnPostgres() {
        String citizen = aCitizen();
        for (InquiryFacts f : List.of(
                resolvedAtContactCenter(EGEDAL, Channel.PHONE, "2024-12-05T10:00", "2024-12-05T10:15", "2024-12-09T10:00",
                        citizen),
                resolvedAtContactCenter(EGEDAL, Channel.PHONE, "2024-12-02T09:00", "2024-12-02T09:30", "2024-12-04T09:00",
                        citizen),
                aLetterAnsweredOverChristmas(), anEmailEscalatedToTheDeskAndResolved(), aWebInquirySolvedBySelfService(),
                anOpenCallWithInterpreter(EGEDAL))) {
            readModel.project(f);
        }

        Kpis.Figures total = kpis.kpis(List.of(EGEDAL), LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 31), "week",
                Duration.ofDays(7)).total();

        assertThat(total.volume()).isEqualTo(6);
        assertThat(total.fcrPercent()).isEqualTo(60.0);
        assertThat(total.repeatContacts()).isEqualTo(1);
        assertThat(total.deadlinesMetPercent()).isEqualTo(75.0);
        assertThat(total.escalations()).containsEntry("CONTACT_CENTER→DESK", 1L);
        assertThat(total.handlingTime().workingP90Hours()).isEqualTo(30.0);
        assertThat(total.handlingTime().clockP90Hours()).isEqualTo(167.0);
    }

    @Test
    void generatedHistoryIsQueried() {
        YearMonth last = YearMonth.of(2023, 12);
        int written = history.generate(5_000, 12, last, 3, n -> { });
        try {
            Kpis year = kpis.kpis(List.of("slagelse"), LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), "month",
                    Duration.ofDays(7));
            assertThat(year.groups()).hasSize(12);
            assertThat(year.total().volume()).isPositive();
            assertThat(year.total().sharePercent()).isBetween(1.0, 50.0);
            assertThat(written).isGreaterThanOrEqualTo(5_000);
        } finally {
            history.remove();
        }
    }
}
