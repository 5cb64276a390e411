package dk.borgerflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.testsupport.AppNode;
import dk.borgerflow.testsupport.CrashDurability;
import dk.borgerflow.testsupport.EngineRest;
import dk.borgerflow.testsupport.PostgresTestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Losing a node while deadlines fall due: two nodes with job executors on one PostgreSQL, inquiries
 * whose contact-center deadline is moved to fall within the run (spread over {@link #DEADLINE_SPREAD}),
 * one node killed with SIGKILL in the middle of it while a client keeps writing to it. Every deadline
 * escalates exactly once (counted in the engine's history and on the inquiry), jobs the dead node had
 * locked are taken over when their lock expires, and every acknowledged inquiry exists with its process.
 * Extends what {@link TwoNodeClusterPostgresIT} shows (start-up, serving after a kill) to the job executor.
 */
class NodeLossPostgresIT {

    static final String ADMIN_PASSWORD = "it-NodeLoss-Password-2026";
    static final int INQUIRIES_WITH_DEADLINES = 40;
    static final Duration FIRST_DEADLINE = Duration.ofSeconds(5);
    static final Duration DEADLINE_SPREAD = Duration.ofSeconds(20);
    static final Duration KILL_AFTER = Duration.ofSeconds(12);
    static final String BREACH_TIMER = "BoundaryTimer_DeadlineBreached";
    static final String ESCALATION = "Task_EscalateInquiry";
    static final String MUNICIPALITIES = "--spring.config.additional-location=optional:file:"
            + Path.of("deployments", "postgres", "municipalities.yml").toAbsolutePath();
    /** Jobs a dead node had locked are free again after this (default 5 minutes). */
    static final String SHORT_JOB_LOCK = "--camunda.bpm.job-execution.lock-time-in-millis=10000";
    static final String QUICK_ACQUISITION = "--camunda.bpm.job-execution.max-wait=2000";
    static final String FAULT_INJECTION = "--borgerflow.test.fault-injection=true";

    final ObjectMapper json = new ObjectMapper();
    AppNode doomed;
    AppNode survivor;

    @BeforeEach
    void emptySchema() {
        PostgresTestDatabase.resetSchema();
    }

    @AfterEach
    void stopNodes() throws InterruptedException {
        if (doomed != null) {
            doomed.kill();
        }
        if (survivor != null) {
            survivor.kill();
        }
        PostgresTestDatabase.resetSchema();
    }

    @Test
    void everyDeadlineEscalatesExactlyOnceWhenANodeDiesWhileTheyFallDue() throws Exception {
        Duration boot = CrashDurability.defaultBootTimeout();
        doomed = node("node-loss-1").start();
        survivor = node("node-loss-2").start();
        doomed.awaitHealthy(boot);
        survivor.awaitHealthy(boot);
        EngineRest one = EngineRest.admin(doomed, ADMIN_PASSWORD);
        EngineRest two = EngineRest.admin(survivor, ADMIN_PASSWORD);

        // inquiries received through both nodes, their deadlines moved to fall during the run
        List<Inquiry> withDeadlines = new ArrayList<>();
        for (int i = 0; i < INQUIRIES_WITH_DEADLINES; i++) {
            withDeadlines.add(receive(i % 2 == 0 ? one : two, "deadline-" + i));
        }
        Instant start = Instant.now();
        for (int i = 0; i < withDeadlines.size(); i++) {
            Instant dueAt = start.plus(FIRST_DEADLINE)
                    .plus(DEADLINE_SPREAD.multipliedBy(i).dividedBy(withDeadlines.size()));
            HttpResponse<String> moved = two.postJson("/api/test-faults/timers/" + withDeadlines.get(i).process()
                    + "/" + BREACH_TIMER + "?dueAt=" + dueAt, "");
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        }

        // a client keeps writing to the doomed node until it dies
        Set<Inquiry> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger();
        Thread writer = new Thread(() -> {
            while (!stop.get() && doomed.isAlive()) {
                try {
                    acknowledged.add(receive(one, "during-" + sequence.incrementAndGet()));
                } catch (Throwable notAcknowledged) {
                    // connection refused or reset by the kill
                }
            }
        }, "writer");
        writer.start();

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), start.plus(KILL_AFTER)).toMillis()));
        long escalatedBeforeKill = escalated(two, withDeadlines);
        doomed.kill();
        stop.set(true);
        writer.join(30_000);
        System.out.printf("Node loss: %d of %d deadlines had escalated when node 1 was killed; %d inquiries "
                + "acknowledged by node 1 during the run%n", escalatedBeforeKill, withDeadlines.size(),
                acknowledged.size());
        assertThat(escalatedBeforeKill).as("the kill falls in the middle of the deadlines")
                .isLessThan(INQUIRIES_WITH_DEADLINES);

        // the survivor takes over: every deadline escalates, once
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (escalated(two, withDeadlines) < withDeadlines.size() && System.nanoTime() < until) {
            Thread.sleep(1000);
        }
        // let any late (duplicate) execution show up before counting: the job lock time and some
        Thread.sleep(12_000);
        for (Inquiry inquiry : withDeadlines) {
            assertThat(two.count("/engine-rest/history/activity-instance/count?processInstanceId="
                    + inquiry.process() + "&activityId=" + ESCALATION)).as("escalations of " + inquiry).isEqualTo(1);
            assertThat(two.count("/engine-rest/history/activity-instance/count?processInstanceId="
                    + inquiry.process() + "&activityId=" + BREACH_TIMER)).as("breaches of " + inquiry).isEqualTo(1);
            JsonNode view = json.readTree(two.get("/api/inquiries/" + inquiry.id()).body());
            assertThat(view.get("escalations")).as("escalations recorded on " + inquiry).hasSize(1);
            assertThat(view.get("tier").asText()).isEqualTo("DESK");
            assertThat(two.count("/engine-rest/task/count?processInstanceId=" + inquiry.process()
                    + "&taskDefinitionKey=Task_HandleAtDesk")).as("desk task of " + inquiry).isEqualTo(1);
        }
        assertThat(two.count("/engine-rest/job/count?withException=true")).as("failed jobs").isZero();

        // every inquiry the dead node acknowledged exists, with its process and open task
        for (Inquiry inquiry : acknowledged) {
            assertThat(two.get("/api/inquiries/" + inquiry.id()).statusCode()).as(inquiry.toString()).isEqualTo(200);
            assertThat(two.count("/engine-rest/task/count?processInstanceId=" + inquiry.process()))
                    .as("open task of " + inquiry).isEqualTo(1);
        }
        long inquiries = json.readTree(two.get("/api/inquiries?size=1").body()).at("/page/totalElements").asLong();
        assertThat(two.count("/engine-rest/process-instance/count?processDefinitionKey=inquiry"))
                .as("one process per inquiry row, nothing half-written").isEqualTo(inquiries);
    }

    record Inquiry(String id, String process) {
    }

    private Inquiry receive(EngineRest node, String key) throws Exception {
        HttpResponse<String> created = node.postJson("/api/inquiries", """
                {"municipality":"slagelse","channel":"PHONE","topic":"housing-benefit",
                 "summary":"Spørger til boligstøtte (%s)","citizen":{"name":"Mette Jensen"}}""".formatted(key));
        if (created.statusCode() != 201) {
            throw new IllegalStateException(created.statusCode() + " " + created.body());
        }
        JsonNode body = json.readTree(created.body());
        return new Inquiry(body.get("id").asText(), body.get("processInstanceId").asText());
    }

    private long escalated(EngineRest client, List<Inquiry> inquiries) throws Exception {
        long n = 0;
        for (Inquiry inquiry : inquiries) {
            n += client.count("/engine-rest/history/activity-instance/count?processInstanceId=" + inquiry.process()
                    + "&activityId=" + ESCALATION) > 0 ? 1 : 0;
        }
        return n;
    }

    private static AppNode node(String name) {
        return AppNode.postgres(name, ADMIN_PASSWORD, MUNICIPALITIES, SHORT_JOB_LOCK, QUICK_ACQUISITION,
                FAULT_INJECTION);
    }
}
