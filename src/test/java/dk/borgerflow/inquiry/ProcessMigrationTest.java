package dk.borgerflow.inquiry;

import static dk.borgerflow.inquiry.InquiryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.municipality.Tier;
import dk.borgerflow.testsupport.EngineRest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What docs/process-guide.md ("Changing a model while inquiries run") promises a process owner: a
 * deployment becomes the version new inquiries start on, running ones stay on theirs, and the
 * administrator can move them to the new version (Camunda's migration API, as Cockpit does it) without
 * touching their deadlines: task due and follow-up dates, timer due dates and the inquiry's own
 * {@code dueAt} are the same afterwards, and the migrated inquiries go on working: a migrated task is
 * completed over engine-rest with its form, a migrated breach timer escalates once.
 */
@BorgerflowTest
class ProcessMigrationTest {

    @LocalServerPort
    int port;
    @Autowired
    InquiryService inquiries;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    ObjectMapper json;

    String newDeployment;

    @AfterEach
    void removeTheNewVersionAgain() {
        ClockUtil.reset();
        if (newDeployment != null) {
            // the other tests of the shared context start their inquiries on the version of processes/ again
            repository.deleteDeployment(newDeployment, true);
        }
    }

    @Test
    void openInquiriesMigratedToANewVersionKeepTheirDeadlinesAndGoOnWorking() throws Exception {
        Inquiry atContactCenter = receive(aPhoneCallAboutHousingBenefit());
        Inquiry atDesk = receive(aWalkInAboutPassport());
        Inquiry waitingForCitizen = receive(aWalkInAboutPassport());
        complete(taskOf(waitingForCitizen), "desk-slagelse", "AWAIT_CITIZEN", "Mangler dåbsattest");
        Inquiry guidedToSelfService = receive(aWebInquiryAboutMoving());
        List<Inquiry> open = List.of(atContactCenter, atDesk, waitingForCitizen, guidedToSelfService);
        ProcessDefinition running = definitionOf(atContactCenter);
        Map<String, Object> before = deadlinesOf(open);

        // the process owner deploys a changed model (a task renamed) with its forms, as from Modeler
        HttpResponse<String> deployed = as("owner").deploy("inquiry-renamed-task", aChangedLadder());
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        newDeployment = json.readTree(deployed.body()).get("id").asText();
        ProcessDefinition changed = repository.createProcessDefinitionQuery().deploymentId(newDeployment)
                .processDefinitionKey(ProcessConstants.PROCESS_KEY).singleResult();
        assertThat(changed.getVersion()).isEqualTo(running.getVersion() + 1);

        // new inquiries start on it; running ones keep the version they started with
        assertThat(definitionOf(receive(aPhoneCallAboutHousingBenefit())).getId()).isEqualTo(changed.getId());
        open.forEach(i -> assertThat(definitionOf(i).getId()).isEqualTo(running.getId()));

        // the administrator migrates the open ones (engine-rest's migration API, which Cockpit uses)
        HttpResponse<String> plan = as("admin").postJson("/engine-rest/migration/generate", """
                {"sourceProcessDefinitionId": "%s", "targetProcessDefinitionId": "%s", "updateEventTriggers": false}"""
                .formatted(running.getId(), changed.getId()));
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
        ObjectNode execute = json.createObjectNode();
        execute.set("migrationPlan", json.readTree(plan.body()));
        execute.set("processInstanceIds", json.valueToTree(open.stream().map(Inquiry::processInstanceId).toList()));
        HttpResponse<String> migrated = as("admin").postJson("/engine-rest/migration/execute", execute.toString());
        assertThat(migrated.statusCode()).as(migrated.body()).isEqualTo(204);

        open.forEach(i -> assertThat(definitionOf(i).getId()).isEqualTo(changed.getId()));
        assertThat(deadlinesOf(open)).isEqualTo(before);
        assertThat(taskOf(atContactCenter).getProcessDefinitionId()).isEqualTo(changed.getId());

        // a migrated task is completed with its form (from the new deployment), through engine-rest
        Task answer = taskOf(atContactCenter);
        assertThat(as("agent-slagelse").postJson("/engine-rest/task/" + answer.getId() + "/claim",
                "{\"userId\": \"agent-slagelse\"}").statusCode()).isEqualTo(204);
        HttpResponse<String> form = as("agent-slagelse").get("/engine-rest/task/" + answer.getId() + "/deployed-form");
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        HttpResponse<String> done = as("agent-slagelse").postJson("/engine-rest/task/" + answer.getId() + "/complete", """
                {"variables": {"outcome": {"value": "RESOLVED"}, "note": {"value": "Forklaret reglerne"}}}""");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        assertThat(reload(atContactCenter).status()).isEqualTo(InquiryStatus.CLOSED);

        // a migrated breach timer escalates the inquiry once, one tier up
        ClockUtil.setCurrentTime(Date.from(reload(atDesk).dueAt().plus(Duration.ofMinutes(1))));
        fireDueJobsOf(atDesk);
        fireDueJobsOf(atDesk);
        Inquiry escalated = reload(atDesk);
        assertThat(escalated.escalations()).singleElement().satisfies(e -> {
            assertThat(e.fromTier()).isEqualTo(Tier.DESK);
            assertThat(e.toTier()).isEqualTo("SPECIALIST");
        });
        assertThat(taskOf(atDesk).getTaskDefinitionKey()).isEqualTo(ProcessConstants.TASK_HANDLE_BY_SPECIALIST);
        assertThat(taskOf(atDesk).getProcessDefinitionId()).isEqualTo(changed.getId());
    }

    @Test
    void anInvalidModelIsRefusedWithTheEnginesMessageAndNothingOfTheDeploymentIsStored() throws Exception {
        long deploymentsBefore = repository.createDeploymentQuery().count();
        long definitionsBefore = repository.createProcessDefinitionQuery().count();
        Map<String, byte[]> resources = new LinkedHashMap<>();
        resources.put("a-valid-model.bpmn", aModel("valid-" + port, "Flow_Done\" sourceRef=\"StartEvent_Started\" "
                + "targetRef=\"EndEvent_Done").getBytes(StandardCharsets.UTF_8));
        resources.put("a-broken-model.bpmn", aModel("broken-" + port, "Flow_Nowhere\" sourceRef=\"StartEvent_Started\" "
                + "targetRef=\"Task_Missing").getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> refused = as("owner").deploy("valid-and-broken", resources);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("type").asText()).isEqualTo("ParseException");
        assertThat(problem.get("message").asText()).contains("Task_Missing").contains("a-broken-model.bpmn");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
        assertThat(repository.createProcessDefinitionQuery().count()).isEqualTo(definitionsBefore);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("valid-" + port).count()).isZero();
    }

    /** A process of the owner's own (a new key): start, end, and the flow between them as given. */
    private static String aModel(String key, String flow) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Test" targetNamespace="https://borgerflow.dk/bpmn">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_Started"/>
                    <bpmn:sequenceFlow id="%s"/>
                    <bpmn:endEvent id="EndEvent_Done"/>
                  </bpmn:process>
                </bpmn:definitions>""".formatted(key, flow).strip();
    }

    /** processes/inquiry.bpmn with one task renamed, and the forms it references (binding: deployment). */
    private Map<String, byte[]> aChangedLadder() throws IOException {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        String ladder = Files.readString(Path.of("processes", "inquiry.bpmn"));
        assertThat(ladder).contains("name=\"Besvar henvendelsen\"");
        resources.put("inquiry.bpmn", ladder.replace("name=\"Besvar henvendelsen\"", "name=\"Besvar borgerens henvendelse\"")
                .getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
                resources.put(form.getFileName().toString(), Files.readAllBytes(form));
            }
        }
        return resources;
    }

    /** Every deadline an inquiry has: its row's, its task's due and follow-up date, its timers' due dates. */
    private Map<String, Object> deadlinesOf(List<Inquiry> open) {
        Map<String, Object> deadlines = new TreeMap<>();
        for (Inquiry inquiry : open) {
            String id = inquiry.id();
            Inquiry row = reload(inquiry);
            deadlines.put(id + " dueAt", String.valueOf(row.dueAt()));
            deadlines.put(id + " warnAt", String.valueOf(row.warnAt()));
            Task task = tasks.createTaskQuery().processInstanceId(inquiry.processInstanceId()).singleResult();
            if (task != null) {
                deadlines.put(id + " task " + task.getTaskDefinitionKey() + " due", task.getDueDate().toInstant());
                deadlines.put(id + " task " + task.getTaskDefinitionKey() + " follow-up",
                        task.getFollowUpDate().toInstant());
            }
            Map<String, Instant> timers = management.createJobQuery().processInstanceId(inquiry.processInstanceId())
                    .timers().list().stream().collect(Collectors.toMap(this::activityOf,
                            j -> j.getDuedate().toInstant()));
            timers.forEach((activity, due) -> deadlines.put(id + " timer " + activity, due));
        }
        assertThat(deadlines.keySet()).as("the inquiries have deadlines to keep")
                .anyMatch(k -> k.endsWith("timer " + ProcessConstants.TIMER_DEADLINE_BREACHED))
                .anyMatch(k -> k.endsWith("timer " + ProcessConstants.TIMER_DEADLINE_WARNING))
                .anyMatch(k -> k.endsWith("timer Timer_SelfServiceQuietPeriod"))
                .anyMatch(k -> k.endsWith("timer Timer_CitizenReplyOverdue"));
        return deadlines;
    }

    private String activityOf(Job job) {
        return management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
                .getActivityId();
    }

    /** One due job at a time, as the job executor runs them (a breach removes the warning timer). */
    private void fireDueJobsOf(Inquiry inquiry) {
        for (int i = 0; i < 10; i++) {
            List<Job> due = management.createJobQuery().processInstanceId(inquiry.processInstanceId())
                    .duedateLowerThan(ClockUtil.getCurrentTime()).listPage(0, 1);
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
        throw new AssertionError("jobs keep coming due: an escalation loop?");
    }

    private void complete(Task task, String user, String outcome, String note) {
        tasks.claim(task.getId(), user);
        tasks.complete(task.getId(), Map.of("outcome", outcome, "note", note));
    }

    private Inquiry receive(InquiryRequest request) {
        return inquiries.receive(request, null, anAgentOfSlagelse()).inquiry();
    }

    private Inquiry reload(Inquiry inquiry) {
        return inquiries.get(inquiry.id(), anAgentOfSlagelse());
    }

    private Task taskOf(Inquiry inquiry) {
        return tasks.createTaskQuery().processInstanceId(inquiry.processInstanceId()).singleResult();
    }

    private ProcessDefinition definitionOf(Inquiry inquiry) {
        String definitionId = runtime.createProcessInstanceQuery().processInstanceId(inquiry.processInstanceId())
                .singleResult().getProcessDefinitionId();
        return repository.getProcessDefinition(definitionId);
    }

    private EngineRest as(String user) {
        return new EngineRest("http://127.0.0.1:" + port, user, "demo");
    }
}
