package dk.borgerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.testsupport.EngineRest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One municipality's staff can neither see, claim nor complete another municipality's tasks and
 * inquiries: through engine-rest (what Tasklist and Camunda Modeler use), through our API and through
 * the shared Tasklist filters. Each check runs next to a positive control, so the test cannot pass
 * merely because nothing was there to see.
 */
@BorgerflowTest
class TenantIsolationTest {

    static final String HOME = "slagelse";
    static final String OTHER = "roskilde";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService tasks;
    @Autowired
    FilterService filters;
    @Autowired
    IdentityService identity;

    @Test
    void anAgentOfAnotherMunicipalityCanNeitherSeeClaimNorCompleteTheContactCentersTask() throws Exception {
        Case inquiry = aPhoneCallInSlagelse();

        assertIsolated(inquiry, "agent");
    }

    @Test
    void aDeskOfAnotherMunicipalityCanNeitherSeeClaimNorCompleteTheDesksTask() throws Exception {
        Case inquiry = handedOver(aPhoneCallInSlagelse(), "DESK");

        assertIsolated(inquiry, "desk");
    }

    @Test
    void aSpecialistOfAnotherMunicipalityCanNeitherSeeClaimNorCompleteTheSpecialistsTask() throws Exception {
        Case inquiry = handedOver(aPhoneCallInSlagelse(), "SPECIALIST");

        assertIsolated(inquiry, "specialist");
    }

    @Test
    void aTeamLeadOfAnotherMunicipalitySeesNoneOfTheTasksTheyMayOtherwiseRedistribute() throws Exception {
        Case inquiry = aPhoneCallInSlagelse();

        assertIsolated(inquiry, "teamlead");
    }

    @Test
    void theInquiryApiHidesAnotherMunicipalitysInquiries() throws Exception {
        Case inquiry = aPhoneCallInSlagelse();
        EngineRest outsider = as("agent-" + OTHER);

        assertThat(as("agent-" + HOME).get("/api/inquiries/" + inquiry.id()).statusCode()).isEqualTo(200);
        assertThat(outsider.get("/api/inquiries/" + inquiry.id()).statusCode()).isEqualTo(404);
        assertThat(outsider.get("/api/inquiries/" + inquiry.id() + "/cpr-access").statusCode()).isEqualTo(404);
        assertThat(outsider.get("/api/inquiries?municipality=" + HOME).statusCode()).isEqualTo(403);
        JsonNode list = json.readTree(outsider.get("/api/inquiries?size=200").body());
        assertThat(list.get("content").findValuesAsText("municipality")).allSatisfy(m -> assertThat(m).isEqualTo(OTHER));
        assertThat(list.get("content").findValuesAsText("id")).doesNotContain(inquiry.id());
        assertThat(outsider.postJson("/api/inquiries/" + inquiry.id() + "/help-requests", "{}").statusCode())
                .isEqualTo(404);
    }

    // ---- the checks ----

    private void assertIsolated(Case inquiry, String role) throws Exception {
        EngineRest insider = as(role + "-" + HOME);
        EngineRest outsider = as(role + "-" + OTHER);
        String task = inquiry.task();

        // positive control: the municipality's own staff sees the task, everywhere
        assertThat(taskIds(insider, "/engine-rest/task?processInstanceId=" + inquiry.process())).contains(task);
        assertThat(insider.get("/engine-rest/task/" + task).statusCode()).isEqualTo(200);
        assertThat(as("admin").get("/engine-rest/process-instance/" + inquiry.process()).statusCode()).isEqualTo(200);

        // engine-rest: lists, single resources, claim, complete
        assertThat(taskIds(outsider, "/engine-rest/task?maxResults=1000")).doesNotContain(task);
        assertThat(taskIds(outsider, "/engine-rest/task?processInstanceId=" + inquiry.process())).isEmpty();
        assertThat(outsider.count("/engine-rest/task/count?tenantIdIn=" + HOME)).isZero();
        assertThat(outsider.get("/engine-rest/task/" + task).statusCode()).isEqualTo(404);
        assertThat(outsider.get("/engine-rest/task/" + task + "/variables").statusCode()).isIn(403, 404);
        assertThat(outsider.get("/engine-rest/process-instance/" + inquiry.process()).statusCode()).isEqualTo(404);
        assertThat(outsider.count("/engine-rest/process-instance/count?tenantIdIn=" + HOME)).isZero();
        assertThat(outsider.count("/engine-rest/history/process-instance/count?tenantIdIn=" + HOME)).isZero();

        HttpResponse<String> claim = outsider.postJson("/engine-rest/task/" + task + "/claim",
                "{\"userId\":\"" + role + "-" + OTHER + "\"}");
        assertThat(claim.statusCode()).as(claim.body()).isIn(403, 404);
        HttpResponse<String> complete = outsider.postJson("/engine-rest/task/" + task + "/complete",
                "{\"variables\":{\"outcome\":{\"value\":\"RESOLVED\",\"type\":\"String\"}}}");
        assertThat(complete.statusCode()).as(complete.body()).isIn(403, 404);
        Task untouched = tasks.createTaskQuery().taskId(task).singleResult();
        assertThat(untouched).as("the task is still open").isNotNull();
        assertThat(untouched.getAssignee()).isNull();

        // Tasklist's shared filters, through engine-rest and through the engine as that user
        for (String filter : List.of("Min gruppes opgaver", "Mine opgaver")) {
            String id = filterId(insider, filter);
            assertThat(taskIds(outsider, "/engine-rest/filter/" + id + "/list?maxResults=1000")).doesNotContain(task);
            assertThat(filterList(role + "-" + OTHER, id)).doesNotContain(task);
        }
        if (!role.equals("teamlead")) { // team leads are no candidates until a deadline warns them
            List<String> own = taskIds(insider, "/engine-rest/filter/" + filterId(insider, "Min gruppes opgaver")
                    + "/list?maxResults=1000");
            assertThat(own).as("positive control").contains(task);
        }
    }

    private List<String> taskIds(EngineRest client, String path) throws Exception {
        HttpResponse<String> r = client.get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return json.readTree(r.body()).findValuesAsText("id");
    }

    private String filterId(EngineRest client, String name) throws Exception {
        JsonNode found = json.readTree(client.get("/engine-rest/filter?name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8)).body());
        assertThat(found).hasSize(1);
        return found.get(0).get("id").asText();
    }

    /** The filter as Tasklist evaluates it for that user: the engine with the user's authentication. */
    private List<String> filterList(String userId, String filterId) {
        var user = CamundaIdentityAuthenticationProvider.load(identity, userId);
        identity.setAuthentication(userId, new ArrayList<>(user.groups()), new ArrayList<>(user.tenantIds()));
        try {
            return filters.<Task>list(filterId).stream().map(Task::getId).toList();
        } finally {
            identity.clearAuthentication();
        }
    }

    // ---- fixtures ----

    record Case(String id, String process, String task) {
    }

    private Case aPhoneCallInSlagelse() throws Exception {
        HttpResponse<String> created = as("agent-" + HOME).postJson("/api/inquiries", """
                {"municipality":"%s","channel":"PHONE","topic":"housing-benefit",
                 "summary":"Spørger til boligstøtte","citizen":{"name":"Mette Jensen","cpr":"010180-1234"}}"""
                .formatted(HOME));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        String process = body.get("processInstanceId").asText();
        return new Case(body.get("id").asText(), process, openTask(process));
    }

    /** The contact center hands the inquiry on to the desk or a specialist. */
    private Case handedOver(Case inquiry, String outcome) {
        tasks.complete(inquiry.task(), Map.of("outcome", outcome, "note", "Videre"));
        return new Case(inquiry.id(), inquiry.process(), openTask(inquiry.process()));
    }

    private String openTask(String process) {
        return tasks.createTaskQuery().processInstanceId(process).singleResult().getId();
    }

    private EngineRest as(String user) {
        return new EngineRest("http://127.0.0.1:" + port, user, "demo");
    }
}
