package dk.borgerflow.operations.engine;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.springframework.stereotype.Component;

/**
 * Camunda's task query (every Tasklist list, {@code TaskService.createTaskQuery()...list()}) as a
 * semi-join instead of a {@code DISTINCT} over joined rows: the same criteria, unchanged (Camunda's
 * own SQL fragment {@code selectTaskByQueryCriteriaSql}, with its authorization and tenant
 * checks), in an {@code ID_ IN (...)} so that the database can read the tasks in the query's order
 * and stop after the page (see {@code task-page-semi-join.xml}). At 100,000 open tasks on
 * PostgreSQL the first page of an agent's group queue no longer sorts all of the tenant's
 * candidate tasks (docs/benchmarks.md). Only on H2 and PostgreSQL, whose paging SQL it was written
 * and tested for.
 */
@Component
public class TaskPageSemiJoinPlugin extends AbstractProcessEnginePlugin {

    static final String CAMUNDA_STATEMENT = "selectTaskByQueryCriteria";
    static final String SEMI_JOIN = "selectTaskByQueryCriteriaSemiJoin";
    static final String CAMUNDA_COUNT = "selectTaskCountByQueryCriteria";
    static final String SEMI_JOIN_COUNT = "selectTaskCountByQueryCriteriaSemiJoin";
    static final String CAMUNDA_NAMESPACE = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
    /** Camunda's fragments the statement includes: gone or renamed, the patch must not start. */
    static final List<String> CAMUNDA_FRAGMENTS = List.of(CAMUNDA_NAMESPACE + ".selectTaskByQueryCriteriaSql",
            CAMUNDA_NAMESPACE + ".columnSelection", "org.camunda.bpm.engine.impl.persistence.entity.Commons.bindOrderBy",
            "org.camunda.bpm.engine.impl.persistence.entity.Commons.orderBySelection",
            "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.authorizationCheck");
    private static final String MAPPER = "dk/borgerflow/operations/engine/task-page-semi-join.xml";

    /**
     * Whether the statement takes its two-step form: the semi-join returns the columns of the task
     * only, so orderings by anything else (a variable, the name ignoring case) need Camunda's joined
     * columns and keep Camunda's statement; so does the join form of the authorization check (not
     * the one this engine runs). Called from the mapper (OGNL).
     */
    public static boolean applies(Object parameter) {
        if (!checkApplies(parameter) || ((TaskQueryImpl) parameter).isTaskNameCaseInsensitive()) {
            return false;
        }
        TaskQueryImpl query = (TaskQueryImpl) parameter;
        for (QueryOrderingProperty ordering : query.getOrderingProperties()) {
            if (!ordering.isContainedProperty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the query's authorization check is the revoke-aware one (or none), which the two-step
     * form applies on the criteria's tasks; Camunda's join form (authorizationCheckRevokes auto or
     * never) is not rewritten. Called from the mapper (OGNL), also for counts.
     */
    public static boolean checkApplies(Object parameter) {
        if (!(parameter instanceof TaskQueryImpl query)) {
            return false;
        }
        AuthorizationCheck check = query.getAuthCheck();
        return check == null || !check.shouldPerformAuthorizatioCheck() || check.getAuthUserId() == null
                || check.isRevokeAuthorizationCheckEnabled();
    }

    /** The check for step 1 of the statement (the criteria without the authorization check): off. */
    public static AuthorizationCheck noCheck() {
        return new AuthorizationCheck();
    }

    /** Refuses an engine without the statement and fragments this patch stands on (docs/upgrading.md). */
    static void requireCamundasStatement(Configuration mybatis) {
        for (String statement : List.of(CAMUNDA_STATEMENT, CAMUNDA_COUNT)) {
            MyBatisStatementPatch.requireStatement(mybatis, statement, TaskPageSemiJoinPlugin.class);
        }
        for (String fragment : CAMUNDA_FRAGMENTS) {
            MyBatisStatementPatch.requireFragment(mybatis, fragment, TaskPageSemiJoinPlugin.class);
        }
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!MyBatisStatementPatch.appliesTo(configuration)) {
            return;
        }
        requireCamundasStatement(configuration.getSqlSessionFactory().getConfiguration());
        MyBatisStatementPatch.replace(configuration, MAPPER, SEMI_JOIN,
                Map.of(CAMUNDA_STATEMENT, SEMI_JOIN, CAMUNDA_COUNT, SEMI_JOIN_COUNT));
    }
}
