package dk.borgerflow.inquiry;

import dk.borgerflow.testsupport.RoutingModel;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.testsupport.TasklistSession;
import dk.borgerflow.operations.EngineFaultInjection;
import dk.borgerflow.testsupport.AtOnce;
import dk.borgerflow.testsupport.EngineRest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Only the failures we understand are remapped: a lost race answers 409/404 and logs no ERROR line, a
 * domain rule answers 409 with its message; a real failure inside the engine stays a 500 with an
 * ERROR line, on engine-rest and in Tasklist, and changes nothing.
 */
@BorgerflowTest
@ExtendWith(OutputCaptureExtension.class)
class HonestEngineErrorsTest {

    /** A log line at level ERROR in Spring Boot's console format. */
    static final Pattern ERROR_LINE = Pattern.compile("(?m)^\\S+\\s+ERROR\\s");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;

    ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void aSecondAgentOfSlagelse() {
        if (identity.createUserQuery().userId(ConcurrentTaskWorkTest.SECOND_AGENT).count() == 0) {
            var user = identity.newUser(ConcurrentTaskWorkTest.SECOND_AGENT);
            user.setPassword("demo");
            identity.saveUser(user);
            RoutingModel.ANSWER_GROUPS.forEach(g -> identity.createMembership(ConcurrentTaskWorkTest.SECOND_AGENT, g));
            identity.createTenantUserMembership("slagelse", ConcurrentTaskWorkTest.SECOND_AGENT);
        }
    }

    @AfterEach
    void cleanUp() {
        threads.shutdownNow();
        EngineFaultInjection.disarm();
    }

    @Test
    void colleaguesRacingForOneTaskGetClearAnswersAndLogNoErrorLine(CapturedOutput output) throws Exception {
        // one after the other: the second completes a task that is gone
        String first = openTaskOf(aPhoneCallInSlagelse());
        assertThat(agent().postJson(complete(first), handOverToDesk("først")).statusCode()).isEqualTo(204);
        HttpResponse<String> late = secondAgent().postJson(complete(first), handOverToDesk("for sent"));
        assertThat(late.statusCode()).isEqualTo(404);
        assertThat(secondAgent().postJson(claim(first), claimFor(ConcurrentTaskWorkTest.SECOND_AGENT)).statusCode())
                .isEqualTo(404);
        // at the same moment: claims and completes
        for (int round = 0; round < 3; round++) {
            String task = openTaskOf(aPhoneCallInSlagelse());
            List<HttpResponse<String>> claims = AtOnce.run(threads,
                    () -> agent().postJson(claim(task), claimFor("agent-slagelse")),
                    () -> secondAgent().postJson(claim(task), claimFor(ConcurrentTaskWorkTest.SECOND_AGENT)));
            assertThat(claims).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(204, 409);
            String next = openTaskOf(aPhoneCallInSlagelse());
            List<HttpResponse<String>> completes = AtOnce.run(threads,
                    () -> agent().postJson(complete(next), handOverToDesk("første")),
                    () -> secondAgent().postJson(complete(next), handOverToDesk("anden")));
            assertThat(completes).extracting(HttpResponse::statusCode).as(AtOnce.describe(completes))
                    .containsOnlyOnce(204).allMatch(s -> s == 204 || s == 409 || s == 404);
        }

        assertThat(ERROR_LINE.matcher(output.getAll()).find()).as(output.getAll()).isFalse();
    }

    @Test
    void inTasklistToo_submittingTheFormOfATaskAColleagueJustCompletedIsA404AndNoErrorLine(CapturedOutput output)
            throws Exception {
        String task = openTaskOf(aPhoneCallInSlagelse());
        assertThat(agent().postJson(complete(task), handOverToDesk("først")).statusCode()).isEqualTo(204);
        var tasklist = TasklistSession.logIn(base(), ConcurrentTaskWorkTest.SECOND_AGENT, "demo");

        HttpResponse<String> late = tasklist.postJson("/camunda/api/engine/engine/default/task/" + task + "/submit-form",
                handOverToDesk("for sent"));

        assertThat(late.statusCode()).as(late.body()).isEqualTo(404);
        assertThat(json.readTree(late.body()).get("message").asText()).contains("no longer exists");
        assertThat(ERROR_LINE.matcher(output.getAll()).find()).as(output.getAll()).isFalse();
    }

    @Test
    void aDomainRuleRefusingInsideTheCompletionIsA409WithItsMessageAndNoErrorLine(CapturedOutput output)
            throws Exception {
        JsonNode inquiry = aPhoneCallInSlagelse();
        String task = openTaskOf(inquiry);
        // meanwhile the inquiry moved to the desk (as if another request had handed it over)
        jdbc.update("update inquiry set tier = 'DESK' where id = ?", inquiry.get("id").asText());

        HttpResponse<String> refused = agent().postJson(complete(task), handOverToDesk("note"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(json.readTree(refused.body()).get("message").asText()).contains("trinnet");
        assertThat(tasks.createTaskQuery().taskId(task).count()).as("nothing completed").isOne();
        assertThat(ERROR_LINE.matcher(output.getAll()).find()).as(output.getAll()).isFalse();
    }

    /** A bug in a delegate or listener: a plain runtime exception, or one of the engine's own. */
    static java.util.stream.Stream<RuntimeException> realFailures() {
        return java.util.stream.Stream.of(new IllegalStateException(EngineFaultInjection.FAULT),
                new NullPointerException(EngineFaultInjection.FAULT),
                new org.camunda.bpm.engine.ProcessEngineException(EngineFaultInjection.FAULT),
                // a bad request of the engine from inside our code is our bug, not the user's conflict
                new org.camunda.bpm.engine.BadUserRequestException(EngineFaultInjection.FAULT));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("realFailures")
    void aRealFailureInsideTheEngineIsA500WithALogLineAndChangesNothing(RuntimeException fault, CapturedOutput output)
            throws Exception {
        JsonNode inquiry = aPhoneCallInSlagelse();
        String task = openTaskOf(inquiry);
        String historyBefore = historyOf(inquiry);
        EngineFaultInjection.failCompletionOf(task, fault);

        HttpResponse<String> failed = agent().postJson(complete(task), handOverToDesk("note"));

        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(500);
        assertThat(output.getAll()).containsPattern(logLineOf(fault));
        assertThat(tasks.createTaskQuery().taskId(task).count()).as("rolled back: the task is open").isOne();
        assertThat(historyOf(inquiry)).isEqualTo(historyBefore);
    }

    @Test
    void inTasklistToo_aRealFailureInsideTheEngineIsA500WithAnErrorLine(CapturedOutput output) throws Exception {
        JsonNode inquiry = aPhoneCallInSlagelse();
        String task = openTaskOf(inquiry);
        String historyBefore = historyOf(inquiry);
        EngineFaultInjection.failCompletionOf(task, new org.camunda.bpm.engine.ProcessEngineException(
                EngineFaultInjection.FAULT));
        var tasklist = TasklistSession.logIn(base(), "agent-slagelse", "demo");

        HttpResponse<String> failed = tasklist.postJson("/camunda/api/engine/engine/default/task/" + task
                + "/submit-form", handOverToDesk("note"));

        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(500);
        assertThat(output.getAll()).containsPattern(ERROR_LINE.pattern() + ".*ENGINE-16004.*" + EngineFaultInjection.FAULT);
        assertThat(tasks.createTaskQuery().taskId(task).count()).isOne();
        assertThat(historyOf(inquiry)).isEqualTo(historyBefore);
    }

    /**
     * The engine logs a failed command at ERROR; a bad request of its own it logs at DEBUG (Camunda's
     * choice), and engine-rest then logs the 500 it answers at WARN (ENGINE-REST-HTTP500).
     */
    private static String logLineOf(RuntimeException fault) {
        return fault instanceof org.camunda.bpm.engine.BadUserRequestException
                ? "(?m)^\\S+\\s+WARN\\s.*ENGINE-REST-HTTP500.*" + EngineFaultInjection.FAULT
                : ERROR_LINE.pattern() + ".*ENGINE-16004.*" + EngineFaultInjection.FAULT;
    }

    // ---- fixtures and helpers ----

    private JsonNode aPhoneCallInSlagelse() throws Exception {
        HttpResponse<String> created = agent().postJson("/api/inquiries", InquiryApiTest.A_PHONE_CALL
                .replace("\"receivedAt\":\"2026-11-20T09:15:00+01:00\",", ""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body());
    }

    private String openTaskOf(JsonNode inquiry) {
        return tasks.createTaskQuery().processInstanceId(inquiry.get("processInstanceId").asText())
                .singleResult().getId();
    }

    private String historyOf(JsonNode inquiry) {
        return jdbc.queryForList("select position, to_tier, actor, outcome from inquiry_history where inquiry_id = ?"
                + " order by position", inquiry.get("id").asText()) + " "
                + jdbc.queryForMap("select tier, status, candidate_group from inquiry where id = ?",
                        inquiry.get("id").asText());
    }

    private static String handOverToDesk(String note) {
        return """
                {"variables":{"outcome":{"value":"DESK","type":"String"},
                 "note":{"value":"%s","type":"String"}}}""".formatted(note);
    }

    private static String claimFor(String user) {
        return "{\"userId\":\"" + user + "\"}";
    }

    private static String claim(String task) {
        return "/engine-rest/task/" + task + "/claim";
    }

    private static String complete(String task) {
        return "/engine-rest/task/" + task + "/complete";
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private EngineRest agent() {
        return new EngineRest(base(), "agent-slagelse", "demo");
    }

    private EngineRest secondAgent() {
        return new EngineRest(base(), ConcurrentTaskWorkTest.SECOND_AGENT, "demo");
    }
}
