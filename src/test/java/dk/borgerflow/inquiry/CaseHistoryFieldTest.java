package dk.borgerflow.inquiry;

import static dk.borgerflow.inquiry.InquiryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.testsupport.EngineRest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The worker who receives an escalated inquiry reads in the form's "Forløb" (Swedish "Förlopp") why and
 * when it escalated, from which tier, and what was done before: made from the inquiry's own history and
 * escalations, in the municipality's language. The field is read-only: no client can change it.
 */
@BorgerflowTest
class CaseHistoryFieldTest {

    /** A working Wednesday morning in Copenhagen and Stockholm. */
    static final Instant WEDNESDAY_MORNING = Instant.parse("2027-03-03T08:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    InquiryService inquiries;
    @Autowired
    InquiryRepository repository;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @BeforeEach
    void startTheClock() {
        ClockUtil.setCurrentTime(Date.from(WEDNESDAY_MORNING));
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    @Test
    void theDeskSeesWhyWhenAndFromWhereAnInquiryEscalatedAndWhatTheContactCenterDid() throws Exception {
        Inquiry inquiry = inquiries.receive(aPhoneCallAboutHousingBenefit(), null, anAgentOfSlagelse()).inquiry();
        Task answer = taskOf(inquiry);
        assertThat(tasks.getVariable(answer.getId(), ProcessConstants.VAR_CASE_HISTORY)).isNull();
        claim(answer, "agent-slagelse");
        HttpResponse<String> callback = as("agent-slagelse").postJson("/engine-rest/task/" + answer.getId() + "/complete",
                "{\"variables\": {\"outcome\": {\"value\": \"CALLBACK\"}, \"note\": {\"value\": \"Ringede op, intet svar\"}}}");
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(204);

        Instant breach = escalate(inquiry);
        Task atDesk = taskOf(inquiry);
        assertThat(atDesk.getTaskDefinitionKey()).isEqualTo("Task_HandleAtDesk");
        String forlob = (String) tasks.getVariable(atDesk.getId(), ProcessConstants.VAR_CASE_HISTORY);
        assertThat(forlob).startsWith("Eskaleret ").contains("fra Kontaktcenter til Borgerservice")
                .contains("fristen for svar ved Kontaktcenter blev overskredet")
                .contains("Forløbet indtil nu:")
                .contains("(agent-slagelse): Kræver tilbagering: \"Ringede op, intet svar\"")
                .contains("Kontaktcenter → Borgerservice (systemet): Eskaleret");
        // when, in the municipality's time (CET): the escalation happened at the breach
        assertThat(forlob).contains(java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                .withZone(java.time.ZoneId.of("Europe/Copenhagen")).format(breach));
        assertThat(forlob.indexOf("Ringede op")).isLessThan(forlob.indexOf("(systemet): Eskaleret"));

        // the desk's form shows it, read-only
        JsonNode form = json.readTree(as("desk-slagelse").get("/engine-rest/task/" + atDesk.getId() + "/deployed-form")
                .body());
        assertThat(form.get("id").asText()).isEqualTo("form-handle-at-desk");
        assertThat(form.get("components")).anySatisfy(c -> {
            assertThat(c.path("key").asText()).isEqualTo("caseHistory");
            assertThat(c.path("label").asText()).isEqualTo("Forløb");
            assertThat(c.path("readonly").asBoolean()).isTrue();
        });
        // Tasklist sends the read-only field back unchanged, which completes the task
        claim(atDesk, "desk-slagelse");
        HttpResponse<String> done = as("desk-slagelse").postJson("/engine-rest/task/" + atDesk.getId() + "/complete",
                "{\"variables\": {\"outcome\": {\"value\": \"SPECIALIST\"}, \"note\": {\"value\": \"Videre til fagområdet\"},"
                        + " \"caseHistory\": {\"value\": " + json.writeValueAsString(forlob) + "}}}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        String atSpecialist = (String) tasks.getVariable(taskOf(inquiry).getId(), ProcessConstants.VAR_CASE_HISTORY);
        assertThat(atSpecialist).contains("Borgerservice → Fagspecialist (desk-slagelse): Overdraget til fagspecialist: "
                + "\"Videre til fagområdet\"");
    }

    @Test
    void spangaTenstasWorkersReadTheirFörloppInSwedish() throws Exception {
        Inquiry inquiry = inquiries.receive(new InquiryRequest("spanga-tensta", Channel.PHONE, "housing-benefit",
                "Frågar om bostadsbidrag", null, anOrdinaryCitizen()), null, anAgentOf("spanga-tensta")).inquiry();
        // routing.dmn sends Spånga-Tensta's housing benefit calls to the medborgarkontor
        escalate(inquiry);
        Task atSpecialist = taskOf(inquiry);
        String forlopp = (String) tasks.getVariable(atSpecialist.getId(), ProcessConstants.VAR_CASE_HISTORY);
        assertThat(forlopp).startsWith("Eskalerat ").contains("från Medborgarkontor till Handläggare")
                .contains("tidsfristen för svar hos Medborgarkontor passerades")
                .contains("Förloppet hittills:").contains("Mottaget och fördelat").contains("(systemet): Eskalerat")
                .doesNotContain("Eskaleret").doesNotContain("Borgerservice");
        JsonNode form = json.readTree(as("specialist-spanga-tensta").get("/engine-rest/task/" + atSpecialist.getId()
                + "/deployed-form").body());
        assertThat(form.get("id").asText()).isEqualTo("form-handle-by-specialist-sv");
        assertThat(form.get("components")).anySatisfy(c -> {
            assertThat(c.path("key").asText()).isEqualTo("caseHistory");
            assertThat(c.path("label").asText()).isEqualTo("Förlopp");
        });
    }

    @Test
    void noClientCanRewriteTheFörlopp() throws Exception {
        Inquiry inquiry = inquiries.receive(aPhoneCallAboutHousingBenefit(), null, anAgentOfSlagelse()).inquiry();
        escalate(inquiry);
        Task atDesk = taskOf(inquiry);
        String before = (String) tasks.getVariable(atDesk.getId(), ProcessConstants.VAR_CASE_HISTORY);
        assertThat(before).contains("Eskaleret");
        int stepsBefore = inTransaction(() -> repository.findById(inquiry.id()).orElseThrow().history().size());
        claim(atDesk, "desk-slagelse");
        EngineRest desk = as("desk-slagelse");

        HttpResponse<String> completed = desk.postJson("/engine-rest/task/" + atDesk.getId() + "/complete",
                "{\"variables\": {\"outcome\": {\"value\": \"RESOLVED\"}, \"feedback\": {\"value\": \"Svar\"},"
                        + " \"note\": {\"value\": \"Klaret\"}, \"caseHistory\": {\"value\": \"Intet eskaleret her\"}}}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(400);
        assertThat(completed.body()).contains("caseHistory");
        HttpResponse<String> submitted = desk.postJson("/engine-rest/task/" + atDesk.getId() + "/submit-form",
                "{\"variables\": {\"outcome\": {\"value\": \"RESOLVED\"}, \"feedback\": {\"value\": \"Svar\"},"
                        + " \"note\": {\"value\": \"Klaret\"}, \"caseHistory\": {\"value\": \"Intet eskaleret her\"}}}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(400);
        HttpResponse<String> taskVariable = desk.putJson("/engine-rest/task/" + atDesk.getId()
                + "/variables/caseHistory", "{\"value\": \"Intet eskaleret her\", \"type\": \"String\"}");
        assertThat(taskVariable.statusCode()).as(taskVariable.body()).isBetween(400, 403);
        HttpResponse<String> processVariable = desk.postJson("/engine-rest/process-instance/"
                + inquiry.processInstanceId() + "/variables",
                "{\"modifications\": {\"caseHistory\": {\"value\": \"Intet eskaleret her\"}}}");
        assertThat(processVariable.statusCode()).as(processVariable.body()).isBetween(400, 403);

        // nothing changed: the task is open at the desk, the Forløb and the inquiry as they were
        Task still = tasks.createTaskQuery().taskId(atDesk.getId()).singleResult();
        assertThat(still).isNotNull();
        assertThat(tasks.getVariable(atDesk.getId(), ProcessConstants.VAR_CASE_HISTORY)).isEqualTo(before);
        assertThat(runtime.getVariable(inquiry.processInstanceId(), ProcessConstants.VAR_CASE_HISTORY)).isEqualTo(before);
        inTransaction(() -> {
            Inquiry reloaded = repository.findById(inquiry.id()).orElseThrow();
            assertThat(reloaded.status()).isEqualTo(InquiryStatus.OPEN);
            assertThat(reloaded.tier()).isEqualTo(dk.borgerflow.municipality.Tier.DESK);
            assertThat(reloaded.history()).hasSize(stepsBefore);
            return null;
        });
    }

    /** Moves the clock past the inquiry's deadline and fires its due timers: up one tier. Answers the breach. */
    private Instant escalate(Inquiry inquiry) {
        Instant due = repository.findById(inquiry.id()).orElseThrow().dueAt();
        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
        for (int i = 0; i < 10; i++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(inquiry.processInstanceId())
                    .duedateLowerThan(Date.from(due.plusSeconds(61))).listPage(0, 1);
            if (jobs.isEmpty()) {
                break;
            }
            management.executeJob(jobs.get(0).getId());
        }
        assertThat(inTransaction(() -> repository.findById(inquiry.id()).orElseThrow().escalations().size()))
                .isPositive();
        return due;
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return new org.springframework.transaction.support.TransactionTemplate(transactions).execute(s -> work.get());
    }

    private void claim(Task task, String user) throws Exception {
        HttpResponse<String> claimed = as(user).postJson("/engine-rest/task/" + task.getId() + "/claim",
                "{\"userId\": \"" + user + "\"}");
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
    }

    private Task taskOf(Inquiry inquiry) {
        return tasks.createTaskQuery().processInstanceId(inquiry.processInstanceId()).singleResult();
    }

    private EngineRest as(String user) {
        return new EngineRest("http://127.0.0.1:" + port, user, "demo");
    }
}
