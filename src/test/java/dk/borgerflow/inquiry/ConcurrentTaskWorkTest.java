package dk.borgerflow.inquiry;

import dk.borgerflow.testsupport.RoutingModel;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.testsupport.TasklistSession;
import dk.borgerflow.testsupport.AtOnce;
import dk.borgerflow.testsupport.EngineRest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two agents working the same task at the same moment, over real HTTP on engine-rest (what
 * Tasklist does), with real threads released together by a start gate: one wins, the other gets a
 * clear 409 (or 404 when the task is already gone), never a 500, and the inquiry records one outcome.
 */
@BorgerflowTest
class ConcurrentTaskWorkTest {

    static final String SECOND_AGENT = "agent2-slagelse";
    static final int ROUNDS = 5;

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;

    ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void aSecondAgentOfSlagelse() {
        if (identity.createUserQuery().userId(SECOND_AGENT).count() == 0) {
            var user = identity.newUser(SECOND_AGENT);
            user.setFirstName("Kontaktcenter 2");
            user.setLastName("Slagelse");
            user.setPassword("demo");
            identity.saveUser(user);
            RoutingModel.ANSWER_GROUPS.forEach(g -> identity.createMembership(SECOND_AGENT, g));
            identity.createTenantUserMembership("slagelse", SECOND_AGENT);
        }
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void twoAgentsClaimingTheSameTaskAtOnceGetOneWinnerAndOneClear409() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String task = openTaskOf(aPhoneCallInSlagelse());

            List<HttpResponse<String>> answers = AtOnce.run(threads,
                    () -> agent().postJson(claim(task), "{\"userId\":\"agent-slagelse\"}"),
                    () -> secondAgent().postJson(claim(task), "{\"userId\":\"" + SECOND_AGENT + "\"}"));

            assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(204, 409);
            HttpResponse<String> winner = answers.get(0).statusCode() == 204 ? answers.get(0) : answers.get(1);
            HttpResponse<String> loser = winner == answers.get(0) ? answers.get(1) : answers.get(0);
            JsonNode problem = json.readTree(loser.body());
            assertThat(problem.get("type").asText()).isIn("TaskAlreadyClaimedException", "OptimisticLockingException");
            assertThat(problem.get("message").asText()).containsAnyOf("already been claimed", "at the same time");
            String expectedAssignee = winner == answers.get(0) ? "agent-slagelse" : SECOND_AGENT;
            assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(expectedAssignee);
        }
    }

    @Test
    void claimingATaskSomeoneElseHoldsIsA409NamingTheReason() throws Exception {
        String task = openTaskOf(aPhoneCallInSlagelse());
        assertThat(agent().postJson(claim(task), "{\"userId\":\"agent-slagelse\"}").statusCode()).isEqualTo(204);

        HttpResponse<String> late = secondAgent().postJson(claim(task), "{\"userId\":\"" + SECOND_AGENT + "\"}");

        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(json.readTree(late.body()).get("type").asText()).isEqualTo("TaskAlreadyClaimedException");
        assertThat(json.readTree(late.body()).get("message").asText())
                .isEqualTo("The task has already been claimed by another user.");
    }

    @Test
    void twoAgentsCompletingTheSameTaskAtOnceRecordExactlyOneOutcome() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            JsonNode inquiry = aPhoneCallInSlagelse();
            String task = openTaskOf(inquiry);
            String process = inquiry.get("processInstanceId").asText();

            List<HttpResponse<String>> answers = AtOnce.run(threads,
                    () -> agent().postJson(complete(task), handOverToDesk("første")),
                    () -> secondAgent().postJson(complete(task), handOverToDesk("anden")));

            assertThat(answers).extracting(HttpResponse::statusCode).as("round %d: %s", round, AtOnce.describe(answers))
                    .containsOnlyOnce(204).allMatch(s -> s == 204 || s == 409 || s == 404);
            HttpResponse<String> loser = answers.get(0).statusCode() == 204 ? answers.get(1) : answers.get(0);
            assertThat(json.readTree(loser.body()).get("message").asText()).as(loser.body())
                    .containsAnyOf("at the same time", "no longer exists", "er på trinnet");
            JsonNode after = json.readTree(agent().get("/api/inquiries/" + inquiry.get("id").asText()).body());
            assertThat(after.get("tier").asText()).isEqualTo("DESK");
            assertThat(after.get("history").findValuesAsText("outcome")).containsOnlyOnce("DESK");
            assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(process)
                    .taskDefinitionKey(ProcessConstants.TASK_ANSWER_IN_CONTACT_CENTER).finished().count()).isEqualTo(1);
            assertThat(tasks.createTaskQuery().processInstanceId(process).list())
                    .singleElement().satisfies(t -> assertThat(t.getTaskDefinitionKey())
                            .isEqualTo(ProcessConstants.TASK_HANDLE_AT_DESK));
        }
    }

    @Test
    void inTasklistToo_claimingATaskSomeoneElseHoldsIsA409NamingTheReason() throws Exception {
        String task = openTaskOf(aPhoneCallInSlagelse());
        assertThat(agent().postJson(claim(task), "{\"userId\":\"agent-slagelse\"}").statusCode()).isEqualTo(204);
        TasklistSession tasklist = TasklistSession.logIn("http://127.0.0.1:" + port, SECOND_AGENT, "demo");

        HttpResponse<String> late = tasklist.postJson("/camunda/api/engine/engine/default/task/" + task + "/claim",
                "{\"userId\":\"" + SECOND_AGENT + "\"}");

        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
        assertThat(json.readTree(late.body()).get("message").asText())
                .isEqualTo("The task has already been claimed by another user.");
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("agent-slagelse");
    }

    @Test
    void completingATaskSomeoneElseJustCompletedIsA404NotA500() throws Exception {
        String task = openTaskOf(aPhoneCallInSlagelse());
        assertThat(agent().postJson(complete(task), handOverToDesk("først")).statusCode()).isEqualTo(204);

        HttpResponse<String> late = secondAgent().postJson(complete(task), handOverToDesk("for sent"));

        assertThat(late.statusCode()).isEqualTo(404);
        assertThat(json.readTree(late.body()).get("message").asText()).contains("no longer exists");
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

    private static String handOverToDesk(String note) {
        return """
                {"variables":{"outcome":{"value":"DESK","type":"String"},
                 "note":{"value":"%s","type":"String"}}}""".formatted(note);
    }

    private static String claim(String task) {
        return "/engine-rest/task/" + task + "/claim";
    }

    private static String complete(String task) {
        return "/engine-rest/task/" + task + "/complete";
    }

    private EngineRest agent() {
        return new EngineRest("http://127.0.0.1:" + port, "agent-slagelse", "demo");
    }

    private EngineRest secondAgent() {
        return new EngineRest("http://127.0.0.1:" + port, SECOND_AGENT, "demo");
    }
}
