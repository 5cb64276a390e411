package dk.borgerflow.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Crash durability, generically: a node takes writes from several concurrent clients; after a given
 * number of acknowledged writes it is killed with SIGKILL while the clients keep writing; it is
 * started again on the same database, and every acknowledged write must be there, complete.
 * Point it at any API by writing a {@link Workload} (e.g. {@code POST /api/inquiries} answering 201).
 */
public final class CrashDurability {

    /** What is written and how it is checked. */
    public interface Workload {

        /** Once, before the load (e.g. deploy a process). */
        default void prepare(EngineRest client) throws Exception {
        }

        /**
         * Writes item {@code n}; answers its id when the server acknowledged it (e.g. 200/201), or
         * {@code null} when it did not. Exceptions (connection reset by the kill) count as not
         * acknowledged.
         */
        String write(EngineRest client, int n) throws Exception;

        /** After the restart: a description of what is wrong with acknowledged item {@code id}, or null. */
        String verify(EngineRest client, String id) throws Exception;

        /** After the restart: problems in the whole data set, e.g. a case without its task. */
        default List<String> verifyNothingHalfWritten(EngineRest client) throws Exception {
            return List.of();
        }
    }

    public record Result(List<String> acknowledged, int attempted, List<String> problems) {
    }

    private CrashDurability() {
    }

    /**
     * Runs the experiment; {@code node} must not be started yet. The returned problems must be empty.
     */
    public static Result run(AppNode node, String adminPassword, Workload workload, int writers, int killAfterAcks,
            Duration bootTimeout) throws Exception {
        try {
            node.start().awaitHealthy(bootTimeout);
            return load(node, adminPassword, workload, writers, killAfterAcks, bootTimeout);
        } finally {
            node.kill();
        }
    }

    private static Result load(AppNode node, String adminPassword, Workload workload, int writers, int killAfterAcks,
            Duration bootTimeout) throws Exception {
        EngineRest client = EngineRest.admin(node, adminPassword);
        workload.prepare(client);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger sequence = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    int n = sequence.incrementAndGet();
                    try {
                        String id = workload.write(client, n);
                        if (id != null) {
                            acknowledged.add(id); // acknowledged is acknowledged, even right before the kill
                        }
                    } catch (Exception notAcknowledged) {
                        if (!node.isAlive()) {
                            return;
                        }
                    }
                }
            }, "writer-" + w);
            t.start();
            threads.add(t);
        }
        long waitUntil = System.nanoTime() + bootTimeout.toNanos();
        while (acknowledged.size() < killAfterAcks && System.nanoTime() < waitUntil) {
            Thread.sleep(20);
        }
        node.kill(); // SIGKILL in the middle of the load
        stop.set(true);
        for (Thread t : threads) {
            t.join(30_000);
        }
        List<String> acked = List.copyOf(acknowledged);

        AppNode restarted = node.sameAgain();
        List<String> problems = new ArrayList<>();
        try {
            restarted.start().awaitHealthy(bootTimeout);
            EngineRest after = EngineRest.admin(restarted, adminPassword);
            for (String id : acked) {
                String problem = workload.verify(after, id);
                if (problem != null) {
                    problems.add(id + ": " + problem);
                }
            }
            problems.addAll(workload.verifyNothingHalfWritten(after));
        } finally {
            restarted.stop();
        }
        return new Result(acked, sequence.get(), problems);
    }

    /**
     * The engine alone: start an instance of the probe process (start event, one user task) through
     * engine-rest, identified by its business key.
     */
    public static Workload probeProcessInstances(String processKey, byte[] bpmn) {
        return new Workload() {
            @Override
            public void prepare(EngineRest client) throws Exception {
                var r = client.deploy("durability-probe", processKey + ".bpmn", bpmn);
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("deploy: " + r.statusCode() + " " + r.body());
                }
            }

            @Override
            public String write(EngineRest client, int n) throws Exception {
                String key = "crash-" + n;
                var r = client.postJson("/engine-rest/process-definition/key/" + processKey + "/start",
                        "{\"businessKey\":\"" + key + "\"}");
                return r.statusCode() == 200 ? key : null;
            }

            @Override
            public String verify(EngineRest client, String key) throws Exception {
                long instances = client.count("/engine-rest/process-instance/count?businessKey=" + key);
                long tasks = client.count("/engine-rest/task/count?processInstanceBusinessKey=" + key);
                return instances == 1 && tasks == 1 ? null : instances + " instance(s), " + tasks + " task(s)";
            }

            @Override
            public List<String> verifyNothingHalfWritten(EngineRest client) throws Exception {
                long instances = client.count("/engine-rest/process-instance/count?processDefinitionKey=" + processKey);
                long tasks = client.count("/engine-rest/task/count?processDefinitionKey=" + processKey);
                return instances == tasks ? List.of()
                        : List.of(instances + " process instances but " + tasks + " tasks: something half-written");
            }
        };
    }

    /**
     * The inquiry API: {@code POST /api/inquiries} (as the admin, who serves every municipality)
     * acknowledged with 201. After the restart each acknowledged inquiry must be readable with its
     * process instance and exactly one open task, and the whole data set must pair inquiry rows and
     * process instances one to one (no row without its process, no process without its row).
     */
    public static Workload inquiries(String municipality) {
        ObjectMapper json = new ObjectMapper();
        return new Workload() {
            @Override
            public String write(EngineRest client, int n) throws Exception {
                var r = client.postJson("/api/inquiries", """
                        {"municipality":"%s","channel":"PHONE","topic":"housing-benefit",
                         "summary":"Crash durability %d","citizen":{"name":"Mette Jensen","cpr":"010180-1234"}}"""
                        .formatted(municipality, n));
                return r.statusCode() == 201 ? json.readTree(r.body()).get("id").asText() : null;
            }

            @Override
            public String verify(EngineRest client, String id) throws Exception {
                var r = client.get("/api/inquiries/" + id);
                if (r.statusCode() != 200) {
                    return "GET /api/inquiries/" + id + " answered " + r.statusCode();
                }
                JsonNode process = json.readTree(r.body()).get("processInstanceId");
                if (process == null || process.isNull()) {
                    return "inquiry without process instance";
                }
                long instances = client.count("/engine-rest/process-instance/count?processInstanceIds="
                        + process.asText());
                long tasks = client.count("/engine-rest/task/count?processInstanceId=" + process.asText());
                return instances == 1 && tasks == 1 ? null : instances + " instance(s), " + tasks + " open task(s)";
            }

            @Override
            public List<String> verifyNothingHalfWritten(EngineRest client) throws Exception {
                List<String> problems = new ArrayList<>();
                long rows = json.readTree(client.get("/api/inquiries?size=1").body()).at("/page/totalElements")
                        .asLong();
                long instances = client.count("/engine-rest/process-instance/count?processDefinitionKey=inquiry");
                long tasks = client.count("/engine-rest/task/count?processDefinitionKey=inquiry");
                if (rows != instances || instances != tasks) {
                    problems.add(rows + " inquiry rows, " + instances + " process instances, " + tasks
                            + " open tasks: something half-written");
                }
                // every process instance belongs to an inquiry row (its business key is the inquiry id)
                JsonNode all = json.readTree(client.get(
                        "/engine-rest/process-instance?processDefinitionKey=inquiry&maxResults=100000").body());
                for (JsonNode instance : all) {
                    String key = instance.path("businessKey").asText();
                    if (client.get("/api/inquiries/" + key).statusCode() != 200) {
                        problems.add("process instance " + instance.get("id").asText() + " without inquiry row "
                                + key);
                    }
                }
                return problems;
            }
        };
    }

    public static Duration defaultBootTimeout() {
        return Duration.ofSeconds(Long.getLong("borgerflow.it.boot-timeout-seconds", 240));
    }
}
