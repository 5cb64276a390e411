package dk.borgerflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.testsupport.AppNode;
import dk.borgerflow.testsupport.AtOnce;
import dk.borgerflow.testsupport.CrashDurability;
import dk.borgerflow.testsupport.EngineRest;
import dk.borgerflow.testsupport.PostgresTestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code inquiry.ConcurrentTaskWorkTest} on the production setup: two nodes on one PostgreSQL, two
 * agents of one municipality working the same task at the same moment, each through another node
 * (as behind a round-robin load balancer). One wins; the other gets 409 (or 404 when the task is
 * gone), never 500, and the inquiry records one outcome.
 */
class ConcurrentTaskWorkPostgresIT {

    static final String ADMIN_PASSWORD = "it-Concurrency-Password-2026";
    static final String AGENT_PASSWORD = "it-Agent-Password-2026";
    static final int ROUNDS = 10;

    final ObjectMapper json = new ObjectMapper();
    final ExecutorService threads = Executors.newFixedThreadPool(2);
    AppNode first;
    AppNode second;
    EngineRest admin;
    EngineRest agentOnFirst;
    EngineRest agentOnSecond;

    @BeforeEach
    void twoNodesAndTwoAgentsOfSlagelse() throws Exception {
        PostgresTestDatabase.resetSchema();
        first = AppNode.postgres("concurrency-1", ADMIN_PASSWORD, NodeLossPostgresIT.MUNICIPALITIES).start();
        second = AppNode.postgres("concurrency-2", ADMIN_PASSWORD, NodeLossPostgresIT.MUNICIPALITIES).start();
        first.awaitHealthy(CrashDurability.defaultBootTimeout());
        second.awaitHealthy(CrashDurability.defaultBootTimeout());
        admin = EngineRest.admin(first, ADMIN_PASSWORD);
        for (String agent : List.of("agent1-slagelse", "agent2-slagelse")) {
            created(admin.postJson("/engine-rest/user/create", """
                    {"profile":{"id":"%s","firstName":"Kontaktcenter","lastName":"Slagelse"},
                     "credentials":{"password":"%s"}}""".formatted(agent, AGENT_PASSWORD)));
            created(admin.put("/engine-rest/group/cc-general/members/" + agent));
            created(admin.put("/engine-rest/tenant/slagelse/user-members/" + agent));
        }
        agentOnFirst = new EngineRest(first.baseUrl(), "agent1-slagelse", AGENT_PASSWORD);
        agentOnSecond = new EngineRest(second.baseUrl(), "agent2-slagelse", AGENT_PASSWORD);
    }

    @AfterEach
    void stopNodes() throws InterruptedException {
        threads.shutdownNow();
        if (first != null) {
            first.kill();
        }
        if (second != null) {
            second.kill();
        }
        PostgresTestDatabase.resetSchema();
    }

    @Test
    void twoAgentsOnTwoNodesClaimingOneTaskAtOnceGetOneWinnerAndOne409() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String task = openTask(aPhoneCall().get("processInstanceId").asText());

            List<HttpResponse<String>> answers = AtOnce.run(threads,
                    () -> agentOnFirst.postJson(claim(task), "{\"userId\":\"agent1-slagelse\"}"),
                    () -> agentOnSecond.postJson(claim(task), "{\"userId\":\"agent2-slagelse\"}"));

            assertThat(answers).extracting(HttpResponse::statusCode).as(AtOnce.describe(answers))
                    .containsExactlyInAnyOrder(204, 409);
        }
    }

    @Test
    void twoAgentsOnTwoNodesCompletingOneTaskAtOnceRecordOneOutcome() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            JsonNode inquiry = aPhoneCall();
            String process = inquiry.get("processInstanceId").asText();
            String task = openTask(process);

            List<HttpResponse<String>> answers = AtOnce.run(threads,
                    () -> agentOnFirst.postJson(complete(task), toDesk("første")),
                    () -> agentOnSecond.postJson(complete(task), toDesk("anden")));

            assertThat(answers).extracting(HttpResponse::statusCode).as(AtOnce.describe(answers))
                    .containsOnlyOnce(204).allMatch(s -> s == 204 || s == 409 || s == 404);
            JsonNode after = json.readTree(admin.get("/api/inquiries/" + inquiry.get("id").asText()).body());
            assertThat(after.get("history").findValuesAsText("outcome")).containsOnlyOnce("DESK");
            assertThat(admin.count("/engine-rest/task/count?processInstanceId=" + process
                    + "&taskDefinitionKey=Task_HandleAtDesk")).isEqualTo(1);
            assertThat(admin.count("/engine-rest/history/task/count?processInstanceId=" + process
                    + "&taskDefinitionKey=Task_AnswerInContactCenter&finished=true")).isEqualTo(1);
        }
    }

    private JsonNode aPhoneCall() throws Exception {
        HttpResponse<String> r = admin.postJson("/api/inquiries", """
                {"municipality":"slagelse","channel":"PHONE","topic":"housing-benefit",
                 "summary":"Spørger til boligstøtte","citizen":{"name":"Mette Jensen"}}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body());
    }

    private String openTask(String process) throws Exception {
        JsonNode tasks = json.readTree(admin.get("/engine-rest/task?processInstanceId=" + process).body());
        assertThat(tasks).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    private static void created(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isIn(200, 204);
    }

    private static String toDesk(String note) {
        return """
                {"variables":{"outcome":{"value":"DESK","type":"String"},"note":{"value":"%s","type":"String"}}}"""
                .formatted(note);
    }

    private static String claim(String task) {
        return "/engine-rest/task/" + task + "/claim";
    }

    private static String complete(String task) {
        return "/engine-rest/task/" + task + "/complete";
    }
}
