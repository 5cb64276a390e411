package dk.borgerflow.reporting;

import dk.borgerflow.testsupport.RoutingModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.inquiry.Channel;
import dk.borgerflow.inquiry.Inquiry;
import dk.borgerflow.inquiry.InquiryRequest;
import dk.borgerflow.inquiry.InquiryService;
import dk.borgerflow.security.CurrentUser;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * The read model follows the inquiries through the event publication registry: every change lands
 * in it without personal data, a projection that failed after the commit is delivered again and
 * catches up, and the whole model can be rebuilt from the inquiry table.
 */
@BorgerflowTest
class ReportingProjectionTest {

    static final String CPR = "0101801234";

    @Autowired
    InquiryService inquiries;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReportingProjection projection;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    ReadModelRebuild rebuild;

    @AfterEach
    void noInjectedFailure() {
        projection.injectFailure(null);
    }

    @Test
    void projectsARegisteredAndThenResolvedInquiryWithoutPersonalData() {
        Inquiry inquiry = aPhoneCallInSlagelse("Mette Jensen");

        await().atMost(Duration.ofSeconds(20)).until(() -> row(inquiry.id()) != null);
        assertThat(row(inquiry.id())).containsEntry("STATUS", "OPEN").containsEntry("FIRST_TIER", "CONTACT_CENTER")
                .containsEntry("CHANNEL", "PHONE").containsEntry("RESOLVED_AT_FIRST_TIER", false);

        resolveAtContactCenter(inquiry);

        await().atMost(Duration.ofSeconds(20)).until(() -> "CLOSED".equals(row(inquiry.id()).get("STATUS")));
        Map<String, Object> row = row(inquiry.id());
        assertThat(row).containsEntry("OUTCOME", "RESOLVED").containsEntry("RESOLVED_AT_FIRST_TIER", true).containsEntry("DEADLINE_MET", true)
                .containsEntry("ESCALATIONS", 0);
        assertThat(row.get("RESOLVED_AT")).isNotNull();
        assertThat((String) row.get("CITIZEN_KEY")).hasSize(64).doesNotContain(CPR);
        assertThat(row.values().toString()).doesNotContain(CPR).doesNotContain("Mette").doesNotContain("20304050");
    }

    @Test
    void aProjectionThatFailedAfterTheCommitIsDeliveredAgainAndCatchesUp() {
        projection.injectFailure(new IllegalStateException("read model unavailable (injected)"));

        Inquiry inquiry = aPhoneCallInSlagelse("Jens Hansen");

        // committed with its publication; the listener ran, failed, and left the publication incomplete
        await().atMost(Duration.ofSeconds(20)).until(() -> projection.refusedByInjection() > 0
                && incompletePublicationsOf(inquiry.id()) > 0);
        assertThat(row(inquiry.id())).isNull();
        assertThat(incompletePublicationsOf(inquiry.id())).isEqualTo(1);

        projection.injectFailure(null);
        // what the scheduled resubmission does every minute, and the start after a crash does at once
        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);

        await().atMost(Duration.ofSeconds(20)).until(() -> row(inquiry.id()) != null
                && incompletePublicationsOf(inquiry.id()) == 0);
        assertThat(row(inquiry.id())).containsEntry("STATUS", "OPEN").containsEntry("MUNICIPALITY", "slagelse");
    }

    @Test
    void theReadModelIsRebuiltFromTheInquiryTable() {
        Inquiry inquiry = aPhoneCallInSlagelse("Ole Olsen");
        await().atMost(Duration.ofSeconds(20)).until(() -> row(inquiry.id()) != null);
        Map<String, Object> before = row(inquiry.id());
        int inquiriesInTable = jdbc.queryForObject("select count(*) from inquiry", Integer.class);
        jdbc.update("delete from report_inquiry where id = ?", inquiry.id());

        int projected = rebuild.rebuild(count -> { });

        assertThat(projected).isEqualTo(inquiriesInTable);
        assertThat(jdbc.queryForObject("select count(*) from report_inquiry", Integer.class))
                .isEqualTo(inquiriesInTable);
        assertThat(row(inquiry.id())).isEqualTo(before);
    }

    private Inquiry aPhoneCallInSlagelse(String name) {
        var citizen = new InquiryRequest.CitizenRequest(CPR, name, "+45 20304050", null, false, 45, false, "da", null);
        return inquiries.receive(new InquiryRequest("slagelse", Channel.PHONE, "housing-benefit",
                "Spørger til boligstøtte", null, citizen), null, anAgentOf("slagelse")).inquiry();
    }

    private void resolveAtContactCenter(Inquiry inquiry) {
        Task task = tasks.createTaskQuery().processInstanceId(inquiry.processInstanceId()).singleResult();
        tasks.claim(task.getId(), "agent-slagelse");
        tasks.complete(task.getId(), Map.of("outcome", "RESOLVED", "note", "Svar givet i telefonen"));
    }

    static CurrentUser anAgentOf(String municipality) {
        return new CurrentUser("agent-" + municipality, new HashSet<>(RoutingModel.ANSWER_GROUPS), Set.of(municipality));
    }

    private Map<String, Object> row(String id) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from report_inquiry where id = ?", id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private int incompletePublicationsOf(String inquiryId) {
        return jdbc.queryForObject("select count(*) from event_publication where completion_date is null"
                + " and serialized_event like ?", Integer.class, "%" + inquiryId + "%");
    }
}
