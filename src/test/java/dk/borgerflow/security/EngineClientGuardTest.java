package dk.borgerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.testsupport.EngineRest;
import dk.borgerflow.testsupport.TasklistSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The trust boundary from the attacker's side: a logged-in worker sends engine-rest (and Tasklist's
 * own engine API) whatever it accepts. Every attack is answered 400 with a message naming what was
 * refused, and every test checks that nothing changed: the inquiries (state, tier, history), the
 * process variables, the open tasks, the number of process instances and inquiry rows. Rows of the
 * table "Task completion, variables and process starts" in docs/operations.md.
 */
@BorgerflowTest
class EngineClientGuardTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;

    // ---- the attack of the issue ----

    @Test
    void anAgentCompletingTheirOwnTaskWithAnotherMunicipalitysInquiryIdIsRefusedAndBothInquiriesStayAsTheyWere()
            throws Exception {
        Case slagelse = anInquiryOf("slagelse");
        Case naestved = anInquiryOf("naestved");
        EngineRest attacker = as("agent-naestved");
        claim(attacker, naestved);
        Snapshot slagelseBefore = snapshot(slagelse);
        Snapshot naestvedBefore = snapshot(naestved);

        HttpResponse<String> attack = attacker.postJson("/engine-rest/task/" + naestved.task() + "/complete",
                variables(Map.of("outcome", "RESOLVED", "note", "Løst", "inquiryId", slagelse.id())));

        assertRefused(attack, "inquiryId");
        assertThat(snapshot(slagelse)).isEqualTo(slagelseBefore);
        assertThat(snapshot(naestved)).isEqualTo(naestvedBefore);
    }

    @Test
    void anAgentCannotCompleteTheirTaskWithAColleaguesInquiryIdOfTheSameMunicipality() throws Exception {
        Case colleagues = anInquiryOf("slagelse");
        Case own = anInquiryOf("slagelse");
        EngineRest attacker = as("agent-slagelse");
        claim(attacker, own);
        Snapshot colleaguesBefore = snapshot(colleagues);
        Snapshot ownBefore = snapshot(own);

        HttpResponse<String> attack = attacker.postJson("/engine-rest/task/" + own.task() + "/submit-form",
                variables(Map.of("outcome", "RESOLVED", "inquiryId", colleagues.id())));

        assertRefused(attack, "inquiryId");
        assertThat(snapshot(colleagues)).isEqualTo(colleaguesBefore);
        assertThat(snapshot(own)).isEqualTo(ownBefore);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tier", "municipality", "dueAt", "warnAt", "escalated", "entryTier", "answerGroup",
            "specialistGroup", "candidateGroup", "citizenReply", "somethingUnknown"})
    void completingATaskWithAVariableItsFormDoesNotOwnIsRefusedAndChangesNothing(String variable) throws Exception {
        Case inquiry = anInquiryOf("slagelse");
        EngineRest agent = as("agent-slagelse");
        claim(agent, inquiry);
        Snapshot before = snapshot(inquiry);

        HttpResponse<String> attack = agent.postJson("/engine-rest/task/" + inquiry.task() + "/complete",
                variables(Map.of("outcome", "DESK", "note", "Videre", variable, "SPECIALIST")));

        assertRefused(attack, variable);
        assertThat(snapshot(inquiry)).isEqualTo(before);
    }

    @Test
    void aReadOnlyFieldSentBackUnchangedIsAcceptedAsTasklistSendsIt() throws Exception {
        Case inquiry = anInquiryOf("slagelse");
        EngineRest agent = as("agent-slagelse");
        claim(agent, inquiry);
        Map<String, Object> shown = runtime.getVariables(inquiry.process(),
                List.of("municipalityName", "topicName", "summary", "citizenName", "citizenContact"));
        Map<String, Object> submitted = new TreeMap<>(shown);
        submitted.put("outcome", "RESOLVED");
        submitted.put("note", "Forklaret reglerne");

        HttpResponse<String> done = agent.postJson("/engine-rest/task/" + inquiry.task() + "/submit-form",
                variables(submitted));

        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        assertThat(inquiryJson(inquiry).path("status").asText()).isEqualTo("CLOSED");
        assertThat(inquiryJson(inquiry).path("outcome").asText()).isEqualTo("RESOLVED");
    }

    @Test
    void aReadOnlyFieldSentBackChangedIsRefused() throws Exception {
        Case inquiry = anInquiryOf("slagelse");
        EngineRest agent = as("agent-slagelse");
        claim(agent, inquiry);
        Snapshot before = snapshot(inquiry);

        HttpResponse<String> attack = agent.postJson("/engine-rest/task/" + inquiry.task() + "/complete",
                variables(Map.of("outcome", "RESOLVED", "summary", "Noget helt andet")));

        assertRefused(attack, "summary");
        assertThat(snapshot(inquiry)).isEqualTo(before);
    }

    @Test
    void anOutcomeThatIsNotOneOfTheFormsChoicesIsRefused() throws Exception {
        Case inquiry = anInquiryOf("slagelse");
        EngineRest agent = as("agent-slagelse");
        claim(agent, inquiry);
        Snapshot before = snapshot(inquiry);

        HttpResponse<String> attack = agent.postJson("/engine-rest/task/" + inquiry.task() + "/complete",
                variables(Map.of("outcome", "TEAM_LEAD")));

        assertRefused(attack, "outcome");
        assertThat(snapshot(inquiry)).isEqualTo(before);
    }

    @Test
    void aFormFieldSentAsAnObjectInsteadOfTextIsRefused() throws Exception {
        Case inquiry = anInquiryOf("slagelse");
        EngineRest agent = as("agent-slagelse");
        claim(agent, inquiry);
        Snapshot before = snapshot(inquiry);

        HttpResponse<String> attack = agent.postJson("/engine-rest/task/" + inquiry.task() + "/complete", """
                {"variables":{"outcome":{"value":"RESOLVED","type":"String"},
                 "note":{"value":"AAECAw==","type":"Bytes"}}}""");

        assertRefused(attack, "note");
        assertThat(snapshot(inquiry)).isEqualTo(before);
    }

    @Test
    void aNoteLongerThanTheVariableColumnIsRefusedWithAClearMessage() throws Exception {
        Case inquiry = anInquiryOf("slagelse");
        EngineRest agent = as("agent-slagelse");
        claim(agent, inquiry);
        Snapshot before = snapshot(inquiry);

        HttpResponse<String> attack = agent.postJson("/engine-rest/task/" + inquiry.task() + "/complete",
                variables(Map.of("outcome", "RESOLVED", "note", "x".repeat(4001))));

        assertRefused(attack, "note");
        assertThat(attack.body()).contains("4000");
        assertThat(snapshot(inquiry)).isEqualTo(before);
    }

    @Test
    void aCprNumberTypedIntoTheNoteIsRefusedSoItNeverBecomesAProcessVariable() throws Exception {
        Case inquiry = anInquiryOf("slagelse");
        EngineRest agent = as("agent-slagelse");
        claim(agent, inquiry);
        Snapshot before = snapshot(inquiry);

        HttpResponse<String> attack = agent.postJson("/engine-rest/task/" + inquiry.task() + "/complete",
                variables(Map.of("outcome", "RESOLVED", "note", "Borgeren har CPR 010203 1234")));

        assertRefused(attack, "note");
        assertThat(attack.body()).contains("CPR");
        assertThat(snapshot(inquiry)).isEqualTo(before);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(inquiry.process())
                .variableName("note").list()).noneSatisfy(v -> assertThat(String.valueOf(v.getValue())).contains("1234"));
    }

    @Test
    void tasklistsOwnEngineApiRefusesAForeignVariableToo() throws Exception {
        Case inquiry = anInquiryOf("slagelse");
        claim(as("agent-slagelse"), inquiry);
        Snapshot before = snapshot(inquiry);
        TasklistSession tasklist = TasklistSession.logIn(baseUrl(), "agent-slagelse", "demo");

        HttpResponse<String> attack = tasklist.postJson("/camunda/api/engine/engine/default/task/" + inquiry.task()
                + "/submit-form", variables(Map.of("outcome", "RESOLVED", "dueAt", "2099-01-01T00:00:00.000+0000")));

        assertRefused(attack, "dueAt");
        assertThat(snapshot(inquiry)).isEqualTo(before);
    }

    // ---- variables outside a completion ----

    @Test
    void aWorkerCannotSetOrRemoveAnyVariableOfTheProcessOrTheTaskExceptTheFormsOwn() throws Exception {
        Case inquiry = anInquiryOf("slagelse");
        EngineRest agent = as("agent-slagelse");
        claim(agent, inquiry);
        Snapshot before = snapshot(inquiry);
        String task = "/engine-rest/task/" + inquiry.task();
        String process = "/engine-rest/process-instance/" + inquiry.process();
        String execution = "/engine-rest/execution/" + inquiry.process();
        String aDate = "{\"value\":\"2099-01-01T00:00:00.000+0000\",\"type\":\"Date\"}";

        assertRefused(agent.putJson(task + "/variables/dueAt", aDate), "dueAt");
        assertRefused(agent.putJson(task + "/localVariables/tier", "{\"value\":\"DESK\"}"), "tier");
        assertRefused(agent.postJson(task + "/variables",
                "{\"modifications\":{\"escalated\":{\"value\":true,\"type\":\"Boolean\"}}}"), "escalated");
        assertRefused(agent.postJson(task + "/variables", "{\"deletions\":[\"dueAt\"]}"), "dueAt");
        assertRefused(agent.delete(task + "/variables/answerGroup"), "answerGroup");
        assertStatus4xx(agent.putJson(process + "/variables/dueAt", aDate));
        assertStatus4xx(agent.postJson(process + "/variables",
                "{\"modifications\":{\"tier\":{\"value\":\"DESK\"}}}"));
        assertStatus4xx(agent.delete(process + "/variables/dueAt"));
        assertStatus4xx(agent.putJson(execution + "/localVariables/tier", "{\"value\":\"DESK\"}"));
        assertStatus4xx(agent.postJson("/engine-rest/process-instance/variables-async", """
                {"processInstanceIds":["%s"],"variables":{"tier":{"value":"DESK"}}}""".formatted(inquiry.process())));

        assertThat(snapshot(inquiry)).isEqualTo(before);
    }

    @Test
    void aTaskDraftMayStoreTheFormsOwnFieldAsTaskVariable() throws Exception {
        Case inquiry = anInquiryOf("slagelse");
        EngineRest agent = as("agent-slagelse");
        claim(agent, inquiry);

        HttpResponse<String> saved = agent.putJson("/engine-rest/task/" + inquiry.task() + "/localVariables/note",
                "{\"value\":\"Kladde\",\"type\":\"String\"}");

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
        assertThat(tasks.getVariableLocal(inquiry.task(), "note")).isEqualTo("Kladde");
    }

    // ---- process starts, messages, errors, modifications, deadlines ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"agent-slagelse", "owner", "admin"})
    void nobodyStartsAnInquiryOrConsultationProcessPastOurApi(String user) throws Exception {
        EngineRest client = as(user);
        long processes = runtime.createProcessInstanceQuery().count();
        long rows = rows();
        String body = variables(Map.of("municipality", "slagelse", "summary", "Uden sag"));

        for (String path : List.of("/engine-rest/process-definition/key/inquiry/start",
                "/engine-rest/process-definition/key/inquiry/tenant-id/slagelse/start",
                "/engine-rest/process-definition/key/inquiry/submit-form",
                "/engine-rest/process-definition/key/consultation/start",
                "/engine-rest/process-definition/key/consultation-reply/start")) {
            HttpResponse<String> start = client.postJson(path, body);
            assertThat(start.statusCode()).as(user + " " + path + ": " + start.body()).isIn(400, 403, 404);
            if (start.statusCode() == 400 && path.contains("/inquiry/")) {
                assertThat(start.body()).contains("POST /api/inquiries");
            }
        }

        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(processes);
        assertThat(rows()).isEqualTo(rows);
    }

    @Test
    void theAdministratorIsToldWhereInquiriesStart() throws Exception {
        HttpResponse<String> start = as("admin").postJson("/engine-rest/process-definition/key/inquiry/start",
                variables(Map.of("municipality", "slagelse")));

        assertRefused(start, "POST /api/inquiries");
    }

    @Test
    void aWorkerCannotCorrelateMessagesThrowErrorsModifyInstancesOrMoveTheTasksDeadline() throws Exception {
        Case inquiry = anInquiryOf("slagelse");
        EngineRest agent = as("agent-slagelse");
        claim(agent, inquiry);
        Snapshot before = snapshot(inquiry);
        String task = "/engine-rest/task/" + inquiry.task();

        assertStatus4xx(agent.postJson("/engine-rest/message", """
                {"messageName":"CitizenReplied","processInstanceId":"%s",
                 "processVariables":{"tier":{"value":"DESK"}}}""".formatted(inquiry.process())));
        assertStatus4xx(agent.postJson("/engine-rest/signal", "{\"name\":\"anything\"}"));
        assertRefused(agent.postJson(task + "/bpmnError", "{\"errorCode\":\"closed\"}"), "fejl");
        assertRefused(agent.postJson(task + "/bpmnEscalation", "{\"escalationCode\":\"x\"}"), "fejl");
        assertStatus4xx(agent.postJson("/engine-rest/process-instance/" + inquiry.process() + "/modification", """
                {"instructions":[{"type":"startBeforeActivity","activityId":"EndEvent_ResolvedAtContactCenter"}]}"""));
        assertRefused(agent.putJson(task, taskUpdate(agent, inquiry, "due", "2099-01-01T00:00:00.000+0000")), "frist");
        assertRefused(agent.putJson(task, taskUpdate(agent, inquiry, "priority", 100)), "prioritet");

        assertThat(snapshot(inquiry)).isEqualTo(before);
        assertThat(tasks.createTaskQuery().taskId(inquiry.task()).singleResult().getDueDate())
                .isEqualTo(before.dueDate());
    }

    @Test
    void reassigningATaskThroughItsUpdateStillWorks() throws Exception {
        Case inquiry = anInquiryOf("slagelse");
        EngineRest teamLead = as("teamlead-slagelse");
        HttpResponse<String> updated = teamLead.putJson("/engine-rest/task/" + inquiry.task(),
                taskUpdate(teamLead, inquiry, "assignee", "agent-slagelse"));

        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(inquiry.task()).singleResult().getAssignee())
                .isEqualTo("agent-slagelse");
    }

    @Test
    void anOutsiderProbingAnotherMunicipalitysTaskLearnsNothingAboutItsForm() throws Exception {
        Case slagelse = anInquiryOf("slagelse");
        Snapshot before = snapshot(slagelse);

        HttpResponse<String> probe = as("agent-roskilde").postJson("/engine-rest/task/" + slagelse.task()
                + "/complete", variables(Map.of("unknownField", "x")));

        assertThat(probe.statusCode()).as(probe.body()).isIn(403, 404);
        assertThat(probe.body()).doesNotContain("outcome").doesNotContain("unknownField");
        assertThat(snapshot(slagelse)).isEqualTo(before);
    }

    // ---- fixtures and checks ----

    record Case(String id, String process, String task) {
    }

    /** What must not move when an attack is refused. */
    record Snapshot(JsonNode inquiry, Map<String, Object> variables, List<String> openTasks,
            java.util.Date dueDate, long inquiryRows, long processInstances) {
    }

    private Case anInquiryOf(String municipality) throws Exception {
        HttpResponse<String> created = as("agent-" + municipality).postJson("/api/inquiries", """
                {"municipality":"%s","channel":"PHONE","topic":"housing-benefit",
                 "summary":"Spørger til boligstøtte","citizen":{"name":"Mette Jensen","phone":"+45 20304050"}}"""
                .formatted(municipality));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        String process = body.get("processInstanceId").asText();
        return new Case(body.get("id").asText(), process,
                tasks.createTaskQuery().processInstanceId(process).singleResult().getId());
    }

    private void claim(EngineRest agent, Case inquiry) throws Exception {
        HttpResponse<String> claimed = agent.postJson("/engine-rest/task/" + inquiry.task() + "/claim",
                "{\"userId\":\"" + agent.user() + "\"}");
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
    }

    private Snapshot snapshot(Case inquiry) throws Exception {
        List<Task> open = tasks.createTaskQuery().processInstanceId(inquiry.process()).list();
        return new Snapshot(inquiryJson(inquiry), new TreeMap<>(runtime.getVariables(inquiry.process())),
                open.stream().map(t -> t.getId() + ":" + t.getTaskDefinitionKey() + ":" + t.getAssignee()).sorted()
                        .toList(),
                open.isEmpty() ? null : open.get(0).getDueDate(), rows(),
                runtime.createProcessInstanceQuery().count());
    }

    /** The body of engine-rest's PUT /task/{id} as Tasklist sends it: the task as read, one field changed. */
    private String taskUpdate(EngineRest client, Case inquiry, String field, Object value) throws Exception {
        JsonNode read = json.readTree(client.get("/engine-rest/task/" + inquiry.task()).body());
        var update = json.createObjectNode();
        for (String f : List.of("name", "description", "priority", "assignee", "owner", "delegationState", "due",
                "followUp", "parentTaskId", "caseInstanceId", "tenantId")) {
            update.set(f, read.get(f));
        }
        update.set(field, json.valueToTree(value));
        return update.toString();
    }

    private JsonNode inquiryJson(Case inquiry) throws Exception {
        HttpResponse<String> r = as("admin").get("/api/inquiries/" + inquiry.id());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private long rows() {
        return jdbc.queryForObject("select count(*) from inquiry", Long.class);
    }

    private String variables(Map<String, ?> values) throws Exception {
        Map<String, Object> typed = new TreeMap<>();
        values.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        return json.writeValueAsString(Map.of("variables", typed));
    }

    private void assertRefused(HttpResponse<String> response, String named) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(named);
    }

    private void assertStatus4xx(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 404);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private EngineRest as(String user) {
        return new EngineRest(baseUrl(), user, "demo");
    }
}
