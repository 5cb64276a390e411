package dk.borgerflow.bench;

import dk.borgerflow.testsupport.RoutingModel;
import dk.borgerflow.BorgerflowApplication;
import dk.borgerflow.inquiry.Channel;
import dk.borgerflow.inquiry.Inquiry;
import dk.borgerflow.inquiry.InquiryRequest;
import dk.borgerflow.inquiry.InquiryService;
import dk.borgerflow.municipality.Municipality;
import dk.borgerflow.municipality.MunicipalityCatalogue;
import dk.borgerflow.municipality.Topic;
import dk.borgerflow.security.CurrentUser;
import dk.borgerflow.security.Groups;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Borgerflow against the bare Camunda engine it stands on, measured side by side in one run so the
 * noise of a shared machine cancels out (docs/benchmarks.md). Started by {@code deployments/bench/run.sh};
 * not a test (its name matches no surefire pattern), so {@code mvn verify} never runs it.
 * <p>
 * Each scenario runs the app and its bare twin in the same JVM, engine and database (H2 or, with
 * {@code --db=postgres}, PostgreSQL: {@link BenchDatabase}), interleaved (A/B/A/B), and compares
 * medians. The last line on stdout is the {@code RESULT} line.
 */
public final class BorgerflowBenchmark {

    static final String FILTER_MY_GROUPS = "Min gruppes opgaver";
    static final String PASSWORD = "demo";

    final Settings settings;
    final BenchDatabase db;
    final Path workDir;
    final Map<String, String> result = new LinkedHashMap<>();
    final List<String[]> table = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<String> details = new ArrayList<>();
    ConfigurableApplicationContext app;
    ProcessEngine engine;
    List<String> tenants;
    List<Topic> topics;
    int port;
    String dbDescription;

    /** Sizes of the scenarios; {@code --quick} is the smaller set. */
    record Settings(boolean quick, int intakeRequests, int intakeClients, int intakePairs, int escalationN,
            int escalationPairs, int queueTasks, int queueRuns, int startupPairs) {

        static Settings of(boolean quick) {
            return quick
                    ? new Settings(true, 200, 8, 2, 300, 1, 5_000, 200, 1)
                    : new Settings(false, 1_000, 8, 3, Integer.getInteger("bench.escalationN", 10_000),
                            Integer.getInteger("bench.escalationPairs", 1),
                            Integer.getInteger("bench.queueTasks", 100_000), Integer.getInteger("bench.queueRuns", 500),
                            Integer.getInteger("bench.startupPairs", 5));
        }
    }

    BorgerflowBenchmark(Settings settings, BenchDatabase db, Path workDir) {
        this.settings = settings;
        this.db = db;
        this.workDir = workDir;
    }

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        Settings settings = Settings.of(a.contains("--quick"));
        String only = a.stream().filter(s -> s.startsWith("--only=")).map(s -> s.substring(7)).findFirst().orElse("");
        Path docs = Path.of(a.stream().filter(s -> s.startsWith("--docs=")).map(s -> s.substring(7)).findFirst()
                .orElse("docs/benchmarks.md"));
        BenchDatabase db = BenchDatabase.of(a.stream().filter(s -> s.startsWith("--db=")).map(s -> s.substring(5))
                .findFirst().orElse("h2"));
        String unreachable = db.unreachable();
        if (unreachable != null) {
            progress("ERROR: " + unreachable);
            System.exit(2);
        }
        Path work = Path.of("target/bench");
        Files.createDirectories(work);
        BorgerflowBenchmark bench = new BorgerflowBenchmark(settings, db, work);
        int code = 0;
        try {
            bench.run(only);
        } catch (Throwable t) {
            t.printStackTrace();
            code = 1;
        } finally {
            bench.stopApp();
        }
        if (code == 0 && only.isEmpty()) {
            bench.writeDocs(docs);
        }
        System.out.println(bench.resultLine());
        System.exit(code);
    }

    void run(String only) throws Exception {
        dbDescription = db.describe();
        progress("mode: " + (settings.quick ? "quick" : "full") + " " + settings + "; database: " + dbDescription);
        boolean all = only.isEmpty();
        if (all || !only.equals("startup")) {
            startApp();
            if (all || only.contains("intake")) {
                intake();
            }
            if (all || only.contains("escalation")) {
                escalation();
            }
            if (all || only.contains("queue")) {
                queue();
            }
            if (all || only.contains("report")) {
                report();
            }
            stopApp();
        }
        if (all || only.contains("startup")) {
            startup();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // the app in this JVM

    void startApp() throws SQLException {
        Path h2 = workDir.resolve("db-" + System.currentTimeMillis()).resolve("borgerflow");
        String url = db.fresh("borgerflow_bench", h2);
        Map<String, Object> props = StartupProbe.appDatabase(url, db.user(), db.password());
        props.put("server.port", "0");
        props.put("spring.main.banner-mode", "off");
        // one log line per inquiry would measure the console, not the app (production logs to a file)
        props.put("logging.level.root", "warn");
        props.put("logging.level.dk.borgerflow", "warn");
        long t0 = System.nanoTime();
        app = new SpringApplicationBuilder(BorgerflowApplication.class).profiles(StartupProbe.profiles(url))
                .run(StartupProbe.args(props));
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
        engine = app.getBean(ProcessEngine.class);
        BenchTwins.deploy(engine.getRepositoryService());
        MunicipalityCatalogue catalogue = app.getBean(MunicipalityCatalogue.class);
        tenants = catalogue.municipalities().stream().filter(m -> "DK".equals(m.country())).map(Municipality::slug)
                .toList();
        topics = catalogue.topics();
        progress("app started on port " + port + " in " + ms(System.nanoTime() - t0) + " ms; tenants " + tenants);
    }

    void stopApp() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // intake

    void intake() throws Exception {
        int n = settings.intakeRequests;
        int clients = settings.intakeClients;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(clients)).build();
        grantBareStart();
        progress("intake: warm-up");
        intakeApp(http, Math.max(50, n / 4), clients);
        intakeBare(http, Math.max(50, n / 4), clients);
        double[] rows = intakeRows(http, settings.quick ? 20 : 100);
        List<Double> appRates = new ArrayList<>();
        List<Double> bareRates = new ArrayList<>();
        for (int round = 1; round <= settings.intakePairs; round++) {
            double a = intakeApp(http, n, clients);
            double b = intakeBare(http, n, clients);
            appRates.add(a);
            bareRates.add(b);
            progress(String.format(Locale.ROOT, "intake round %d/%d: app %.1f/s, bare %.1f/s", round,
                    settings.intakePairs, a, b));
        }
        double app = median(appRates);
        double bare = median(bareRates);
        double ratio = medianRatio(appRates, bareRates);
        result.put("intake_ratio", f2(ratio));
        result.put("intake_rows", String.format(Locale.ROOT, "%.1f/%.1f", rows[0], rows[1]));
        table.add(new String[] {"Intake: inquiries/s, `POST /api/inquiries` ÷ bare twin via `POST /engine-rest/"
                + "process-definition/key/…/start` (both HTTP, JSON, Basic auth)", "≥ 0.5",
                String.format(Locale.ROOT, "%.2f (app %.0f/s, bare %.0f/s; %d requests × %d rounds, %d clients); "
                        + "rows written per intake: app %.1f, bare %.1f", ratio, app, bare, n, settings.intakePairs,
                        clients, rows[0], rows[1]), met(ratio >= 0.5)});
        // heap after the intake run
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        table.add(new String[] {"Heap used after intake (after GC)", "≤ 512 MB", heapMb + " MB", met(heapMb <= 512)});
        details.add("heap_after_intake_mb=" + heapMb);
        progress("intake: ratio " + f2(ratio) + ", heap after GC " + heapMb + " MB");
    }

    double intakeApp(HttpClient http, int n, int clients) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/inquiries");
        AtomicInteger failures = new AtomicInteger();
        long t0 = System.nanoTime();
        parallel(n, clients, i -> {
            String tenant = tenants.get(i % tenants.size());
            Topic topic = topics.get(i % topics.size());
            Channel channel = Channel.values()[i % Channel.values().length];
            String body = """
                    {"municipality":"%s","channel":"%s","topic":"%s","summary":"Bench: spørgsmål nr. %d om %s",
                     "citizen":{"name":"Borger %d","phone":"+45 2030%04d","age":%d}}"""
                    .formatted(tenant, channel, topic.slug(), i, topic.name(), i, i % 10_000, 20 + i % 70);
            HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .header("Authorization", basic("agent-" + tenant))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                    if (failures.incrementAndGet() <= 3) {
                        progress("intake: HTTP " + response.statusCode() + " " + response.body());
                    }
                }
            } catch (IOException | InterruptedException e) {
                failures.incrementAndGet();
            }
        });
        long elapsed = System.nanoTime() - t0;
        if (failures.get() > 0) {
            throw new IllegalStateException("intake: " + failures + " of " + n + " requests failed");
        }
        return n / (elapsed / 1e9);
    }

    /**
     * The bare twin behind engine-rest, as a client starts it: {@code POST
     * /engine-rest/process-definition/key/benchBare/start} with Basic auth of the same agents and the
     * twin's variables as JSON, so both sides pay for HTTP, JSON, authentication and the engine's
     * authorization check (the agents are granted the twin's start in {@link #grantBareStart}).
     */
    double intakeBare(HttpClient http, int n, int clients) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + port + "/engine-rest/process-definition/key/" + BenchTwins.BARE
                + "/start");
        AtomicInteger failures = new AtomicInteger();
        java.text.SimpleDateFormat restDate = new java.text.SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT);
        long t0 = System.nanoTime();
        parallel(n, clients, i -> {
            String tenant = tenants.get(i % tenants.size());
            String due;
            synchronized (restDate) {
                due = restDate.format(Date.from(Instant.now().plus(2, ChronoUnit.DAYS)));
            }
            String body = """
                    {"businessKey":"bare-%d","variables":{"municipality":{"value":"%s","type":"String"},
                     "answerGroup":{"value":"%s","type":"String"},"dueAt":{"value":"%s","type":"Date"},
                     "selfService":{"value":false,"type":"Boolean"}}}"""
                    .formatted(i, tenant, RoutingModel.ANSWER_GROUPS.get(i % RoutingModel.ANSWER_GROUPS.size()), due);
            HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .header("Authorization", basic("agent-" + tenant))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    if (failures.incrementAndGet() <= 3) {
                        progress("intake (bare): HTTP " + response.statusCode() + " " + response.body());
                    }
                }
            } catch (IOException | InterruptedException e) {
                failures.incrementAndGet();
            }
        });
        long elapsed = System.nanoTime() - t0;
        if (failures.get() > 0) {
            throw new IllegalStateException("intake (bare): " + failures + " of " + n + " requests failed");
        }
        return n / (elapsed / 1e9);
    }

    /** Lets each municipality's agent start the twin over engine-rest: create-instance on it, create on instances. */
    void grantBareStart() {
        org.camunda.bpm.engine.AuthorizationService auth = engine.getAuthorizationService();
        for (String tenant : tenants) {
            String user = "agent-" + tenant;
            org.camunda.bpm.engine.authorization.Authorization definition = auth.createNewAuthorization(
                    org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
            definition.setUserId(user);
            definition.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION);
            definition.setResourceId(BenchTwins.BARE);
            definition.addPermission(org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE);
            definition.addPermission(org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ);
            auth.saveAuthorization(definition);
            org.camunda.bpm.engine.authorization.Authorization instances = auth.createNewAuthorization(
                    org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
            instances.setUserId(user);
            instances.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE);
            instances.setResourceId("*");
            instances.addPermission(org.camunda.bpm.engine.authorization.Permissions.CREATE);
            auth.saveAuthorization(instances);
        }
    }

    /** Rows per table of the app's database (tables of the connection's schema, {@code count(*)} each). */
    Map<String, Long> tableRows() throws SQLException {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        List<String> names = new ArrayList<>();
        try (java.sql.Connection c = jdbc.getDataSource().getConnection();
                java.sql.ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%",
                        new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        Map<String, Long> rows = new java.util.TreeMap<>();
        for (String name : names) {
            rows.put(name.toUpperCase(Locale.ROOT), count(jdbc, "select count(*) from \"" + name + "\""));
        }
        return rows;
    }

    /** The tables that grew, with rows per request, largest first; and the total under key "". */
    static Map<String, Double> rowsPerRequest(Map<String, Long> before, Map<String, Long> after, int n) {
        Map<String, Double> grown = new LinkedHashMap<>();
        long total = 0;
        List<Map.Entry<String, Long>> deltas = new ArrayList<>();
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (d != 0) {
                deltas.add(Map.entry(e.getKey(), d));
                total += d;
            }
        }
        deltas.sort((x, y) -> Long.compare(y.getValue(), x.getValue()));
        grown.put("", total / (double) n);
        deltas.forEach(e -> grown.put(e.getKey(), e.getValue() / (double) n));
        return grown;
    }

    static String describeRows(Map<String, Double> rows) {
        StringBuilder b = new StringBuilder();
        rows.forEach((table, r) -> {
            if (!table.isEmpty()) {
                b.append(b.isEmpty() ? "" : ", ").append('`').append(table).append("` ")
                        .append(String.format(Locale.ROOT, r == Math.rint(r) ? "%.0f" : "%.2f", r));
            }
        });
        return b.toString();
    }

    /**
     * Rows written per intake, counted table by table before and after {@code n} sequential requests
     * of each side (nothing else runs meanwhile; the job executor is paused so no due job writes).
     */
    double[] intakeRows(HttpClient http, int n) throws Exception {
        JobExecutor executor = jobExecutor();
        executor.shutdown();
        try {
            Map<String, Long> t0 = tableRows();
            intakeApp(http, n, 1);
            Map<String, Long> t1 = tableRows();
            intakeBare(http, n, 1);
            Map<String, Long> t2 = tableRows();
            Map<String, Double> app = rowsPerRequest(t0, t1, n);
            Map<String, Double> bare = rowsPerRequest(t1, t2, n);
            progress(String.format(Locale.ROOT, "intake rows per request: app %.2f, bare %.2f", app.get(""),
                    bare.get("")));
            progress("intake rows per request, app: " + describeRows(app));
            progress("intake rows per request, bare: " + describeRows(bare));
            details.add(String.format(Locale.ROOT, "intake rows per request: app %.2f (%s); bare twin %.2f (%s)",
                    app.get(""), describeRows(app), bare.get(""), describeRows(bare)));
            return new double[] {app.get(""), bare.get("")};
        } finally {
            executor.start();
        }
    }

    Map<String, Object> bareVariables(int i, Instant due) {
        Map<String, Object> v = new HashMap<>();
        v.put("municipality", tenants.get(i % tenants.size()));
        v.put("answerGroup", RoutingModel.ANSWER_GROUPS.get(i % RoutingModel.ANSWER_GROUPS.size()));
        v.put("dueAt", Date.from(due));
        v.put("selfService", false);
        return v;
    }

    // ---------------------------------------------------------------------------------------------
    // escalation

    void escalation() throws Exception {
        int n = settings.escalationN;
        List<Double> appTimes = new ArrayList<>();
        List<Double> bareTimes = new ArrayList<>();
        int missed = 0;
        int duplicates = 0;
        for (int round = 1; round <= settings.escalationPairs; round++) {
            int[] app = escalationApp(n);
            missed += app[1];
            duplicates += app[2];
            appTimes.add((double) app[0]);
            int[] bare = escalationBare(n);
            missed += bare[1];
            duplicates += bare[2];
            bareTimes.add((double) bare[0]);
            progress(String.format(Locale.ROOT, "escalation round %d/%d: app %d ms (%.1f/s; missed %d, duplicates %d), "
                    + "bare %d ms (missed %d, duplicates %d) (N=%d)", round, settings.escalationPairs, app[0],
                    n / (app[0] / 1000.0), app[1], app[2], bare[0], bare[1], bare[2], n));
        }
        double app = median(appTimes);
        double bare = median(bareTimes);
        double ratio = medianRatio(appTimes, bareTimes);
        result.put("escalation_ratio", f2(ratio));
        table.add(new String[] {"Escalation: time until N overdue inquiries escalated ÷ bare engine firing N due timers",
                "≤ 1.5, zero missed or duplicate",
                String.format(Locale.ROOT, "%.2f (app %.0f ms, bare %.0f ms, N=%,d); missed %d, duplicates %d",
                        ratio, app, bare, n, missed, duplicates),
                met(ratio <= 1.5 && missed == 0 && duplicates == 0)});
        details.add("escalation_missed=" + missed + " escalation_duplicates=" + duplicates);
        // the catch-up after an outage as a rate: N overdue inquiries escalated per second of the app's run
        double perSecond = n / (app / 1000.0);
        result.put("catchup_per_s", String.format(Locale.ROOT, "%.1f", perSecond));
        table.add(new String[] {"Catch-up: N overdue inquiries escalated per second (one node"
                + (db.postgres() ? ", PostgreSQL" : ", H2") + ")", "≥ 100/s, each exactly once",
                String.format(Locale.ROOT, "%.1f/s (N=%,d in %.0f ms); missed %d, duplicates %d", perSecond, n, app,
                        missed, duplicates), met(perSecond >= 100 && missed == 0 && duplicates == 0)});
    }

    /** Answers {elapsed ms, missed, duplicates}. */
    int[] escalationApp(int n) throws Exception {
        JobExecutor executor = jobExecutor();
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        InquiryService inquiries = app.getBean(InquiryService.class);
        CurrentUser bench = new CurrentUser("bench", Set.of(Groups.ADMIN), Set.of());
        executor.shutdown();
        long before = count(jdbc, "select count(*) from inquiry_escalation");
        long beforeDistinct = count(jdbc, "select count(distinct inquiry_id) from inquiry_escalation");
        progress("escalation: creating " + n + " overdue inquiries (job executor paused)");
        OffsetDateTime tenDaysAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(10);
        AtomicInteger notOverdue = new AtomicInteger();
        parallel(n, 2, i -> {
            String tenant = tenants.get(i % tenants.size());
            Inquiry inquiry = inquiries.receive(new InquiryRequest(tenant, Channel.EMAIL, "pension",
                    "Bench: glemt brev nr. " + i, tenDaysAgo, new InquiryRequest.CitizenRequest(null, "Borger " + i,
                            null, null, true, 80, null, null, null)), null, bench).inquiry();
            if (inquiry.dueAt() == null || !inquiry.dueAt().isBefore(Instant.now())) {
                notOverdue.incrementAndGet();
            }
        });
        if (notOverdue.get() > 0) {
            throw new IllegalStateException(notOverdue + " bench inquiries were not overdue");
        }
        progress("escalation: job executor started, waiting for " + n + " escalations");
        long t0 = System.nanoTime();
        executor.start();
        long deadline = t0 + Duration.ofMinutes(settings.quick ? 3 : 20).toNanos();
        awaitWithProgress(() -> count(jdbc, "select count(*) from inquiry_escalation") - before, n, deadline,
                "escalated");
        long elapsed = System.nanoTime() - t0;
        // let anything still due run, then check exactly once
        Thread.sleep(1_000);
        long total = count(jdbc, "select count(*) from inquiry_escalation") - before;
        long distinct = count(jdbc, "select count(distinct inquiry_id) from inquiry_escalation") - beforeDistinct;
        return new int[] {(int) ms(elapsed), (int) Math.max(0, n - distinct), (int) (total - distinct)};
    }

    int[] escalationBare(int n) throws Exception {
        JobExecutor executor = jobExecutor();
        RuntimeService runtime = engine.getRuntimeService();
        HistoryService history = engine.getHistoryService();
        ManagementService management = engine.getManagementService();
        executor.shutdown();
        long before = history.createHistoricActivityInstanceQuery().activityId(BenchTwins.BARE_TIMER_EVENT).count();
        progress("escalation: creating " + n + " bare twins with due timers (job executor paused)");
        Instant past = Instant.now().minus(10, ChronoUnit.DAYS);
        TransactionTemplate tx = app.getBean(TransactionTemplate.class);
        parallel(n / 100 + (n % 100 == 0 ? 0 : 1), 2, batch -> tx.executeWithoutResult(s -> {
            for (int i = batch * 100; i < Math.min(n, batch * 100 + 100); i++) {
                runtime.startProcessInstanceByKey(BenchTwins.BARE_TIMER, bareVariables(i, past));
            }
        }));
        progress("escalation: job executor started, waiting for " + n + " bare timers");
        long t0 = System.nanoTime();
        executor.start();
        long deadline = t0 + Duration.ofMinutes(settings.quick ? 3 : 20).toNanos();
        awaitWithProgress(() -> n - management.createJobQuery().processDefinitionKey(BenchTwins.BARE_TIMER).count(), n,
                deadline, "bare timers fired");
        long elapsed = System.nanoTime() - t0;
        Thread.sleep(1_000);
        long fired = history.createHistoricActivityInstanceQuery().activityId(BenchTwins.BARE_TIMER_EVENT).count()
                - before;
        return new int[] {(int) ms(elapsed), (int) Math.max(0, n - fired), (int) Math.max(0, fired - n)};
    }

    /** Polls until {@code done} reaches {@code n} or the deadline passes, with a progress line every 10 s. */
    static void awaitWithProgress(java.util.function.LongSupplier done, long n, long deadline, String what)
            throws InterruptedException {
        long reported = System.nanoTime();
        long now;
        while ((now = done.getAsLong()) < n && System.nanoTime() < deadline) {
            if (System.nanoTime() - reported > 10_000_000_000L) {
                progress("escalation: " + now + "/" + n + " " + what);
                reported = System.nanoTime();
            }
            Thread.sleep(100);
        }
    }

    JobExecutor jobExecutor() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    }

    // ---------------------------------------------------------------------------------------------
    // agent queue

    void queue() throws Exception {
        TaskService tasks = engine.getTaskService();
        RuntimeService runtime = engine.getRuntimeService();
        long open = tasks.createTaskQuery().count();
        int target = settings.queueTasks;
        // a representative part through the engine (at most a fifth of the target, at least 1,000), the
        // rest as SQL copies of those twin tasks with their candidate-group links and authorizations
        int viaEngine = (int) Math.max(0, Math.min(target - open, Math.max(1_000, target / 5)));
        progress("queue: " + open + " open tasks; starting " + viaEngine + " bare twins over nine tenants");
        TransactionTemplate tx = app.getBean(TransactionTemplate.class);
        List<String> groups = new ArrayList<>(RoutingModel.ANSWER_GROUPS);
        groups.add(Groups.DESK);
        groups.addAll(Groups.specialistGroups());
        AtomicInteger created = new AtomicInteger();
        int batches = viaEngine / 200 + (viaEngine % 200 == 0 ? 0 : 1);
        long t0 = System.nanoTime();
        parallel(batches, 2, batch -> {
            tx.executeWithoutResult(s -> {
                for (int i = batch * 200; i < Math.min(viaEngine, batch * 200 + 200); i++) {
                    Map<String, Object> v = bareVariables(i, Instant.now()
                            .plus(ThreadLocalRandom.current().nextInt(-5 * 24 * 60, 30 * 24 * 60), ChronoUnit.MINUTES));
                    v.put("answerGroup", groups.get(i % groups.size()));
                    runtime.startProcessInstanceByKey(BenchTwins.BARE, v);
                }
            });
            int c = created.addAndGet(200);
            if (c % 2_000 == 0) {
                progress("queue: started " + c + "/" + viaEngine);
            }
        });
        open = tasks.createTaskQuery().count();
        long seeds = tasks.createTaskQuery().processDefinitionKey(BenchTwins.BARE).count();
        int copies = (int) Math.ceil(Math.max(0, target - open) / (double) Math.max(1, seeds));
        if (copies > 0) {
            progress("queue: copying the " + seeds + " twin tasks " + copies + " times (SQL)");
            cloneTwinTasks(app.getBean(JdbcTemplate.class), copies);
        }
        open = tasks.createTaskQuery().count();
        progress("queue: " + open + " open tasks (created in " + ms(System.nanoTime() - t0) + " ms)");
        if (db.postgres()) {
            analyzeQueueTables(app.getBean(JdbcTemplate.class));
        }

        IdentityService identity = engine.getIdentityService();
        FilterService filters = engine.getFilterService();
        String filterId = filters.createFilterQuery().filterName(FILTER_MY_GROUPS).singleResult().getId();
        record Agent(String id, List<String> groups, List<String> tenants) {
        }
        List<Agent> agents = new ArrayList<>();
        for (String tenant : tenants) {
            String id = "agent-" + tenant;
            agents.add(new Agent(id, identity.createGroupQuery().groupMember(id).list().stream().map(Group::getId)
                    .toList(), identity.createTenantQuery().userMember(id).includingGroupsOfUser(true).list().stream()
                    .map(Tenant::getId).toList()));
        }
        int runs = settings.queueRuns;
        List<Long> appNanos = new ArrayList<>();
        List<Long> bareNanos = new ArrayList<>();
        measureQueue(agents.stream().map(a -> new String[] {a.id, String.join(",", a.groups),
                String.join(",", a.tenants)}).toList(), filterId, runs, appNanos, bareNanos);
        if (Boolean.getBoolean("bench.explain")) {
            explainQueue(agents.get(0).groups, agents.get(0).tenants.get(0));
        }
        String ddl = System.getProperty("bench.queueDdl");
        if (ddl != null) {
            // experiment: the same measurement after extra DDL (e.g. an index), to compare
            progress(String.format(Locale.ROOT, "queue before DDL: filter p95 %.2f median %.2f; bare p95 %.2f median %.2f",
                    percentile(appNanos, 95) / 1e6, percentile(appNanos, 50) / 1e6, percentile(bareNanos, 95) / 1e6,
                    percentile(bareNanos, 50) / 1e6));
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            for (String statement : ddl.split(";")) {
                long s = System.nanoTime();
                jdbc.execute(statement);
                progress("queue: applied '" + statement + "' in " + ms(System.nanoTime() - s) + " ms");
                appNanos.clear();
                bareNanos.clear();
                measureQueue(agents.stream().map(a -> new String[] {a.id, String.join(",", a.groups),
                        String.join(",", a.tenants)}).toList(), filterId, runs, appNanos, bareNanos);
                progress(String.format(Locale.ROOT, "queue after it: filter p95 %.2f median %.2f; bare p95 %.2f "
                        + "median %.2f", percentile(appNanos, 95) / 1e6, percentile(appNanos, 50) / 1e6,
                        percentile(bareNanos, 95) / 1e6, percentile(bareNanos, 50) / 1e6));
            }
            if (Boolean.getBoolean("bench.explain")) {
                explainQueue(agents.get(0).groups, agents.get(0).tenants.get(0));
            }
        }
        tasklistRequests(agents.stream().map(Agent::id).toList(), filterId, open);
        double appP95 = percentile(appNanos, 95) / 1e6;
        double bareP95 = percentile(bareNanos, 95) / 1e6;
        double appMedian = percentile(appNanos, 50) / 1e6;
        double bareMedian = percentile(bareNanos, 50) / 1e6;
        double ratio = appMedian / bareMedian;
        result.put("queue_p95_ms", f2(appP95));
        result.put("queue_ratio", f2(ratio));
        table.add(new String[] {"Agent queue: filter \"" + FILTER_MY_GROUPS + "\" (candidate group + tenant, by due "
                + "date, first 50), p95", "≤ 50 ms", String.format(Locale.ROOT, "%.2f ms (median %.2f ms; %,d open "
                        + "tasks, %d runs)", appP95, appMedian, open, runs), met(appP95 <= 50)});
        table.add(new String[] {"Agent queue: filter ÷ bare TaskQuery, same criteria (medians)", "≤ 1.2",
                String.format(Locale.ROOT, "%.2f (bare median %.2f ms, p95 %.2f ms; p95 ratio %.2f)", ratio, bareMedian,
                        bareP95, appP95 / bareP95), met(ratio <= 1.2)});
        progress(String.format(Locale.ROOT, "queue: filter p95 %.2f ms median %.2f ms; bare p95 %.2f ms median %.2f ms",
                appP95, appMedian, bareP95, bareMedian));
    }

    /**
     * What an agent waits for in Tasklist, as the engine-rest requests Tasklist makes (over HTTP,
     * Basic auth as the agent): the filter list with counts ({@code GET /filter?itemCount=true}),
     * the task list of "Min gruppes opgaver" ({@code POST /filter/{id}/list}, HAL with the filter's
     * variables, first 15 by due date, as Tasklist pages), and opening the first task with its form
     * ({@code GET /task/{id}}, {@code /task/{id}/form}, {@code /task/{id}/form-variables}, and
     * {@code /task/{id}/deployed-form} when the task has a Camunda form). p95 of each, no twin.
     */
    void tasklistRequests(List<String> agents, String filterId, long open) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String base = "http://127.0.0.1:" + port + "/engine-rest";
        int runs = settings.quick ? 50 : Integer.getInteger("bench.tasklistRuns", 200);
        int warmup = 10;
        List<Long> filterList = new ArrayList<>();
        List<Long> taskList = new ArrayList<>();
        List<Long> openTask = new ArrayList<>();
        for (int r = 0; r < runs + warmup; r++) {
            String agent = agents.get(r % agents.size());
            long s = System.nanoTime();
            String filtersBody = send(http, HttpRequest.newBuilder(URI.create(base + "/filter?resourceType=Task&itemCount=true"))
                    .header("Authorization", basic(agent)).GET().build());
            long f = System.nanoTime() - s;
            if (!filtersBody.contains("\"itemCount\"")) {
                throw new IllegalStateException("tasklist: no filter counts for " + agent + ": " + filtersBody);
            }
            s = System.nanoTime();
            String list = send(http, HttpRequest.newBuilder(URI.create(base + "/filter/" + filterId
                    + "/list?firstResult=0&maxResults=15")).header("Authorization", basic(agent))
                    .header("Content-Type", "application/json").header("Accept", "application/hal+json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}"))
                    .build());
            long l = System.nanoTime() - s;
            var tasksJson = json.readTree(list).path("_embedded").path("task");
            if (tasksJson.size() != 15) {
                throw new IllegalStateException("tasklist: expected 15 tasks for " + agent + ", got " + tasksJson.size());
            }
            String taskId = tasksJson.get(0).path("id").asText();
            s = System.nanoTime();
            String task = send(http, HttpRequest.newBuilder(URI.create(base + "/task/" + taskId))
                    .header("Authorization", basic(agent)).GET().build());
            send(http, HttpRequest.newBuilder(URI.create(base + "/task/" + taskId + "/form"))
                    .header("Authorization", basic(agent)).GET().build());
            send(http, HttpRequest.newBuilder(URI.create(base + "/task/" + taskId + "/form-variables"))
                    .header("Authorization", basic(agent)).GET().build());
            if (!json.readTree(task).path("camundaFormRef").isMissingNode()
                    && !json.readTree(task).path("camundaFormRef").isNull()) {
                send(http, HttpRequest.newBuilder(URI.create(base + "/task/" + taskId + "/deployed-form"))
                        .header("Authorization", basic(agent)).GET().build());
            }
            long o = System.nanoTime() - s;
            if (r >= warmup) {
                filterList.add(f);
                taskList.add(l);
                openTask.add(o);
            }
        }
        String sizes = String.format(Locale.ROOT, "%,d open tasks, %d runs over the nine agents", open, runs);
        table.add(new String[] {"Tasklist: filter list with counts (`GET /engine-rest/filter?itemCount=true`), p95", "≤ 50 ms",
                String.format(Locale.ROOT, "%.2f ms (median %.2f ms; %s)", percentile(filterList, 95) / 1e6,
                        percentile(filterList, 50) / 1e6, sizes), met(percentile(filterList, 95) / 1e6 <= 50)});
        table.add(new String[] {"Tasklist: task list of \"" + FILTER_MY_GROUPS + "\" (`POST /filter/{id}/list`, HAL, 15), p95",
                "≤ 50 ms", String.format(Locale.ROOT, "%.2f ms (median %.2f ms)", percentile(taskList, 95) / 1e6,
                        percentile(taskList, 50) / 1e6), met(percentile(taskList, 95) / 1e6 <= 50)});
        table.add(new String[] {"Tasklist: opening a task with its form (task, form, form variables), p95", "≤ 50 ms",
                String.format(Locale.ROOT, "%.2f ms (median %.2f ms)", percentile(openTask, 95) / 1e6,
                        percentile(openTask, 50) / 1e6), met(percentile(openTask, 95) / 1e6 <= 50)});
        result.put("tasklist_p95_ms", f2(Math.max(percentile(filterList, 95), Math.max(percentile(taskList, 95),
                percentile(openTask, 95))) / 1e6));
        progress(String.format(Locale.ROOT, "tasklist: filter list p95 %.2f ms, task list p95 %.2f ms, open task p95 %.2f ms",
                percentile(filterList, 95) / 1e6, percentile(taskList, 95) / 1e6, percentile(openTask, 95) / 1e6));
    }

    /**
     * {@code report_ms}: one million inquiries of demo history over two years for the nine
     * municipalities written into the read model (reporting.DemoHistory, as the
     * {@code generate-history} command does), then {@code GET /api/reports/kpi} for one
     * municipality-year (Slagelse, the last twelve complete months, grouped by month) as its manager
     * over HTTP: the median of five after one warm-up. The shared center's twelve months (the
     * dashboard's query) are measured the same way and reported in the details.
     */
    void report() throws Exception {
        int size = Integer.getInteger("bench.reportInquiries", 1_000_000);
        dk.borgerflow.reporting.DemoHistory history = app.getBean(dk.borgerflow.reporting.DemoHistory.class);
        java.time.YearMonth last = java.time.YearMonth.now().minusMonths(1);
        long t0 = System.nanoTime();
        int written = history.generate(size, 24, last, 12, n -> {
            if (n % 100_000 < 2_000) {
                progress("report: " + n + " inquiries of history written");
            }
        });
        progress("report: " + written + " inquiries written in " + ms(System.nanoTime() - t0) + " ms");
        if (db.postgres()) {
            app.getBean(JdbcTemplate.class).execute("analyze report_inquiry");
        }
        String range = "from=" + last.minusMonths(11).atDay(1) + "&to=" + last.atEndOfMonth() + "&groupBy=month";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        double one = timeKpi(http, "manager-slagelse", "/api/reports/kpi?municipality=slagelse&" + range);
        double center = timeKpi(http, "manager-center", "/api/reports/kpi?" + range);
        result.put("report_ms", String.format(Locale.ROOT, "%.0f", one));
        table.add(new String[] {"Report: KPI query, one municipality-year over 1M inquiries (median of 5)", "≤ 2 s",
                String.format(Locale.ROOT, "%.0f ms", one), met(one <= 2_000)});
        details.add(String.format(Locale.ROOT, "report: %d inquiries of history (generated in %d s); KPI query for "
                + "Slagelse's year %.0f ms, for the shared center's year (nine municipalities, the dashboard's "
                + "query) %.0f ms", written, (System.nanoTime() - t0) / 1_000_000_000L, one, center));
        progress(String.format(Locale.ROOT, "report: one municipality-year %.0f ms, shared center year %.0f ms", one,
                center));
    }

    private double timeKpi(HttpClient http, String user, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user)).GET().build();
        send(http, request);
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            send(http, request);
            times.add((System.nanoTime() - t) / 1e6);
        }
        return median(times);
    }

    static String send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("tasklist: HTTP " + response.statusCode() + " for " + request.uri() + ": "
                    + response.body());
        }
        return response.body();
    }

    /**
     * Copies every open twin task {@code copies} times with its identity links and task
     * authorizations (ids suffixed {@code ~n}, due dates spread over -5..+30 days): rows as the engine
     * writes them, without the hours it would take to start 100,000 instances on 2 cores.
     */
    void cloneTwinTasks(JdbcTemplate jdbc, int copies) {
        String seeds = "select T.ID_ from ACT_RU_TASK T join ACT_RE_PROCDEF D on T.PROC_DEF_ID_ = D.ID_ where D.KEY_ = '"
                + BenchTwins.BARE + "' and T.ID_ not like '%~%'";
        jdbc.execute("create table BENCH_SEED as " + seeds);
        try {
            copy(jdbc, "ACT_RU_TASK", "ID_ in (select ID_ from BENCH_SEED)", copies, Map.of(
                    "ID_", "X.ID_ || '~' || R.X",
                    "DUE_DATE_", spreadDueDate()));
            copy(jdbc, "ACT_RU_IDENTITYLINK", "TASK_ID_ in (select ID_ from BENCH_SEED)", copies, Map.of(
                    "ID_", "X.ID_ || '~' || R.X", "TASK_ID_", "X.TASK_ID_ || '~' || R.X"));
            copy(jdbc, "ACT_RU_AUTHORIZATION", "RESOURCE_TYPE_ = 7 and RESOURCE_ID_ in (select ID_ from BENCH_SEED)",
                    copies, Map.of("ID_", "X.ID_ || '~' || R.X", "RESOURCE_ID_", "X.RESOURCE_ID_ || '~' || R.X"));
        } finally {
            jdbc.execute("drop table BENCH_SEED");
        }
    }

    /** Copy number R.X and the task id spread the due dates over -5..+30 days (50,400 minutes from -7,200). */
    String spreadDueDate() {
        return db.postgres()
                ? "LOCALTIMESTAMP + (MOD(R.X * 7919 + ABS(HASHTEXT(X.ID_)::BIGINT), 50400) - 7200) "
                        + "* INTERVAL '1 minute'"
                : "DATEADD(MINUTE, MOD(R.X * 7919 + ORA_HASH(X.ID_), 50400) - 7200, LOCALTIMESTAMP)";
    }

    void copy(JdbcTemplate jdbc, String table, String where, int copies, Map<String, String> replaced) {
        // Camunda's PostgreSQL tables are unquoted, so stored in lower case; upper() keeps one spelling
        List<String> columns = db.postgres()
                ? jdbc.queryForList("select upper(column_name) from information_schema.columns where table_schema = "
                        + "current_schema() and table_name = ? order by ordinal_position", String.class,
                        table.toLowerCase(Locale.ROOT))
                : jdbc.queryForList("select COLUMN_NAME from INFORMATION_SCHEMA.COLUMNS where TABLE_NAME = ? order by "
                        + "ORDINAL_POSITION", String.class, table);
        String select = columns.stream().map(c -> replaced.getOrDefault(c, "X." + c))
                .collect(java.util.stream.Collectors.joining(", "));
        String range = db.postgres() ? "generate_series(1, " + copies + ") R(X)" : "SYSTEM_RANGE(1, " + copies + ") R";
        long s = System.nanoTime();
        int rows = jdbc.update("insert into " + table + " (" + String.join(", ", columns) + ") select " + select
                + " from " + table + " X cross join " + range + " where X." + where);
        progress("queue: copied " + rows + " rows of " + table + " in " + (long) ms(System.nanoTime() - s) + " ms");
    }

    /** Fresh statistics: without them PostgreSQL would plan for tables of a few hundred rows. */
    static void analyzeQueueTables(JdbcTemplate jdbc) {
        long s = System.nanoTime();
        for (String table : List.of("ACT_RU_TASK", "ACT_RU_IDENTITYLINK", "ACT_RU_AUTHORIZATION", "ACT_RE_PROCDEF")) {
            jdbc.execute("analyze " + table);
        }
        progress("queue: analyzed the task, identity link, authorization and process definition tables in "
                + (long) ms(System.nanoTime() - s) + " ms");
    }

    /**
     * The database's plans for the filter's and the bare query's SQL (as the engine logs them for that
     * database), for finding indexes; on PostgreSQL with {@code EXPLAIN ANALYZE}.
     */
    void explainQueue(List<String> groups, String tenant) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        String in = groups.stream().map(g -> "'" + g + "'").collect(java.util.stream.Collectors.joining(", "));
        String columns = "RES.ID_, RES.DUE_DATE_";
        String bare = "select distinct " + columns + " from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on "
                + "I.TASK_ID_ = RES.ID_ WHERE ( 1 = 1 and RES.TENANT_ID_ in ( '" + tenant + "' ) and ( RES.ASSIGNEE_ "
                + "is null and I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( " + in + " ) ) ) ) order by RES.DUE_DATE_ "
                + "asc LIMIT 50 OFFSET 0";
        String filter = "select distinct " + columns + " from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on "
                + "I.TASK_ID_ = RES.ID_ left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_ left join ( SELECT A.* "
                + "FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( 'x', '*') OR A.GROUP_ID_ IN ( "
                + in + " ) ) AND ( ( A.RESOURCE_TYPE_ = 7 AND " + bitAnd("A.PERMS_", 2) + " = 2 OR "
                + "A.RESOURCE_TYPE_ = 6 AND " + bitAnd("A.PERMS_", 64) + " = 64 ) ) ) AUTH ON (AUTH.RESOURCE_ID_ "
                + "IN ( RES.ID_ , D.KEY_ , '*' )) WHERE ( 1 = 1 and ( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' "
                + "and ( I.GROUP_ID_ IN ( " + in + " ) ) ) ) and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR "
                + "(AUTH.RESOURCE_ID_ IS NOT NULL) ) and (RES.TENANT_ID_ is null or RES.TENANT_ID_ in ( '" + tenant
                + "' ) ) order by RES.DUE_DATE_ asc LIMIT 50 OFFSET 0";
        for (String sql : List.of(bare, filter, "SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A")) {
            long s = System.nanoTime();
            jdbc.queryForList(sql);
            long e = System.nanoTime() - s;
            String explain = db.postgres() ? "EXPLAIN ANALYZE " : "EXPLAIN ";
            progress("EXPLAIN (" + (long) ms(e) + " ms): " + String.join("\n", jdbc.queryForList(explain + sql,
                    String.class)));
        }
    }

    /** As Camunda's SQL mappings write a permission check on each database (DbSqlSessionFactory). */
    String bitAnd(String column, int bits) {
        return db.postgres() ? "(" + column + " & " + bits + ")"
                : "BITAND(" + column + ",CAST(" + bits + " AS BIGINT))";
    }

    /** Agents as {id, groups, tenants}; alternates filter and bare query, after a warm-up. */
    void measureQueue(List<String[]> agents, String filterId, int runs, List<Long> appNanos, List<Long> bareNanos) {
        IdentityService identity = engine.getIdentityService();
        FilterService filters = engine.getFilterService();
        TaskService tasks = engine.getTaskService();
        int warmup = 30;
        for (int r = 0; r < runs + warmup; r++) {
            String[] agent = agents.get(r % agents.size());
            List<String> groups = List.of(agent[1].split(","));
            List<String> tenantIds = List.of(agent[2].split(","));
            boolean appFirst = r % 2 == 0;
            for (int k = 0; k < 2; k++) {
                boolean isApp = (k == 0) == appFirst;
                long s = System.nanoTime();
                int size;
                if (isApp) {
                    identity.setAuthentication(agent[0], groups, tenantIds);
                    try {
                        size = filters.listPage(filterId, 0, 50).size();
                    } finally {
                        identity.clearAuthentication();
                    }
                } else {
                    size = tasks.createTaskQuery().taskCandidateGroupIn(groups)
                            .tenantIdIn(tenantIds.toArray(String[]::new)).orderByDueDate().asc().listPage(0, 50)
                            .size();
                }
                long e = System.nanoTime() - s;
                if (size != 50) {
                    throw new IllegalStateException("queue: " + (isApp ? "filter" : "query") + " for " + agent[0]
                            + " answered " + size + " tasks, expected a full page of 50");
                }
                if (r >= warmup) {
                    (isApp ? appNanos : bareNanos).add(e);
                }
                if (k == 1 && r > warmup && (r - warmup) % 100 == 0) {
                    progress("queue: " + (r - warmup) + "/" + runs + " runs");
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // startup

    void startup() throws Exception {
        String cp = System.getProperty("java.class.path");
        Path dbs = workDir.resolve("startup-" + System.currentTimeMillis());
        Files.createDirectories(dbs);
        String fullUrl = db.fresh("borgerflow_bench_full", dbs.resolve("full").resolve("db"));
        String bareUrl = db.fresh("borgerflow_bench_bare", dbs.resolve("bare").resolve("db"));
        progress("startup: first start of each (creates the schema; not counted)");
        startOnce(cp, "full", fullUrl, dbs);
        startOnce(cp, "bare", bareUrl, dbs);
        List<Double> full = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        for (int round = 1; round <= settings.startupPairs; round++) {
            double f = startOnce(cp, "full", fullUrl, dbs);
            double b = startOnce(cp, "bare", bareUrl, dbs);
            full.add(f);
            bare.add(b);
            progress(String.format(Locale.ROOT, "startup round %d/%d: full %.0f ms, bare %.0f ms", round,
                    settings.startupPairs, f, b));
        }
        double ratio = medianRatio(full, bare);
        result.put("startup_ratio", f2(ratio));
        table.add(new String[] {"Startup: full app to ready ÷ bare Camunda Spring Boot app (separate JVMs)", "≤ 1.3",
                String.format(Locale.ROOT, "%.2f (full %.0f ms, bare %.0f ms; median of %d)", ratio, median(full),
                        median(bare), settings.startupPairs), met(ratio <= 1.3)});
    }

    double startOnce(String cp, String mode, String url, Path dbs) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = dbs.resolve(mode + ".log").toFile();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", cp, StartupProbe.class.getName(), mode, url,
                db.user(), db.password());
        pb.redirectError(ProcessBuilder.Redirect.appendTo(log));
        long t0 = System.nanoTime();
        Process p = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals(StartupProbe.READY)) {
                    double elapsed = ms(System.nanoTime() - t0);
                    p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
                    return elapsed;
                }
            }
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        throw new IllegalStateException("startup of " + mode + " failed; see " + log);
    }

    // ---------------------------------------------------------------------------------------------
    // output

    String resultLine() {
        StringBuilder line = new StringBuilder("RESULT");
        for (String key : List.of("intake_ratio", "intake_rows", "escalation_ratio", "catchup_per_s",
                "tasklist_p95_ms", "queue_p95_ms", "queue_ratio", "report_ms", "startup_ratio")) {
            if (result.containsKey(key)) {
                line.append(' ').append(key).append('=').append(result.get(key));
            }
        }
        return line.toString();
    }

    void writeDocs(Path docs) throws IOException {
        Path template = Path.of("deployments/bench/benchmarks-template.md");
        StringBuilder t = new StringBuilder("| scenario | goal | measured | met |\n|---|---|---|---|\n");
        for (String[] row : table) {
            t.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        StringBuilder run = new StringBuilder();
        run.append("- run: ").append(settings.quick ? "`--quick`" : "full").append(", finished ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        run.append("- sizes: ").append(settings).append(", database ").append(db.label()).append('\n');
        notes.forEach(n -> run.append("- ").append(n).append('\n'));
        details.forEach(d -> run.append("- ").append(d).append('\n'));
        run.append("- result line: `").append(resultLine()).append("`\n");
        String machine = "- cores: " + Runtime.getRuntime().availableProcessors() + ", memory: "
                + memoryGb() + " GiB, shared with other engineers' builds\n- java: "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", max heap of the benchmark JVM " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB\n- os: "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + "\n- database: "
                + dbDescription + "\n";
        String block = "### " + db.label() + "\n\n" + t + "\n" + run + "\nMachine:\n\n" + machine;
        String text = Files.readString(template);
        String earlier = Files.exists(docs) ? Files.readString(docs) : "";
        for (String kind : List.of("postgres", "h2")) {
            String own = kind.equals(db.postgres() ? "postgres" : "h2") ? block : runBlock(earlier, kind)
                    .orElse("### " + BenchDatabase.of(kind).label() + "\n\nNot run yet: `deployments/bench/run.sh --db="
                            + kind + "`.\n");
            text = text.replace("{{RUN:" + kind + "}}", "<!-- bench:" + kind + " -->\n" + own.strip() + "\n<!-- /bench:"
                    + kind + " -->");
        }
        Files.writeString(docs, text);
        progress("wrote " + docs);
    }

    /** The block of one database's latest run in an earlier report, so a run on the other keeps it. */
    static java.util.Optional<String> runBlock(String report, String kind) {
        String start = "<!-- bench:" + kind + " -->";
        String end = "<!-- /bench:" + kind + " -->";
        int from = report.indexOf(start);
        int to = report.indexOf(end);
        return from < 0 || to < from ? java.util.Optional.empty()
                : java.util.Optional.of(report.substring(from + start.length(), to));
    }

    static String memoryGb() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return String.valueOf(Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024)));
        }
        return "?";
    }

    // ---------------------------------------------------------------------------------------------
    // helpers

    static void parallel(int n, int threads, IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n && errors.isEmpty()) {
                        try {
                            work.accept(i);
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("work failed", errors.peek());
        }
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    static long count(JdbcTemplate jdbc, String sql) {
        Long c = jdbc.queryForObject(sql, Long.class);
        return c == null ? 0 : c;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int m = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
    }

    /** The median of the ratios of each A/B pair: a burst of load hits both halves of a pair alike. */
    static double medianRatio(List<Double> a, List<Double> b) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            ratios.add(a.get(i) / b.get(i));
        }
        return median(ratios);
    }

    static double percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String met(boolean met) {
        return met ? "met" : "**not met**";
    }

    static void progress(String message) {
        System.err.println("[bench " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
        System.err.flush();
    }
}
