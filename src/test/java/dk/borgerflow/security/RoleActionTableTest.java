package dk.borgerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.testsupport.EngineRest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The table "Who may do what" of docs/operations.md, row by row, from the attacker's side: each row
 * is tried over engine-rest as the demo users of every role. A refused attempt answers 403 and leaves
 * the thing as it was (the deployment is still there, the definition not suspended, the history time
 * to live unchanged, the instance running on its version with its variables, no filter, user,
 * membership or authorization more); the allowed role then does the same and it works, so a refusal
 * cannot pass merely because the call was wrong.
 */
@BorgerflowTest
class RoleActionTableTest {

    static final String ADMIN = "admin";
    static final String OWNER = "owner";
    /** Every role but the administrator, as demo users of Slagelse (the instances' municipality). */
    static final List<String> NOT_ADMIN = List.of(OWNER, "manager", "teamlead-slagelse", "agent-slagelse",
            "desk-slagelse", "specialist-slagelse", "secretariat-slagelse");
    static final List<String> WORKERS = NOT_ADMIN.subList(1, NOT_ADMIN.size());

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    FilterService filters;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    JdbcTemplate jdbc;

    // ---- models ----

    @Test
    void onlyTheProcessOwnerAndTheAdministratorDeployModels() throws Exception {
        for (String user : WORKERS) {
            long before = repository.createDeploymentQuery().count();
            HttpResponse<String> refused = as(user).deploy("by-" + user, "by-worker.bpmn", aModel(uniqueKey()));
            assertForbidden(user, refused);
            assertThat(repository.createDeploymentQuery().count()).as(user).isEqualTo(before);
        }
        for (String user : List.of(OWNER, ADMIN)) {
            String key = uniqueKey();
            HttpResponse<String> deployed = as(user).deploy("by-" + user, key + ".bpmn", aModel(key));
            assertThat(deployed.statusCode()).as(user + ": " + deployed.body()).isEqualTo(200);
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(1);
        }
    }

    @Test
    void everyRoleReadsDefinitionsAndOnlyTheProcessOwnerAndTheAdministratorSeeDeployments() throws Exception {
        Running running = aRunningInstance();
        for (String user : NOT_ADMIN) {
            assertThat(as(user).count("/engine-rest/process-definition/count?key=" + running.key())).as(user)
                    .isEqualTo(1);
            long deployments = as(user).count("/engine-rest/deployment/count?id=" + running.deploymentId());
            assertThat(deployments).as(user).isEqualTo(user.equals(OWNER) ? 1 : 0);
        }
        assertThat(as(ADMIN).count("/engine-rest/deployment/count?id=" + running.deploymentId())).isEqualTo(1);
    }

    @Test
    void nobodyButTheAdministratorDeletesADeploymentNotEvenTheOwnerWhoDeployedIt() throws Exception {
        String key = uniqueKey();
        HttpResponse<String> deployed = as(OWNER).deploy("owners-own", key + ".bpmn", aModel(key));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        String ownDeployment = json.readTree(deployed.body()).get("id").asText();
        Running running = aRunningInstance();

        for (String user : NOT_ADMIN) {
            for (String deployment : List.of(ownDeployment, running.deploymentId())) {
                assertForbiddenOrHidden(user, as(user).delete("/engine-rest/deployment/" + deployment + "?cascade=true"));
                assertThat(repository.createDeploymentQuery().deploymentId(deployment).count()).as(user).isEqualTo(1);
            }
            assertStillRunning(running);
        }
        HttpResponse<String> deleted = as(ADMIN).delete("/engine-rest/deployment/" + running.deploymentId()
                + "?cascade=true");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(repository.createDeploymentQuery().deploymentId(running.deploymentId()).count()).isZero();
    }

    @Test
    void nobodyButTheAdministratorDeletesADefinition() throws Exception {
        Running running = aRunningInstance();
        for (String user : NOT_ADMIN) {
            assertForbidden(user, as(user).delete("/engine-rest/process-definition/" + running.definitionId()
                    + "?cascade=true"));
            assertThat(repository.createProcessDefinitionQuery().processDefinitionId(running.definitionId()).count())
                    .as(user).isEqualTo(1);
            assertStillRunning(running);
        }
        HttpResponse<String> deleted = as(ADMIN).delete("/engine-rest/process-definition/" + running.definitionId()
                + "?cascade=true");
        assertThat(deleted.statusCode()).as(deleted.body()).isIn(200, 204);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionId(running.definitionId()).count())
                .isZero();
    }

    @Test
    void nobodyButTheAdministratorSuspendsADefinitionWithItsInstances() throws Exception {
        Running running = aRunningInstance();
        String suspend = "{\"suspended\":true,\"includeProcessInstances\":true}";
        for (String user : NOT_ADMIN) {
            assertForbidden(user, as(user).putJson("/engine-rest/process-definition/" + running.definitionId()
                    + "/suspended", suspend));
            assertThat(definition(running).isSuspended()).as(user).isFalse();
            assertStillRunning(running);
        }
        HttpResponse<String> suspended = as(ADMIN).putJson("/engine-rest/process-definition/"
                + running.definitionId() + "/suspended", suspend);
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(204);
        assertThat(definition(running).isSuspended()).isTrue();
        assertThat(instance(running).isSuspended()).isTrue();
    }

    @Test
    void nobodyButTheAdministratorChangesTheHistoryTimeToLiveOfProcessesAndDecisions() throws Exception {
        Running running = aRunningInstance();
        String routing = repository.createDecisionDefinitionQuery().decisionDefinitionKey("routing")
                .latestVersion().singleResult().getId();
        Integer routingTtl = repository.getDecisionDefinition(routing).getHistoryTimeToLive();
        for (String user : NOT_ADMIN) {
            assertForbidden(user, as(user).putJson("/engine-rest/process-definition/" + running.definitionId()
                    + "/history-time-to-live", "{\"historyTimeToLive\":0}"));
            assertForbidden(user, as(user).putJson("/engine-rest/decision-definition/" + routing
                    + "/history-time-to-live", "{\"historyTimeToLive\":0}"));
            assertThat(definition(running).getHistoryTimeToLive()).as(user).isEqualTo(1);
            assertThat(repository.getDecisionDefinition(routing).getHistoryTimeToLive()).as(user).isEqualTo(routingTtl);
        }
        HttpResponse<String> changed = as(ADMIN).putJson("/engine-rest/process-definition/" + running.definitionId()
                + "/history-time-to-live", "{\"historyTimeToLive\":2}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        assertThat(definition(running).getHistoryTimeToLive()).isEqualTo(2);
    }

    @Test
    void onlyTheProcessOwnerAndTheAdministratorRedeployAnEarlierDeployment() throws Exception {
        // a redeployment is a new deployment: the deploying roles only, and the model guard checks it again
        Running running = aRunningInstance();
        for (String user : WORKERS) {
            long before = repository.createDeploymentQuery().count();
            assertForbiddenOrHidden(user, as(user).postJson("/engine-rest/deployment/" + running.deploymentId()
                    + "/redeploy", "{}"));
            assertThat(repository.createDeploymentQuery().count()).as(user).isEqualTo(before);
        }
        HttpResponse<String> redeployed = as(OWNER).postJson("/engine-rest/deployment/" + running.deploymentId()
                + "/redeploy", "{}");
        assertThat(redeployed.statusCode()).as(redeployed.body()).isEqualTo(200);
    }

    // ---- instances ----

    @Test
    void everyoneServingAMunicipalityStartsItsInquiriesThroughOurApiAndNoOneElsesMunicipality() throws Exception {
        String call = """
                {"municipality":"%s","channel":"PHONE","topic":"housing-benefit",
                 "summary":"Spørger til boligstøtte","citizen":{"name":"Mette Jensen"}}""";
        for (String user : List.of("agent-slagelse", "desk-slagelse", "specialist-slagelse", "teamlead-slagelse",
                ADMIN)) {
            long before = inquiries("slagelse");
            HttpResponse<String> created = as(user).postJson("/api/inquiries", call.formatted("slagelse"));
            assertThat(created.statusCode()).as(user + ": " + created.body()).isEqualTo(201);
            assertThat(inquiries("slagelse")).isEqualTo(before + 1);
        }
        for (String user : WORKERS) {
            long before = inquiries("roskilde");
            long instances = runtime.createProcessInstanceQuery().processDefinitionKey("inquiry")
                    .tenantIdIn("roskilde").count();
            HttpResponse<String> refused = as(user).postJson("/api/inquiries", call.formatted("roskilde"));
            assertForbidden(user, refused);
            assertThat(inquiries("roskilde")).as(user).isEqualTo(before);
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("inquiry").tenantIdIn("roskilde")
                    .count()).as(user).isEqualTo(instances);
        }
    }

    @Test
    void processOwnersManagersAndTheSecretariatRegisterNoInquiriesEvenWhereTheyServe() throws Exception {
        String call = """
                {"municipality":"slagelse","channel":"PHONE","topic":"housing-benefit",
                 "summary":"Spørger til boligstøtte","citizen":{"name":"Mette Jensen"}}""";
        for (String user : List.of(OWNER, "manager", "secretariat-slagelse")) {
            long before = inquiries("slagelse");
            HttpResponse<String> refused = as(user).postJson("/api/inquiries", call);
            assertForbidden(user, refused);
            assertThat(inquiries("slagelse")).as(user).isEqualTo(before);
        }
    }

    @Test
    void nobodyButTheAdministratorStartsAProcessDirectlyOverEngineRest() throws Exception {
        Running running = aRunningInstance();
        String start = "{\"variables\":{\"municipality\":{\"value\":\"slagelse\",\"type\":\"String\"}}}";
        for (String user : NOT_ADMIN) {
            assertForbidden(user, as(user).postJson("/engine-rest/process-definition/" + running.definitionId()
                    + "/start", start));
            assertThat(runtime.createProcessInstanceQuery().processDefinitionId(running.definitionId()).count())
                    .as(user).isEqualTo(1);
        }
        HttpResponse<String> started = as(ADMIN).postJson("/engine-rest/process-definition/" + running.definitionId()
                + "/start", start);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(running.definitionId()).count())
                .isEqualTo(2);
    }

    @Test
    void nobodyButTheAdministratorDeletesARunningInstance() throws Exception {
        Running running = aRunningInstance();
        long batches = management.createBatchQuery().count();
        for (String user : NOT_ADMIN) {
            assertForbidden(user, as(user).delete("/engine-rest/process-instance/" + running.instanceId()));
            assertForbidden(user, as(user).postJson("/engine-rest/process-instance/delete",
                    "{\"processInstanceIds\":[\"" + running.instanceId() + "\"],\"deleteReason\":\"batch\"}"));
            assertStillRunning(running);
        }
        assertThat(management.createBatchQuery().count()).as("no batch was created").isEqualTo(batches);
        HttpResponse<String> deleted = as(ADMIN).delete("/engine-rest/process-instance/" + running.instanceId());
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(instance(running)).isNull();
    }

    @Test
    void nobodyButTheAdministratorSuspendsARunningInstance() throws Exception {
        Running running = aRunningInstance();
        for (String user : NOT_ADMIN) {
            assertForbidden(user, as(user).putJson("/engine-rest/process-instance/" + running.instanceId()
                    + "/suspended", "{\"suspended\":true}"));
            assertStillRunning(running);
        }
        HttpResponse<String> suspended = as(ADMIN).putJson("/engine-rest/process-instance/" + running.instanceId()
                + "/suspended", "{\"suspended\":true}");
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(204);
        assertThat(instance(running).isSuspended()).isTrue();
    }

    @Test
    void nobodyButTheAdministratorModifiesARunningInstance() throws Exception {
        Running running = aRunningInstance();
        String skipTheTask = """
                {"instructions":[{"type":"cancel","activityId":"Task_Wait"},
                                 {"type":"startBeforeActivity","activityId":"EndEvent_Done"}]}""";
        for (String user : NOT_ADMIN) {
            assertRefused(user, as(user).postJson("/engine-rest/process-instance/" + running.instanceId()
                    + "/modification", skipTheTask));
            assertStillRunning(running);
        }
        HttpResponse<String> modified = as(ADMIN).postJson("/engine-rest/process-instance/" + running.instanceId()
                + "/modification", skipTheTask);
        assertThat(modified.statusCode()).as(modified.body()).isEqualTo(204);
        assertThat(instance(running)).isNull();
    }

    @Test
    void nobodyButTheAdministratorMigratesRunningInstancesToAnotherVersion() throws Exception {
        Running running = aRunningInstance();
        String next = repository.createDeployment().name(running.key()).addString(running.key() + ".bpmn",
                new String(aModel(running.key()), StandardCharsets.UTF_8).replace("Warten", "Warten v2")).deployWithResult()
                .getDeployedProcessDefinitions().get(0).getId();
        String migrate = """
                {"migrationPlan":{"sourceProcessDefinitionId":"%s","targetProcessDefinitionId":"%s",
                  "instructions":[{"sourceActivityIds":["Task_Wait"],"targetActivityIds":["Task_Wait"]},
                                  {"sourceActivityIds":["Timer_Escalate"],"targetActivityIds":["Timer_Escalate"]}]},
                 "processInstanceIds":["%s"]}""".formatted(running.definitionId(), next, running.instanceId());
        for (String user : NOT_ADMIN) {
            assertRefused(user, as(user).postJson("/engine-rest/migration/execute", migrate));
            assertThat(instance(running).getProcessDefinitionId()).as(user).isEqualTo(running.definitionId());
        }
        HttpResponse<String> migrated = as(ADMIN).postJson("/engine-rest/migration/execute", migrate);
        assertThat(migrated.statusCode()).as(migrated.body()).isEqualTo(204);
        assertThat(instance(running).getProcessDefinitionId()).isEqualTo(next);
    }

    @Test
    void nobodyButTheAdministratorSetsVariablesOfAnInstanceOutsideATask() throws Exception {
        Running running = aRunningInstance();
        long batches = management.createBatchQuery().count();
        String write = "{\"modifications\":{\"municipality\":{\"value\":\"roskilde\",\"type\":\"String\"},"
                + "\"injected\":{\"value\":true,\"type\":\"Boolean\"}}}";
        for (String user : NOT_ADMIN) {
            assertRefused(user, as(user).postJson("/engine-rest/process-instance/" + running.instanceId()
                    + "/variables", write));
            assertRefused(user, as(user).postJson("/engine-rest/process-instance/variables-async",
                    "{\"processInstanceIds\":[\"" + running.instanceId() + "\"],\"variables\":"
                            + "{\"injected\":{\"value\":true,\"type\":\"Boolean\"}}}"));
            assertThat(runtime.getVariables(running.instanceId())).as(user)
                    .containsEntry("municipality", "slagelse").doesNotContainKey("injected");
        }
        assertThat(management.createBatchQuery().count()).as("no batch was created").isEqualTo(batches);
        HttpResponse<String> written = as(ADMIN).postJson("/engine-rest/process-instance/" + running.instanceId()
                + "/variables", write);
        assertThat(written.statusCode()).as(written.body()).isEqualTo(204);
        assertThat(runtime.getVariables(running.instanceId())).containsEntry("injected", true);
    }

    @Test
    void nobodyButTheAdministratorFiresATimerEarly() throws Exception {
        Running running = aRunningInstance();
        String timer = management.createJobQuery().processInstanceId(running.instanceId()).singleResult().getId();
        for (String user : NOT_ADMIN) {
            assertForbidden(user, as(user).postJson("/engine-rest/job/" + timer + "/execute", ""));
            assertForbidden(user, as(user).putJson("/engine-rest/job/" + timer + "/duedate",
                    "{\"duedate\":\"2000-01-01T00:00:00.000+0000\"}"));
            assertStillRunning(running);
            assertThat(management.createJobQuery().jobId(timer).singleResult().getDuedate()).as(user)
                    .isAfter(new java.util.Date());
        }
        HttpResponse<String> fired = as(ADMIN).postJson("/engine-rest/job/" + timer + "/execute", "");
        assertThat(fired.statusCode()).as(fired.body()).isEqualTo(204);
        assertThat(instance(running)).as("the interrupting timer ended the instance").isNull();
    }

    @Test
    void nobodyButTheAdministratorDeletesTheHistoryOfAnInstance() throws Exception {
        Running running = aRunningInstance();
        tasks.complete(tasks.createTaskQuery().processInstanceId(running.instanceId()).singleResult().getId());
        for (String user : NOT_ADMIN) {
            assertForbidden(user, as(user).delete("/engine-rest/history/process-instance/" + running.instanceId()));
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(running.instanceId()).count())
                    .as(user).isEqualTo(1);
        }
        HttpResponse<String> deleted = as(ADMIN).delete("/engine-rest/history/process-instance/"
                + running.instanceId());
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(running.instanceId()).count())
                .isZero();
    }

    // ---- filters, users, groups, authorizations ----

    @Test
    void nobodyButTheAdministratorCreatesOrChangesATasklistFilter() throws Exception {
        String name = "evil-" + UUID.randomUUID();
        String filter = """
                {"resourceType":"Task","name":"%s","query":{"assigneeExpression":"${currentUser()}"}}""".formatted(name);
        String shared = filters.createFilterQuery().filterName("Mine opgaver").singleResult().getId();
        String sharedFilter = as(ADMIN).get("/engine-rest/filter/" + shared).body();
        for (String user : NOT_ADMIN) {
            assertForbidden(user, as(user).postJson("/engine-rest/filter/create", filter));
            assertForbidden(user, as(user).putJson("/engine-rest/filter/" + shared, filter));
            assertThat(filters.createFilterQuery().filterName(name).count()).as(user).isZero();
            assertThat(as(ADMIN).get("/engine-rest/filter/" + shared).body()).as(user).isEqualTo(sharedFilter);
        }
        HttpResponse<String> created = as(ADMIN).postJson("/engine-rest/filter/create", filter);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        filters.deleteFilter(json.readTree(created.body()).get("id").asText());
    }

    @Test
    void nobodyButTheAdministratorCreatesUsersOrPutsAnyoneIntoAGroup() throws Exception {
        String newUser = "intruder-" + UUID.randomUUID().toString().substring(0, 8);
        String user = "{\"profile\":{\"id\":\"" + newUser + "\",\"firstName\":\"I\",\"lastName\":\"N\"},"
                + "\"credentials\":{\"password\":\"a-long-password-1\"}}";
        for (String attacker : NOT_ADMIN) {
            assertForbidden(attacker, as(attacker).postJson("/engine-rest/user/create", user));
            assertForbidden(attacker, as(attacker).postJson("/engine-rest/group/create",
                    "{\"id\":\"" + newUser + "\",\"name\":\"x\",\"type\":\"SYSTEM\"}"));
            assertForbidden(attacker, as(attacker).put("/engine-rest/group/" + Groups.ADMIN + "/members/" + attacker));
            assertThat(identity.createUserQuery().userId(newUser).count()).as(attacker).isZero();
            assertThat(identity.createGroupQuery().groupId(newUser).count()).as(attacker).isZero();
            assertThat(identity.createUserQuery().userId(attacker).memberOfGroup(Groups.ADMIN).count()).isZero();
            if (attacker.endsWith("-slagelse")) { // owner and manager serve every municipality already
                assertForbidden(attacker, as(attacker).put("/engine-rest/tenant/roskilde/user-members/" + attacker));
                assertThat(identity.createTenantQuery().userMember(attacker).tenantId("roskilde").count())
                        .as(attacker).isZero();
            }
        }
        HttpResponse<String> created = as(ADMIN).postJson("/engine-rest/user/create", user);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
        assertThat(as(ADMIN).put("/engine-rest/group/" + Groups.DESK + "/members/" + newUser).statusCode())
                .isEqualTo(204);
        assertThat(identity.createUserQuery().userId(newUser).memberOfGroup(Groups.DESK).count()).isEqualTo(1);
        identity.deleteUser(newUser);
    }

    @Test
    void nobodyButTheAdministratorGrantsAuthorizations() throws Exception {
        for (String user : NOT_ADMIN) {
            String grant = "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"" + user + "\",\"resourceType\":9,"
                    + "\"resourceId\":\"*\"}"; // 9 = deployment
            assertForbidden(user, as(user).postJson("/engine-rest/authorization/create", grant));
            assertThat(authorizations.createAuthorizationQuery().userIdIn(user).resourceType(9).resourceId("*")
                    .count()).as(user).isZero();
        }
        HttpResponse<String> granted = as(ADMIN).postJson("/engine-rest/authorization/create",
                "{\"type\":1,\"permissions\":[\"READ\"],\"userId\":\"manager\",\"resourceType\":9,\"resourceId\":\"*\"}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        authorizations.deleteAuthorization(json.readTree(granted.body()).get("id").asText());
    }

    @Test
    void aUserChangesTheirOwnPasswordButDeletesNoAccountNotEvenTheirOwn() throws Exception {
        String worker = "worker-" + UUID.randomUUID().toString().substring(0, 8);
        var created = identity.newUser(worker);
        created.setPassword("first-password-1");
        identity.saveUser(created);
        identity.createMembership(worker, Groups.DESK);
        EngineRest self = new EngineRest("http://127.0.0.1:" + port, worker, "first-password-1");

        for (String account : List.of(worker, "agent-slagelse", ADMIN)) {
            assertForbidden(worker, self.delete("/engine-rest/user/" + account));
            assertThat(identity.createUserQuery().userId(account).count()).as(account).isEqualTo(1);
        }
        HttpResponse<String> changed = self.putJson("/engine-rest/user/" + worker + "/credentials",
                "{\"password\":\"second-password-2\",\"authenticatedUserPassword\":\"first-password-1\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        assertThat(identity.checkPassword(worker, "second-password-2")).isTrue();
        HttpResponse<String> deleted = as(ADMIN).delete("/engine-rest/user/" + worker);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
    }

    // ---- fixtures ----

    record Running(String key, String deploymentId, String definitionId, String instanceId) {
    }

    /** A throwaway process of Slagelse waiting in a user task with an interrupting timer (10 days). */
    private Running aRunningInstance() {
        String key = uniqueKey();
        var deployment = repository.createDeployment().name(key)
                .addString(key + ".bpmn", new String(aModel(key), StandardCharsets.UTF_8)).deployWithResult();
        ProcessDefinition definition = deployment.getDeployedProcessDefinitions().get(0);
        ProcessInstance instance = runtime.startProcessInstanceById(definition.getId(),
                Map.of("municipality", "slagelse"));
        assertThat(instance.getTenantId()).isEqualTo("slagelse");
        return new Running(key, deployment.getId(), definition.getId(), instance.getId());
    }

    private static byte[] aModel(String key) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s"
                    targetNamespace="http://borgerflow.dk/test">
                  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_Started"/>
                    <bpmn:sequenceFlow id="Flow_ToTask" sourceRef="StartEvent_Started" targetRef="Task_Wait"/>
                    <bpmn:userTask id="Task_Wait" name="Warten" camunda:candidateGroups="desk"/>
                    <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Wait" targetRef="EndEvent_Done"/>
                    <bpmn:boundaryEvent id="Timer_Escalate" attachedToRef="Task_Wait" cancelActivity="true">
                      <bpmn:timerEventDefinition><bpmn:timeDuration>P10D</bpmn:timeDuration></bpmn:timerEventDefinition>
                    </bpmn:boundaryEvent>
                    <bpmn:sequenceFlow id="Flow_Escalated" sourceRef="Timer_Escalate" targetRef="EndEvent_Done"/>
                    <bpmn:endEvent id="EndEvent_Done"/>
                  </bpmn:process>
                </bpmn:definitions>""".formatted(key).getBytes(StandardCharsets.UTF_8);
    }

    private static String uniqueKey() {
        return "Process_RoleTable" + UUID.randomUUID().toString().replace("-", "");
    }

    private long inquiries(String municipality) {
        return jdbc.queryForObject("select count(*) from inquiry where municipality = ?", Long.class, municipality);
    }

    private ProcessDefinition definition(Running running) {
        return repository.getProcessDefinition(running.definitionId());
    }

    private ProcessInstance instance(Running running) {
        return runtime.createProcessInstanceQuery().processInstanceId(running.instanceId()).singleResult();
    }

    private void assertStillRunning(Running running) {
        ProcessInstance instance = instance(running);
        assertThat(instance).as("the instance still runs").isNotNull();
        assertThat(instance.isSuspended()).as("and is not suspended").isFalse();
        assertThat(runtime.getActiveActivityIds(running.instanceId())).containsExactly("Task_Wait");
        assertThat(instance.getProcessDefinitionId()).isEqualTo(running.definitionId());
    }

    /** 403, or 404 for a user who may not even see the thing (engine-rest looks it up first). */
    private static void assertForbiddenOrHidden(String user, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(user + " " + response.request().method() + " " + response.request().uri()
                + ": " + response.body()).isEqualTo(user.equals(OWNER) ? 403 : 404);
    }

    /**
     * 403 from Camunda's authorizations, or 400 from the engine guard ({@code EngineClientGuard}), which
     * refuses instance modification, migration and variables for everyone but administrators before the
     * authorizations are asked; RoleAuthorizationsTest checks that the authorizations refuse them too.
     */
    private static void assertRefused(String user, HttpResponse<String> response) {
        String what = user + " " + response.request().method() + " " + response.request().uri() + ": "
                + response.body();
        if (response.statusCode() == 400) {
            assertThat(response.body()).as(what).contains("\"type\":\"ClientWriteRefused\"");
        } else {
            assertThat(response.statusCode()).as(what).isEqualTo(403);
        }
    }

    private static void assertForbidden(String user, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(user + " " + response.request().method() + " " + response.request().uri()
                + ": " + response.body()).isEqualTo(403);
    }

    private EngineRest as(String user) {
        return new EngineRest("http://127.0.0.1:" + port, user, "demo");
    }
}
