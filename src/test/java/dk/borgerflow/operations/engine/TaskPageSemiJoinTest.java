package dk.borgerflow.operations.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.borgerflow.BorgerflowTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.ibatis.mapping.MappedStatement;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Camunda's task query as a semi-join (TaskPageSemiJoinPlugin) answers exactly what Camunda's own
 * statement answers: the same tasks in the same order, page by page, with the authorization and
 * tenant checks of an agent, for tasks with several candidate groups of the agent (where Camunda
 * needs its DISTINCT), assigned tasks, other tenants' tasks and OR queries. Each query runs once
 * through the patch and once with the statement mapping removed (Camunda's statement).
 */
@BorgerflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskPageSemiJoinTest {

    static final String PROCESS = "semiJoinProbe";

    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired FilterService filters;
    Deployment deployment;
    final SqlCapture sql = new SqlCapture();

    @BeforeAll
    void tasksOfTwoTenantsWithOneOrTwoCandidateGroups() {
        deployment = engine.getRepositoryService().createDeployment().name("semi-join-probe")
                .addModelInstance("semi-join-probe.bpmn", Bpmn.createExecutableProcess(PROCESS)
                        .camundaHistoryTimeToLiveString("P1D").startEvent()
                        .userTask("Task_Probe").name("${name}").camundaCandidateGroups("${groups}")
                        .camundaDueDate("${dueAt}").endEvent().done())
                .deploy();
        List<String> groupSets = List.of("cc-general", "cc-family", "cc-general,cc-family", "desk",
                "cc-general,desk", "specialist-social");
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 36; i++) {
            Map<String, Object> v = new HashMap<>();
            v.put("municipality", i % 3 == 0 ? "roskilde" : "slagelse");
            v.put("groups", groupSets.get(i % groupSets.size()));
            // unique due dates, not in start order; names repeat
            v.put("dueAt", Date.from(base.plus((i * 7919L) % 1000, ChronoUnit.MINUTES)));
            v.put("name", "Probe " + (char) ('A' + i % 5));
            v.put("summary", "probe " + (35 - i));
            engine.getRuntimeService().startProcessInstanceByKey(PROCESS, v);
        }
        List<Task> created = tasks.createTaskQuery().processDefinitionKey(PROCESS).orderByTaskId().asc().list();
        for (int i = 0; i < created.size(); i += 5) {
            tasks.setAssignee(created.get(i).getId(), "agent-slagelse");
        }
        configuration().getSqlSessionFactory().getConfiguration().addInterceptor(sql);
    }

    @AfterAll
    void removeTheProbe() {
        engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }

    @Test
    void theTasklistFilterOfAnAgentAnswersAsCamundasStatementPageByPage() {
        String filterId = filters.createFilterQuery().filterName("Min gruppes opgaver").singleResult().getId();
        asAgent(() -> {
            List<Task> all = sameAsCamunda(() -> filters.list(filterId), TaskPageSemiJoinTest::dueDate);
            assertThat(all).isNotEmpty().allMatch(t -> "slagelse".equals(t.getTenantId()) && t.getAssignee() == null);
            assertThat(all).extracting(Task::getId).doesNotHaveDuplicates();
            for (int first = 0; first < all.size() + 5; first += 4) {
                int from = first;
                sameAsCamunda(() -> filters.listPage(filterId, from, 4), TaskPageSemiJoinTest::dueDate);
            }
            return null;
        });
        assertThat(sql.last(TaskPageSemiJoinPlugin.SEMI_JOIN)).startsWith("select RES.REV_").contains("where RES.ID_ in (")
                .contains("end ) > 0");
    }

    @Test
    void aRevokeOnOneTaskHidesItFromTheAgentAsInCamunda() {
        String filterId = filters.createFilterQuery().filterName("Min gruppes opgaver").singleResult().getId();
        List<Task> before = asAgent(() -> sameAsCamunda(() -> filters.list(filterId), TaskPageSemiJoinTest::dueDate));
        Task hidden = before.stream().filter(t -> t.getProcessDefinitionId().startsWith(PROCESS + ":")).findFirst()
                .orElseThrow();
        var authorizations = engine.getAuthorizationService();
        var revoke = authorizations.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE);
        revoke.setUserId("agent-slagelse");
        revoke.setResource(org.camunda.bpm.engine.authorization.Resources.TASK);
        revoke.setResourceId(hidden.getId());
        revoke.removePermission(org.camunda.bpm.engine.authorization.Permissions.READ);
        authorizations.saveAuthorization(revoke);
        try {
            List<Task> after = asAgent(() -> sameAsCamunda(() -> filters.list(filterId), TaskPageSemiJoinTest::dueDate));
            assertThat(after).extracting(Task::getId).doesNotContain(hidden.getId()).hasSize(before.size() - 1);
            assertThat(asAgent(() -> sameCountAsCamunda(() -> filters.count(filterId)))).isEqualTo(after.size());
            // another municipality's agent sees none of slagelse's probes, through either statement
            identity.setAuthentication("agent-roskilde", identity.createGroupQuery().groupMember("agent-roskilde")
                    .list().stream().map(g -> g.getId()).toList(), List.of("roskilde"));
            try {
                assertThat(sameAsCamunda(() -> filters.list(filterId), TaskPageSemiJoinTest::dueDate)).noneMatch(t -> "slagelse".equals(t.getTenantId()));
            } finally {
                identity.clearAuthentication();
            }
        } finally {
            authorizations.deleteAuthorization(revoke.getId());
        }
    }

    @Test
    void tasksWithTwoCandidateGroupsOfTheAgentComeOnce() {
        List<Task> both = asAgent(() -> sameAsCamunda(() -> probe().taskCandidateGroupIn(List.of("cc-general",
                "cc-family", "desk")).orderByDueDate().asc().list()));
        // slagelse's unassigned probes in those groups: each once, though most have two matching links
        assertThat(both).extracting(Task::getId).doesNotHaveDuplicates();
        assertThat(both).hasSize(asAgent(() -> probe().taskCandidateGroupIn(List.of("cc-general", "cc-family",
                "desk")).count()).intValue());
        assertThat(both).isNotEmpty().allMatch(t -> "slagelse".equals(t.getTenantId()));
    }

    @Test
    void otherOrderingsOrQueriesAndPagesAnswerAsCamundasStatement() {
        List<Supplier<List<Task>>> queries = List.of(
                () -> probe().orderByDueDate().desc().listPage(3, 7),
                () -> probe().orderByTaskName().asc().orderByDueDate().asc().list(),
                () -> probe().taskUnassigned().orderByTaskCreateTime().asc().orderByDueDate().desc().listPage(0, 10),
                () -> probe().or().taskCandidateGroup("desk").taskAssignee("agent-slagelse").endOr()
                        .orderByDueDate().asc().list(),
                () -> probe().taskCandidateGroupIn(List.of("cc-general", "cc-family")).tenantIdIn("roskilde")
                        .orderByDueDate().asc().listPage(1, 3),
                () -> probe().taskCandidateGroup("cc-general").list());
        for (Supplier<List<Task>> query : queries) {
            assertThat(sameAsCamunda(query)).isNotEmpty();
            assertThat(asAgent(() -> sameAsCamunda(query))).isNotNull();
        }
    }

    @Test
    void countsOfEveryFilterAndQueryAnswerAsCamundasCount() {
        // every filter as Tasklist counts it for an agent (their expressions need a signed-in user)
        for (var filter : filters.createFilterQuery().list()) {
            asAgent(() -> sameCountAsCamunda(() -> filters.count(filter.getId())));
        }
        List<Supplier<Long>> counts = new java.util.ArrayList<>();
        counts.add(() -> probe().taskCandidateGroupIn(List.of("cc-general", "cc-family", "desk")).count());
        counts.add(() -> probe().or().taskCandidateGroup("desk").taskAssignee("agent-slagelse").endOr().count());
        counts.add(() -> probe().taskUnassigned().count());
        for (Supplier<Long> count : counts) {
            sameCountAsCamunda(count);
            asAgent(() -> sameCountAsCamunda(count));
        }
        assertThat(asAgent(() -> sameCountAsCamunda(() -> probe().taskCandidateGroupIn(List.of("cc-general",
                "cc-family", "desk")).count()))).isPositive();
    }

    private long sameCountAsCamunda(Supplier<Long> count) {
        long patched = count.get();
        DbSqlSessionFactory sessions = configuration().getDbSqlSessionFactory();
        Map<String, String> mappings = sessions.getStatementMappings();
        Map<String, String> withoutPatch = new HashMap<>(mappings);
        withoutPatch.remove(TaskPageSemiJoinPlugin.CAMUNDA_COUNT);
        sessions.setStatementMappings(withoutPatch);
        long camundas;
        try {
            camundas = count.get();
        } finally {
            sessions.setStatementMappings(mappings);
        }
        assertThat(patched).as("count through the semi-join vs Camunda's").isEqualTo(camundas);
        return patched;
    }

    @Test
    void orderingsByAVariableOrTheNameIgnoringCaseKeepCamundasStatement() {
        List<Task> byVariable = sameAsCamunda(() -> probe().orderByProcessVariable("summary", ValueType.STRING)
                .asc().list());
        assertThat(byVariable).hasSize((int) probe().count());
        assertThat(sql.last(TaskPageSemiJoinPlugin.SEMI_JOIN)).startsWith("select distinct").doesNotContain("RES.ID_ in (");
        sameAsCamunda(() -> probe().orderByTaskNameCaseInsensitive().asc().orderByDueDate().asc().list());
        assertThat(sql.last(TaskPageSemiJoinPlugin.SEMI_JOIN)).startsWith("select distinct");
    }

    @Test
    void anEngineWithoutCamundasStatementOrFragmentsIsRefusedAtStartup() {
        assertThatThrownBy(() -> TaskPageSemiJoinPlugin.requireCamundasStatement(
                new org.apache.ibatis.session.Configuration())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("selectTaskByQueryCriteria");
        org.apache.ibatis.session.Configuration camundas = configuration().getSqlSessionFactory().getConfiguration();
        TaskPageSemiJoinPlugin.requireCamundasStatement(camundas);
        assertThat(configuration().getDbSqlSessionFactory().mapStatement(TaskPageSemiJoinPlugin.CAMUNDA_STATEMENT))
                .isEqualTo(TaskPageSemiJoinPlugin.SEMI_JOIN);
        assertThat(configuration().getDbSqlSessionFactory().mapStatement(TaskPageSemiJoinPlugin.CAMUNDA_COUNT))
                .isEqualTo(TaskPageSemiJoinPlugin.SEMI_JOIN_COUNT);
    }

    private TaskQuery probe() {
        return tasks.createTaskQuery().processDefinitionKey(PROCESS);
    }

    /**
     * Runs the query through the patch and through Camunda's statement; both answer the same, in
     * order. Tasks with equal sort keys (other tests' tasks share due dates: deadlines fall on
     * opening hours) may come in either order in both statements, so within such a group the same
     * tasks are demanded, except in the page's last group, which the page may cut anywhere.
     */
    private List<Task> sameAsCamunda(Supplier<List<Task>> query) {
        return sameAsCamunda(query, TaskPageSemiJoinTest::key);
    }

    /**
     * The same, where {@code sortKey} is what the query orders by: tasks that tie on it come in an order
     * neither statement promises (the filters order by due date only), so within a tie only the set
     * counts, and a tie cut by a page's first or last row may hold other tasks in each.
     */
    private List<Task> sameAsCamunda(Supplier<List<Task>> query, java.util.function.Function<Task, String> sortKey) {
        sql.clear();
        List<Task> patched = query.get();
        assertThat(sql.last(TaskPageSemiJoinPlugin.SEMI_JOIN)).as("the query ran the patched statement").isNotNull();
        DbSqlSessionFactory sessions = configuration().getDbSqlSessionFactory();
        Map<String, String> mappings = sessions.getStatementMappings();
        Map<String, String> withoutPatch = new HashMap<>(mappings);
        withoutPatch.remove(TaskPageSemiJoinPlugin.CAMUNDA_STATEMENT);
        withoutPatch.remove(TaskPageSemiJoinPlugin.CAMUNDA_COUNT);
        List<Task> camundas;
        sessions.setStatementMappings(withoutPatch);
        try {
            camundas = query.get();
        } finally {
            sessions.setStatementMappings(mappings);
        }
        List<String> patchedKeys = patched.stream().map(sortKey).toList();
        assertThat(patchedKeys).as("sort keys through the semi-join vs Camunda's statement")
                .isEqualTo(camundas.stream().map(sortKey).toList());
        Map<String, java.util.Set<String>> patchedGroups = groups(patched, sortKey);
        Map<String, java.util.Set<String>> camundasGroups = groups(camundas, sortKey);
        List<String> cut = patchedKeys.isEmpty() ? List.of()
                : List.of(patchedKeys.get(0), patchedKeys.get(patchedKeys.size() - 1));
        patchedGroups.keySet().removeAll(cut);
        camundasGroups.keySet().removeAll(cut);
        assertThat(patchedGroups).as("tasks through the semi-join vs Camunda's statement").isEqualTo(camundasGroups);
        return camundas;
    }

    /** What the probe queries here order by (due date, name, creation time), as one key per task. */
    private static String key(Task t) {
        return t.getDueDate() + "|" + t.getName() + "|" + t.getCreateTime();
    }

    /** What the shared filters order by: the due date only. */
    private static String dueDate(Task t) {
        return String.valueOf(t.getDueDate());
    }

    private static Map<String, java.util.Set<String>> groups(List<Task> list,
            java.util.function.Function<Task, String> sortKey) {
        Map<String, java.util.Set<String>> groups = new java.util.LinkedHashMap<>();
        for (Task t : list) {
            groups.computeIfAbsent(sortKey.apply(t), k -> new java.util.TreeSet<>()).add(t.getId());
        }
        return groups;
    }

    private <T> T asAgent(Supplier<T> work) {
        identity.setAuthentication("agent-slagelse", identity.createGroupQuery().groupMember("agent-slagelse").list()
                .stream().map(g -> g.getId()).toList(), List.of("slagelse"));
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    /** The SQL of the last execution of a statement id (suffix), as MyBatis bound it. */
    @org.apache.ibatis.plugin.Intercepts(@org.apache.ibatis.plugin.Signature(type = org.apache.ibatis.executor.Executor.class,
            method = "query", args = {MappedStatement.class, Object.class, org.apache.ibatis.session.RowBounds.class,
                    org.apache.ibatis.session.ResultHandler.class}))
    static final class SqlCapture implements org.apache.ibatis.plugin.Interceptor {
        private final Map<String, String> last = new java.util.concurrent.ConcurrentHashMap<>();

        void clear() {
            last.clear();
        }

        String last(String statement) {
            return last.entrySet().stream().filter(e -> e.getKey().endsWith(statement)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        @Override
        public Object intercept(org.apache.ibatis.plugin.Invocation invocation) throws Throwable {
            MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
            if (statement.getId().endsWith(TaskPageSemiJoinPlugin.SEMI_JOIN)) {
                last.put(statement.getId(), statement.getBoundSql(invocation.getArgs()[1]).getSql()
                        .replaceAll("\\s+", " ").trim());
            }
            return invocation.proceed();
        }
    }
}
