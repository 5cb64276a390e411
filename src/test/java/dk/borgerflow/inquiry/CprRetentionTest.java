package dk.borgerflow.inquiry;

import static dk.borgerflow.inquiry.InquiryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import dk.borgerflow.BorgerflowTest;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** GDPR retention of the CPR number and of its access audit, with the clock moved (ClockUtil). */
@BorgerflowTest
class CprRetentionTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    InquiryService inquiries;
    @Autowired
    CprRetention retention;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    /** Today, at noon: far enough from midnight for every offset below. */
    final Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofHours(12));

    @BeforeEach
    void bindAssertionsToTheEngine() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    @Test
    void theCprNumberIsRemovedThirtyDaysAfterTheInquiryClosedAndKeptUntilThen() {
        at(start);
        Inquiry closedFirst = resolvedAtFirstContact(aPhoneCallAboutHousingBenefit(), "key-" + java.util.UUID.randomUUID());
        Inquiry stillOpen = inquiries.receive(aPhoneCallAboutHousingBenefit(), null, anAgentOfSlagelse()).inquiry();
        at(start.plus(Duration.ofDays(20)));
        Inquiry closedLater = resolvedAtFirstContact(aPhoneCallAboutHousingBenefit(), null);

        at(start.plus(Duration.ofDays(30)).plus(Duration.ofMinutes(1)));
        CprRetention.Result result = retention.run();

        assertThat(result.cprNumbersRemoved()).isGreaterThanOrEqualTo(1);
        assertThat(row(closedFirst)).containsEntry("CITIZEN_CPR", null).containsEntry("IDEMPOTENCY_HASH", null)
                .containsEntry("CITIZEN_NAME", "Mette Jensen").containsEntry("STATUS", "CLOSED")
                .containsEntry("SUMMARY", "Spørger til boligstøtte efter flytning");
        assertThat(row(closedLater)).containsEntry("CITIZEN_CPR", "0101801234");
        assertThat(row(stillOpen)).containsEntry("CITIZEN_CPR", "0101801234");
        assertThatThrownBy(() -> inquiries.revealCpr(closedFirst.id(), "Opslag efter lukning", anAgentOfSlagelse()))
                .isInstanceOf(InquiryNotFound.class);
        assertThat(inquiries.get(closedFirst.id(), anAgentOfSlagelse()).history()).isNotEmpty();

        at(start.plus(Duration.ofDays(50)).plus(Duration.ofMinutes(1)));
        retention.run();
        assertThat(row(closedLater)).containsEntry("CITIZEN_CPR", null);
        assertThat(row(stillOpen)).as("an open inquiry keeps it").containsEntry("CITIZEN_CPR", "0101801234");
    }

    @Test
    void whoReadACprNumberIsKeptTwoYearsAfterTheRead() {
        at(start);
        Inquiry inquiry = inquiries.receive(aPhoneCallAboutHousingBenefit(), null, anAgentOfSlagelse()).inquiry();
        inquiries.revealCpr(inquiry.id(), "Adresseopslag", anAgentOfSlagelse());
        at(start.atOffset(ZoneOffset.UTC).plus(Period.ofYears(1)).toInstant());
        inquiries.revealCpr(inquiry.id(), "Opfølgning et år senere", anAgentOfSlagelse());

        at(start.atOffset(ZoneOffset.UTC).plus(Period.ofYears(2)).toInstant().plus(Duration.ofMinutes(1)));
        CprRetention.Result result = retention.run();

        assertThat(result.accessesDeleted()).isGreaterThanOrEqualTo(1);
        assertThat(inquiries.cprAccessLog(inquiry.id(), anAgentOfSlagelse())).extracting(CprAccess::purpose)
                .containsExactly("Opfølgning et år senere");
    }

    @Test
    void aSecondRunAndTwoNodesRunningAtOnceRemoveEachNumberOnce() throws Exception {
        at(start);
        List<Inquiry> closed = java.util.stream.IntStream.range(0, 7)
                .mapToObj(i -> resolvedAtFirstContact(aPhoneCallAboutHousingBenefit(), null)).toList();
        at(start.plus(Duration.ofDays(31)));
        long due = jdbc.queryForObject("select count(*) from inquiry where closed_at < ? and citizen_cpr is not null",
                Long.class, start.plus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC));
        // two nodes with small batches, released at the same moment
        CprRetention node1 = new CprRetention(jdbc, transaction, new CprRetentionProperties(null, null, 2));
        CprRetention node2 = new CprRetention(jdbc, transaction, new CprRetentionProperties(null, null, 2));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<CprRetention.Result> results;
        try {
            results = dk.borgerflow.testsupport.AtOnce.run(threads, node1::run, node2::run);
        } finally {
            threads.shutdownNow();
        }

        assertThat(results.stream().mapToInt(CprRetention.Result::cprNumbersRemoved).sum()).isEqualTo(due);
        assertThat(closed).allSatisfy(i -> assertThat(row(i)).containsEntry("CITIZEN_CPR", null));
        assertThat(retention.run()).isEqualTo(new CprRetention.Result(0, 0));
    }

    // ---- fixtures and helpers ----

    private Inquiry resolvedAtFirstContact(InquiryRequest request, String idempotencyKey) {
        Inquiry inquiry = inquiries.receive(request, idempotencyKey, anAgentOfSlagelse()).inquiry();
        ProcessInstance process = runtimeService().createProcessInstanceQuery()
                .processInstanceId(inquiry.processInstanceId()).singleResult();
        Task task = task(process);
        claim(task, "agent-slagelse");
        complete(task, Map.of("outcome", "RESOLVED", "note", "Forklaret reglerne"));
        assertThat(inquiries.get(inquiry.id(), anAgentOfSlagelse()).status()).isEqualTo(InquiryStatus.CLOSED);
        return inquiry;
    }

    private Map<String, Object> row(Inquiry inquiry) {
        return jdbc.queryForMap("select * from inquiry where id = ?", inquiry.id());
    }

    private static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
