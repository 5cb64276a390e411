package dk.borgerflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarFile;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;

/**
 * The engine guard must keep up with the engine it guards. Every command class of the Camunda engine
 * on the classpath that carries variables or a builder (what a client could smuggle state in with)
 * is either looked at by {@link EngineClientGuard}, or listed below with the reason engine clients
 * cannot reach it. A Camunda upgrade that adds such a command fails this test until someone decides.
 */
class EngineCommandCoverageTest {

    /** Commands that carry variables but that workers cannot use through engine-rest or Tasklist. */
    static final Map<String, String> NOT_FOR_ENGINE_CLIENTS = Map.ofEntries(
            Map.entry("org.camunda.bpm.engine.impl.cmd.CreateTaskCmd", "standalone tasks are switched off"),
            Map.entry("org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd", "attachments hold no variables"),
            Map.entry("org.camunda.bpm.engine.impl.cmd.DeployCmd",
                    "deploying needs the DEPLOYMENT CREATE grant (process owner, admin); models are checked at parse"),
            Map.entry("org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd", "delegation carries no variables"),
            Map.entry("org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd", "attachments hold no variables"),
            Map.entry("org.camunda.bpm.engine.impl.cmd.DeleteUserIdentityLinkCmd",
                    "a candidate user removed leaves the task's candidate groups (those may not be removed)"),
            Map.entry("org.camunda.bpm.engine.impl.cmd.CreateMigrationPlanCmd",
                    "a plan changes nothing; executing it (MigrateProcessInstanceCmd) is refused to workers"),
            Map.entry("org.camunda.bpm.engine.impl.cmd.ActivityBeforeInstantiationCmd",
                    "an instruction inside a modification or start, which the guard checks as a whole"),
            Map.entry("org.camunda.bpm.engine.impl.cmd.ActivityAfterInstantiationCmd",
                    "an instruction inside a modification or start, which the guard checks as a whole"),
            Map.entry("org.camunda.bpm.engine.impl.cmd.TransitionInstantiationCmd",
                    "an instruction inside a modification or start, which the guard checks as a whole"),
            Map.entry("org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionCmd",
                    "evaluating a decision writes nothing but its history"),
            Map.entry("org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionTableCmd",
                    "evaluating a decision writes nothing but its history"),
            Map.entry("org.camunda.bpm.engine.impl.cmmn.cmd.CaseExecutionVariableCmd", "CMMN is switched off"),
            Map.entry("org.camunda.bpm.engine.impl.cmmn.cmd.CreateCaseInstanceCmd", "CMMN is switched off"),
            Map.entry("org.camunda.bpm.engine.impl.cmmn.cmd.CompleteCaseExecutionCmd", "CMMN is switched off"),
            Map.entry("org.camunda.bpm.engine.impl.cmmn.cmd.DisableCaseExecutionCmd", "CMMN is switched off"),
            Map.entry("org.camunda.bpm.engine.impl.cmmn.cmd.ManualStartCaseExecutionCmd", "CMMN is switched off"),
            Map.entry("org.camunda.bpm.engine.impl.cmmn.cmd.ReenableCaseExecutionCmd", "CMMN is switched off"),
            Map.entry("org.camunda.bpm.engine.impl.cmmn.cmd.CloseCaseInstanceCmd", "CMMN is switched off"),
            Map.entry("org.camunda.bpm.engine.impl.cmmn.cmd.TerminateCaseExecutionCmd", "CMMN is switched off"),
            Map.entry("org.camunda.bpm.engine.impl.cmmn.cmd.StateTransitionCaseExecutionCmd", "CMMN is switched off"));

    @Test
    void everyEngineCommandThatCarriesVariablesIsCheckedRefusedOrUnreachable() throws Exception {
        List<String> unclassified = new ArrayList<>();
        for (Class<?> command : engineCommands()) {
            if (carriesState(command) && !EngineClientGuard.covers(command)
                    && !NOT_FOR_ENGINE_CLIENTS.containsKey(command.getName())) {
                unclassified.add(command.getName());
            }
        }
        assertThat(unclassified).as("engine commands carrying variables that the guard neither checks nor refuses; "
                + "classify them in EngineClientGuard or NOT_FOR_ENGINE_CLIENTS").isEmpty();
    }

    @Test
    void theCommandFieldsTheGuardReadsExistInThisEngine() {
        assertThatCode(EngineCommandFields::new).doesNotThrowAnyException();
    }

    @Test
    void theGuardCoversTheCommandsOfTheIssuesAttacks() {
        for (String name : List.of("CompleteTaskCmd", "SubmitTaskFormCmd", "SetTaskVariablesCmd",
                "SetExecutionVariablesCmd", "StartProcessInstanceCmd", "CorrelateMessageCmd", "HandleTaskBpmnErrorCmd",
                "ModifyProcessInstanceCmd", "SaveTaskCmd")) {
            assertThat(EngineClientGuard.covers(load("org.camunda.bpm.engine.impl.cmd." + name))).as(name).isTrue();
        }
    }

    private static boolean carriesState(Class<?> command) {
        for (Class<?> c = command; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                Class<?> t = f.getType();
                if (t.getName().endsWith("QueryImpl") || command.getName().endsWith("QueryImpl")) {
                    continue; // queries read
                }
                if (Map.class.isAssignableFrom(t) && f.getName().toLowerCase().contains("variable")
                        || org.camunda.bpm.engine.variable.VariableMap.class.isAssignableFrom(t)
                        || t.getName().endsWith("BuilderImpl") && !t.getName().contains("Query")
                        || t.getName().endsWith("TaskEntity")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Collection<Class<?>> engineCommands() throws Exception {
        File jar = new File(Command.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        TreeSet<String> names = new TreeSet<>();
        try (JarFile file = new JarFile(jar)) {
            file.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("org/camunda/bpm/engine/impl/") && n.endsWith(".class") && !n.contains("$"))
                    .forEach(n -> names.add(n.replace('/', '.').substring(0, n.length() - ".class".length())));
        }
        List<Class<?>> commands = new ArrayList<>();
        for (String name : names) {
            Class<?> type = load(name);
            if (type != null && Command.class.isAssignableFrom(type) && !type.isInterface()
                    && !Modifier.isAbstract(type.getModifiers())) {
                commands.add(type);
            }
        }
        assertThat(commands).as("engine commands found").hasSizeGreaterThan(100);
        return commands;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EngineCommandCoverageTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
