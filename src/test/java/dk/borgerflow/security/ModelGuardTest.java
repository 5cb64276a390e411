package dk.borgerflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.testsupport.EngineRest;
import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.Expression;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The process owner changes models, not the system. Deployed as {@code owner} over engine-rest (what
 * Camunda Modeler does): a model with a script, a Java class, a shell task, an expression reaching the
 * engine's API, a bean off the list or a method of a variable, a DMN in JUEL or JavaScript, or a
 * deployment with a file that is no model is refused with 400 naming the element, and nothing of it
 * is deployed. An allowed model deploys. At runtime expressions see only the listed beans.
 */
@BorgerflowTest
class ModelGuardTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    RepositoryService repository;
    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    ApplicationContext context;
    @Autowired
    ModelGuardProperties properties;

    // ---- refused at deployment ----

    @Test
    void aScriptTaskIsRefused() throws Exception {
        assertRefused(aProcessWith("""
                <bpmn:scriptTask id="Task_RunScript" scriptFormat="javascript">
                  <bpmn:script>java.lang.Runtime.getRuntime().exec('id')</bpmn:script>
                </bpmn:scriptTask>"""), "Task_RunScript", "script task");
    }

    @Test
    void aJuelScriptInAnExecutionListenerIsRefused() throws Exception {
        assertRefused(aProcessWith("""
                <bpmn:userTask id="Task_Listened" camunda:candidateGroups="desk">
                  <bpmn:extensionElements>
                    <camunda:executionListener event="start">
                      <camunda:script scriptFormat="juel">${execution.processEngineServices}</camunda:script>
                    </camunda:executionListener>
                  </bpmn:extensionElements>
                </bpmn:userTask>"""), "Task_Listened", "camunda:script");
    }

    @Test
    void aScriptInAnInputMappingIsRefused() throws Exception {
        assertRefused(aProcessWith("""
                <bpmn:userTask id="Task_Mapped" camunda:candidateGroups="desk">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="x">
                        <camunda:script scriptFormat="groovy">'id'.execute()</camunda:script>
                      </camunda:inputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                </bpmn:userTask>"""), "Task_Mapped", "camunda:script");
    }

    @Test
    void aScriptConditionIsRefused() throws Exception {
        assertRefused(aFlowWithCondition("""
                <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">true</bpmn:conditionExpression>"""),
                "Flow_Conditional", "language='javascript'");
    }

    @Test
    void aJavaClassInAServiceTaskOrListenerIsRefused() throws Exception {
        assertRefused(aProcessWith("""
                <bpmn:serviceTask id="Task_JavaClass" camunda:class="org.camunda.bpm.engine.impl.util.ReflectUtil"/>"""),
                "Task_JavaClass", "Java classes");
        assertRefused(aProcessWith("""
                <bpmn:userTask id="Task_ClassListener" camunda:candidateGroups="desk">
                  <bpmn:extensionElements>
                    <camunda:taskListener event="create" class="java.lang.Object"/>
                  </bpmn:extensionElements>
                </bpmn:userTask>"""), "Task_ClassListener", "Java classes");
    }

    @Test
    void aShellTaskAndAConnectorAreRefused() throws Exception {
        assertRefused(aProcessWith("""
                <bpmn:serviceTask id="Task_Shell" camunda:type="shell">
                  <bpmn:extensionElements>
                    <camunda:field name="command"><camunda:string>id</camunda:string></camunda:field>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>"""), "Task_Shell", "camunda:type='shell'");
        assertRefused(aProcessWith("""
                <bpmn:serviceTask id="Task_Connector">
                  <bpmn:extensionElements>
                    <camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>"""), "Task_Connector", "camunda:connector");
    }

    @Test
    void anExpressionReachingTheEnginesApiIsRefused() throws Exception {
        assertRefused(aProcessWith("""
                <bpmn:serviceTask id="Task_TakeOver"
                    camunda:expression="${execution.processEngineServices.identityService.createMembership('owner', 'camunda-admin')}"/>"""),
                "Task_TakeOver", "'execution' may only be passed as a whole");
    }

    @Test
    void aBeanThatIsNotOnTheListIsRefused() throws Exception {
        assertRefused(aProcessWith("""
                <bpmn:serviceTask id="Task_OtherBean" camunda:delegateExpression="${inquiryService}"/>"""),
                "Task_OtherBean", "'inquiryService' is an application bean that models may not use");
    }

    @Test
    void aMethodCallOnAVariableIsRefused() throws Exception {
        assertRefused(aFlowWithCondition("""
                <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${summary.getClass().forName('java.lang.Runtime') != null}</bpmn:conditionExpression>"""),
                "Flow_Conditional", "calls a method on something that is not an allowed bean");
        assertRefused(aProcessWith("""
                <bpmn:userTask id="Task_PropertyChain" camunda:candidateGroups="${summary.class.classLoader}"/>"""),
                "Task_PropertyChain", "reads a property");
    }

    @Test
    void aDecisionInJuelOrJavascriptIsRefused() throws Exception {
        assertRefused("decision.dmn", aDecision("""
                <inputExpression id="InputExpression_Evil" typeRef="string" expressionLanguage="juel">
                  <text>${execution.processEngineServices}</text>
                </inputExpression>""", "\"x\""), "InputExpression_Evil", "expressionLanguage='juel'");
        assertRefused("decision.dmn", aDecision("""
                <inputExpression id="InputExpression_Plain" typeRef="string"><text>topic</text></inputExpression>""",
                "<text>java.lang.System.exit(1)</text>").replace("<outputEntry id=\"Out_1\">",
                "<outputEntry id=\"Out_1\" expressionLanguage=\"javascript\">"), "Out_1",
                "expressionLanguage='javascript'");
    }

    @Test
    void aFileThatIsNoModelRefusesTheWholeDeployment() throws Exception {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        resources.put("allowed.bpmn", anAllowedProcess());
        resources.put("form.html", "<script>fetch('/engine-rest/user')</script>".getBytes(StandardCharsets.UTF_8));
        long deployments = repository.createDeploymentQuery().count();

        HttpResponse<String> refused = owner().deploy("with-html", resources);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("form.html").contains("Only BPMN, DMN and Camunda Forms");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(allowedKey).count()).isZero();
    }

    @Test
    void anEmbeddedFormIsRefused() throws Exception {
        assertRefused(aProcessWith("""
                <bpmn:userTask id="Task_Embedded" camunda:candidateGroups="desk"
                    camunda:formKey="embedded:deployment:evil.html"/>"""), "Task_Embedded", "only Camunda Forms");
    }

    @Test
    void aModelWithADoctypeIsRefusedBeforeAnyEntityIsExpanded() throws Exception {
        String bomb = new String(aProcessWith("<bpmn:userTask id=\"Task_Bomb\" name=\"&b;\"/>"),
                StandardCharsets.UTF_8).replace("<bpmn:definitions", """
                <!DOCTYPE bpmn:definitions [<!ENTITY a "aaaaaaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">
                  <!ENTITY x SYSTEM "file:///etc/passwd">]>
                <bpmn:definitions""");
        long deployments = repository.createDeploymentQuery().count();

        HttpResponse<String> refused = owner().deploy("doctype", "doctype.bpmn", bomb.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).containsIgnoringCase("DOCTYPE");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    // ---- allowed ----

    @Test
    void aModelUsingAllowedBeansVariablesAndFunctionsDeploys() throws Exception {
        long deployments = repository.createDeploymentQuery().count();

        HttpResponse<String> deployed = owner().deploy("allowed", "allowed.bpmn", anAllowedProcess());

        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments + 1);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(allowedKey).count()).isEqualTo(1);
    }

    @Test
    void theApplicationsOwnModelsPassAndNameOnlyListedBeansThatExist() throws Exception {
        ModelGuard guard = new ModelGuard(new ExpressionRule(Set.copyOf(properties.expressionBeans()),
                context::containsBean));
        Set<String> named = new TreeSet<>();
        Pattern bean = Pattern.compile("\\$\\{([A-Za-z]+)[.}]");
        for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.*")) {
            byte[] content = model.getContentAsByteArray();
            assertThat(guard.problems(model.getFilename(), content)).as(model.getFilename()).isEmpty();
            Matcher m = bean.matcher(new String(content, StandardCharsets.UTF_8));
            while (m.find()) {
                if (context.containsBean(m.group(1))) {
                    named.add(m.group(1));
                }
            }
        }
        assertThat(properties.expressionBeans()).as("every bean the models name is listed").containsAll(named);
        assertThat(properties.expressionBeans()).as("every listed name is a bean of the application")
                .allSatisfy(name -> assertThat(context.containsBean(name)).as(name).isTrue());
    }

    // ---- at runtime ----

    @Test
    void expressionsReachOnlyListedBeansAndAVariableCannotStandInForOne() {
        VariableScope scope = aScopeWith(Map.of("recordRouting", "a string set by a client", "outcome", "DESK"));

        Object listed = evaluate("${recordRouting}", scope);
        Object variable = evaluate("${outcome}", scope);

        assertThat(listed).isSameAs(context.getBean("recordRouting"));
        assertThat(variable).isEqualTo("DESK");
        // a model deployed before the guard is re-read as stored, but even there other beans stay out of reach
        Expression stored = GuardedExpressionManager.readingStoredDeployment(
                () -> engine.getExpressionManager().createExpression("${inquiryService}"));
        assertThatThrownBy(() -> inCommand(() -> stored.getValue(scope))).hasMessageContaining("inquiryService");
    }

    @Test
    void aStoredFilterRunsNoExpressionTheRuleRefuses() throws Exception {
        // only the administrator may create filters; this one would evaluate (to "admin"), but calls a method
        // of something that is not an allowed bean
        EngineRest admin = new EngineRest("http://127.0.0.1:" + port, "admin", "demo");
        HttpResponse<String> created = admin.postJson("/engine-rest/filter/create", """
                {"resourceType":"Task","name":"evil-%s","owner":"admin",
                 "query":{"assigneeExpression":"${currentUser().toString()}"}}""".formatted(UUID.randomUUID()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String filter = json.readTree(created.body()).get("id").asText();

        HttpResponse<String> list = admin.get("/engine-rest/filter/" + filter + "/list");

        assertThat(list.statusCode()).as(list.body()).isEqualTo(500);
        assertThat(list.body()).contains("Unable to resolve expression '${currentUser().toString()}'");
        assertThat(admin.delete("/engine-rest/filter/" + filter).statusCode()).isEqualTo(204);
    }

    @Test
    void aTaskQueryOverEngineRestRunsNoExpressionAtAll() throws Exception {
        EngineRest agent = new EngineRest("http://127.0.0.1:" + port, "agent-slagelse", "demo");

        HttpResponse<String> refused = agent.get("/engine-rest/task?assigneeExpression="
                + java.net.URLEncoder.encode("${currentUser()}", StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("Expressions are forbidden in adhoc queries");
    }

    // ---- helpers ----

    private final String allowedKey = "Process_Allowed" + UUID.randomUUID().toString().replace("-", "");

    private byte[] anAllowedProcess() {
        return process(allowedKey, """
                <bpmn:startEvent id="StartEvent_Started"/>
                <bpmn:serviceTask id="Task_Record" camunda:delegateExpression="${recordRouting}"/>
                <bpmn:userTask id="Task_Answer" camunda:candidateGroups="${answerGroup}" camunda:dueDate="${dueAt}"
                    camunda:followUpDate="${dateTime().plusDays(2).toDate()}" camunda:assignee="${currentUser()}"
                    camunda:priority="${escalated ? 80 : 50}" camunda:formRef="answer-in-contact-center"
                    camunda:formRefBinding="deployment">
                  <bpmn:extensionElements>
                    <camunda:taskListener event="complete" delegateExpression="${recordTaskOutcome}"/>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:subProcess id="SubProcess_Branches">
                  <bpmn:multiInstanceLoopCharacteristics camunda:collection="${consultationBranches.answering(execution)}"
                      camunda:elementVariable="consulteeId"/>
                  <bpmn:startEvent id="StartEvent_Branch"/>
                </bpmn:subProcess>""");
    }

    private byte[] aProcessWith(String element) {
        return process("Process_Refused" + UUID.randomUUID().toString().replace("-", ""),
                "<bpmn:startEvent id=\"StartEvent_Started\"/>\n" + element);
    }

    private byte[] aFlowWithCondition(String condition) {
        return aProcessWith("""
                <bpmn:exclusiveGateway id="Gateway_Decide"/>
                <bpmn:endEvent id="EndEvent_Done"/>
                <bpmn:sequenceFlow id="Flow_Conditional" sourceRef="Gateway_Decide" targetRef="EndEvent_Done">
                  %s
                </bpmn:sequenceFlow>""".formatted(condition));
    }

    private static byte[] process(String key, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    id="Definitions_%1$s" targetNamespace="http://borgerflow.dk/test">
                  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
                %2$s
                  </bpmn:process>
                </bpmn:definitions>""".formatted(key, body).getBytes(StandardCharsets.UTF_8);
    }

    private static String aDecision(String inputExpression, String output) {
        String key = "Decision_Refused" + UUID.randomUUID().toString().replace("-", "");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                    id="Definitions_%1$s" name="Refused" namespace="http://borgerflow.dk/test">
                  <decision id="%1$s" name="Refused" camunda:historyTimeToLive="P1D">
                    <decisionTable id="DecisionTable_Refused">
                      <input id="Input_1">
                        %2$s
                      </input>
                      <output id="Output_1" name="result" typeRef="string"/>
                      <rule id="Rule_1">
                        <inputEntry id="In_1"><text></text></inputEntry>
                        <outputEntry id="Out_1">%3$s</outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>""".formatted(key, inputExpression, output.startsWith("<") ? output
                : "<text>" + output + "</text>");
    }

    private void assertRefused(byte[] model, String elementId, String reason) throws Exception {
        assertRefused("refused.bpmn", new String(model, StandardCharsets.UTF_8), elementId, reason);
    }

    private void assertRefused(String resourceName, String model, String elementId, String reason) throws Exception {
        long deployments = repository.createDeploymentQuery().count();
        long processes = repository.createProcessDefinitionQuery().count();
        long decisions = repository.createDecisionDefinitionQuery().count();

        HttpResponse<String> refused = owner().deploy("refused-" + UUID.randomUUID(), resourceName,
                model.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode body = json.readTree(refused.body());
        assertThat(body.get("type").asText()).isEqualTo("ParseException");
        assertThat(body.get("message").asText()).contains(elementId).contains(reason);
        JsonNode errors = body.at("/details/" + resourceName + "/errors");
        assertThat(errors.findValuesAsText("mainElementId")).as(refused.body()).contains(elementId);
        assertThat(repository.createDeploymentQuery().count()).as("no deployment").isEqualTo(deployments);
        assertThat(repository.createProcessDefinitionQuery().count()).as("no process definition").isEqualTo(processes);
        assertThat(repository.createDecisionDefinitionQuery().count()).as("no decision").isEqualTo(decisions);
    }

    private EngineRest owner() {
        return new EngineRest("http://127.0.0.1:" + port, "owner", "demo");
    }

    private Object evaluate(String text, VariableScope scope) {
        Expression expression = engine.getExpressionManager().createExpression(text);
        return inCommand(() -> expression.getValue(scope));
    }

    private Object inCommand(java.util.function.Supplier<Object> work) {
        return engine.getCommandExecutorTxRequired().execute(commandContext -> work.get());
    }

    /** A variable scope holding just these variables (what a client could have set on an execution). */
    private static VariableScope aScopeWith(Map<String, Object> variables) {
        return (VariableScope) Proxy.newProxyInstance(VariableScope.class.getClassLoader(),
                new Class<?>[] {VariableScope.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "hasVariable" -> variables.containsKey((String) args[0]);
                    case "getVariable" -> variables.get((String) args[0]);
                    case "getVariableScopeKey" -> "test";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "scope" + variables.keySet();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
