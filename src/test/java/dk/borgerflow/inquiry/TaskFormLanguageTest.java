package dk.borgerflow.inquiry;

import static dk.borgerflow.inquiry.InquiryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.testsupport.EngineRest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every user task's form reference is {@code form-<name>${taskForms.suffix(task)}}: Tasklist (through
 * engine-rest's {@code /task/{id}/form} and {@code /deployed-form}) opens the Swedish form for the tasks
 * of Spånga-Tensta (country SE) and the Danish one for the Danish municipalities; tasks of inquiries that
 * started on a version before the reference had the suffix keep their Danish form, and get the Swedish one
 * once migrated. The Swedish forms are the real twins in {@code forms/*-sv.form}, as the application deploys
 * them (and as a process owner deploys them with a new version of the model).
 */
@BorgerflowTest
class TaskFormLanguageTest {


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
    ObjectMapper json;

    final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeTheVersionsOfThisTest() {
        deployments.forEach(d -> repository.deleteDeployment(d, true));
    }

    @Test
    void spangaTenstaGetsTheSwedishFormAndDanishMunicipalitiesTheDanishOne() throws Exception {
        // the application's own deployment of processes/ and forms/, nothing deployed by the test
        Task swedish = taskOf(inquiries.receive(aPhoneCallIn("spanga-tensta"), null, anAgentOf("spanga-tensta"))
                .inquiry());
        Task danish = taskOf(inquiries.receive(aPhoneCallIn("slagelse"), null, anAgentOfSlagelse()).inquiry());

        String swedishForm = danishFormOf(swedish) + "-sv";
        assertThat(formKeyOf(swedish, "admin")).isEqualTo(swedishForm);
        assertThat(deployedFormIdOf(swedish, "admin")).isEqualTo(swedishForm);
        // the twin in forms/, in Swedish
        assertThat(json.readTree(deployedFormOf(swedish, "admin")))
                .isEqualTo(json.readTree(Path.of("forms", swedishForm.substring("form-".length()) + ".form").toFile()));
        assertThat(formKeyOf(danish, "agent-slagelse")).isEqualTo(danishFormOf(danish));
        assertThat(deployedFormIdOf(danish, "agent-slagelse")).isEqualTo(danishFormOf(danish));

        // the Swedish form is the task's contract: the agent completes it over engine-rest
        HttpResponse<String> claimed = as("admin").postJson("/engine-rest/task/" + swedish.getId()
                + "/claim", "{\"userId\": \"agent-spanga-tensta\"}");
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
        HttpResponse<String> refused = as("admin").postJson("/engine-rest/task/" + swedish.getId() + "/complete",
                "{\"variables\": {\"notOnTheForm\": {\"value\": \"x\"}}}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains(swedishForm);
        HttpResponse<String> done = as("admin").postJson("/engine-rest/task/" + swedish.getId()
                + "/complete", "{\"variables\": {\"outcome\": {\"value\": \"RESOLVED\"}, \"note\": {\"value\": \"Klart\"}}}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    }

    @Test
    void aTaskOfAnInquiryStartedBeforeTheSuffixKeepsItsFormAndGetsTheSwedishOneWhenMigrated() throws Exception {
        // the ladder as it was before issue 14: camunda:formRef without the language
        String before = Files.readString(Path.of("src/test/resources/layout/cluttered.bpmn"));
        assertThat(before).doesNotContain("taskForms");
        String old = deploy("before-the-suffix", before);
        Task started = taskOf(inquiries.receive(aPhoneCallIn("spanga-tensta"), null, anAgentOf("spanga-tensta"))
                .inquiry());
        assertThat(definitionOf(started)).isEqualTo(definitionIn(old));

        String current = deploy("with-swedish-form", Files.readString(Path.of("processes", "inquiry.bpmn")));
        String danishForm = danishFormOf(started);
        assertThat(formKeyOf(started, "admin")).isEqualTo(danishForm);
        assertThat(deployedFormIdOf(started, "admin")).isEqualTo(danishForm);

        runtime.newMigration(runtime.createMigrationPlan(definitionIn(old), definitionIn(current))
                .mapActivities(started.getTaskDefinitionKey(), started.getTaskDefinitionKey())
                .build()).processInstanceIds(started.getProcessInstanceId()).execute();

        Task migrated = tasks.createTaskQuery().taskId(started.getId()).singleResult();
        assertThat(migrated.getProcessDefinitionId()).isEqualTo(definitionIn(current));
        assertThat(formKeyOf(migrated, "admin")).isEqualTo(danishForm + "-sv");
        assertThat(deployedFormIdOf(migrated, "admin")).isEqualTo(danishForm + "-sv");
    }

    private static InquiryRequest aPhoneCallIn(String municipality) {
        return new InquiryRequest(municipality, Channel.PHONE, "housing-benefit", "Frågar om bostadsbidrag", null,
                anOrdinaryCitizen());
    }

    private String deploy(String name, String ladder) throws IOException, InterruptedException {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        resources.put("inquiry.bpmn", ladder.replace("name=\"Besvar henvendelsen\"", "name=\"Besvar henvendelsen (" + name
                + ")\"").getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
                resources.put(form.getFileName().toString(), Files.readAllBytes(form));
            }
        }
        HttpResponse<String> deployed = as("owner").deploy(name, resources);
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        String id = json.readTree(deployed.body()).get("id").asText();
        deployments.add(id);
        return id;
    }

    /** The Danish form of the task's definition in processes/: its id in camunda:formRef, before the suffix. */
    private static String danishFormOf(Task task) throws IOException {
        String ladder = Files.readString(Path.of("processes", "inquiry.bpmn"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"" + task.getTaskDefinitionKey()
                + "\"[^>]*camunda:formRef=\"(form-[a-z-]+)").matcher(ladder);
        assertThat(m.find()).as("form of %s", task.getTaskDefinitionKey()).isTrue();
        return m.group(1);
    }

    private String formKeyOf(Task task, String user) throws Exception {
        HttpResponse<String> form = as(user).get("/engine-rest/task/" + task.getId() + "/form");
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        return json.readTree(form.body()).at("/camundaFormRef/key").asText();
    }

    private String deployedFormIdOf(Task task, String user) throws Exception {
        return json.readTree(deployedFormOf(task, user)).get("id").asText();
    }

    private String deployedFormOf(Task task, String user) throws Exception {
        HttpResponse<String> form = as(user).get("/engine-rest/task/" + task.getId() + "/deployed-form");
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        return form.body();
    }

    private Task taskOf(Inquiry inquiry) {
        return tasks.createTaskQuery().processInstanceId(inquiry.processInstanceId()).singleResult();
    }

    private String definitionOf(Task task) {
        return task.getProcessDefinitionId();
    }

    private String definitionIn(String deployment) {
        return repository.createProcessDefinitionQuery().deploymentId(deployment)
                .processDefinitionKey(ProcessConstants.PROCESS_KEY).singleResult().getId();
    }

    private EngineRest as(String user) {
        return new EngineRest("http://127.0.0.1:" + port, user, "demo");
    }
}
