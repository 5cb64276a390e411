package dk.borgerflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nobody can lock a user out anonymously: wrong passwords are throttled per client address and user
 * on every surface that checks a password (our API, engine-rest, Tasklist's login), Camunda's own
 * per-user lock never engages, and a throttled client learns nothing about its guesses. The clients
 * are told apart by {@code X-Forwarded-For}, which Tomcat accepts from loopback (the trusted proxy of
 * the default configuration). The test profile's backoff is 2 s (production: 1 minute).
 */
@BorgerflowTest
class LoginThrottlingTest {

    /** Distinct documentation addresses per test, so throttled pairs never meet another test. */
    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger(10);
    /** ACT_ID_USER of a user Camunda's own counter never touched, or reset (Map.of takes no null). */
    private static final Map<String, Object> NOT_LOCKED = new java.util.HashMap<>();

    static {
        NOT_LOCKED.put("ATTEMPTS_", 0);
        NOT_LOCKED.put("LOCK_EXP_TIME_", null);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    ObjectMapper json;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void twentyWrongAdminPasswordsFromOneClientLeaveTheAdminFreeToLogInFromAnotherAtOnce() throws Exception {
        String attacker = aClient();
        String realAdmin = aClient();
        Map<String, Object> lockBefore = camundaLockOf("admin");

        for (int i = 0; i < 20; i++) {
            assertThat(api(attacker, "admin", "guess-" + i).statusCode()).as("guess %d", i).isEqualTo(401);
        }

        // engine-rest checks the password on every request (our API may answer from its success cache)
        assertThat(engineRest(realAdmin, "admin", "demo").statusCode()).isEqualTo(200);
        assertThat(api(realAdmin, "admin", "demo").statusCode()).isEqualTo(200);
        assertThat(camundaLockOf("admin")).as("Camunda's failed-attempt counter and lock").isEqualTo(lockBefore)
                .isEqualTo(NOT_LOCKED);
    }

    @Test
    void theThrottledClientGetsInWithTheRightPasswordAfterTheBackoff() throws Exception {
        String client = aClient();
        for (int i = 0; i < 20; i++) {
            api(client, "admin", "guess-" + i);
        }

        HttpResponse<String> atOnce = api(client, "admin", "demo");
        assertThat(atOnce.statusCode()).isEqualTo(401);
        assertThat(atOnce.headers().firstValue("Retry-After")).hasValueSatisfying(s ->
                assertThat(Long.parseLong(s)).isBetween(1L, 60L));
        JsonNode problem = json.readTree(atOnce.body());
        assertThat(problem.get("title").asText()).isEqualTo("For mange forkerte logins");
        assertThat(problem.get("detail").asText()).contains("Wait").contains("seconds");

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> api(client, "admin", "demo").statusCode() == 200);
    }

    @Test
    void whileThrottledTheRightPasswordGetsTheSameAnswerAsAWrongOneEvenWhenItsSuccessIsCached() throws Exception {
        String attacker = aClient();
        for (int i = 0; i < 5; i++) {
            api(attacker, "admin", "guess-" + i);
        }
        // the real admin logs in meanwhile: our API caches that success for 30 s
        assertThat(api(aClient(), "admin", "demo").statusCode()).isEqualTo(200);

        HttpResponse<String> right = api(attacker, "admin", "demo");
        HttpResponse<String> wrong = api(attacker, "admin", "guess-6");

        for (HttpResponse<String> answer : java.util.List.of(right, wrong)) {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            assertThat(json.readTree(answer.body()).get("title").asText()).isEqualTo("For mange forkerte logins");
        }
        HttpResponse<String> rightOverEngineRest = engineRest(attacker, "admin", "demo");
        HttpResponse<String> wrongOverEngineRest = engineRest(attacker, "admin", "guess-7");
        assertThat(rightOverEngineRest.statusCode()).isEqualTo(401).isEqualTo(wrongOverEngineRest.statusCode());
        assertThat(rightOverEngineRest.body()).isEqualTo(wrongOverEngineRest.body());
    }

    @Test
    void engineRestIsThrottledPerClientAndUserWithoutLockingTheUser() throws Exception {
        String attacker = aClient();
        Map<String, Object> lockBefore = camundaLockOf("admin");

        for (int i = 0; i < 20; i++) {
            assertThat(engineRest(attacker, "admin", "guess-" + i).statusCode()).as("guess %d", i).isEqualTo(401);
        }

        assertThat(engineRest(aClient(), "admin", "demo").statusCode()).isEqualTo(200);
        HttpResponse<String> throttled = engineRest(attacker, "admin", "demo");
        assertThat(throttled.statusCode()).isEqualTo(401);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(camundaLockOf("admin")).isEqualTo(lockBefore).isEqualTo(NOT_LOCKED);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> engineRest(attacker, "admin", "demo").statusCode() == 200);
    }

    @Test
    void tasklistLoginIsThrottledPerClientAndUserWithoutLockingTheUser() throws Exception {
        String attacker = aClient();
        Map<String, Object> lockBefore = camundaLockOf("admin");
        TasklistBrowser attackersBrowser = TasklistBrowser.open(http(), baseUrl());

        for (int i = 0; i < 20; i++) {
            assertThat(attackersBrowser.logIn(attacker, "admin", "guess-" + i).statusCode()).as("guess %d", i)
                    .isEqualTo(401);
        }

        assertThat(TasklistBrowser.open(http(), baseUrl()).logIn(aClient(), "admin", "demo").statusCode())
                .isEqualTo(200);
        HttpResponse<String> throttled = attackersBrowser.logIn(attacker, "admin", "demo");
        assertThat(throttled.statusCode()).isEqualTo(401);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(camundaLockOf("admin")).isEqualTo(lockBefore).isEqualTo(NOT_LOCKED);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> attackersBrowser.logIn(attacker, "admin", "demo").statusCode() == 200);
    }

    @Test
    void oneSurfaceCannotBeUsedToGuessOnWhenAnotherIsThrottled() throws Exception {
        String attacker = aClient();
        for (int i = 0; i < 5; i++) {
            api(attacker, "manager", "guess-" + i);
        }

        assertThat(engineRest(attacker, "manager", "demo").statusCode()).isEqualTo(401);
        assertThat(TasklistBrowser.open(http(), baseUrl()).logIn(attacker, "manager", "demo").statusCode())
                .isEqualTo(401);
    }

    @Test
    void throttlingOneUserLeavesTheSameClientsOtherUsersAlone() throws Exception {
        String office = aClient();
        for (int i = 0; i < 20; i++) {
            api(office, "teamlead-roskilde", "guess-" + i);
        }

        assertThat(api(office, "agent-roskilde", "demo").statusCode()).isEqualTo(200);
    }

    @Test
    void aUserCamundaHadLockedBeforeIsUnlockedByTheirNextRightPassword() throws Exception {
        String userId = "locked-" + System.nanoTime();
        var user = identity.newUser(userId);
        user.setPassword("demo");
        identity.saveUser(user);
        try {
            // what Camunda's own counter left behind after the attack of issue 11 (ENGINE-27002)
            jdbc.update("update ACT_ID_USER set ATTEMPTS_ = 10, LOCK_EXP_TIME_ = ? where ID_ = ?",
                    java.sql.Timestamp.from(java.time.Instant.now().plus(Duration.ofDays(1))), userId);

            assertThat(engineRest(aClient(), userId, "demo").statusCode()).isEqualTo(200);
            assertThat(camundaLockOf(userId)).containsEntry("ATTEMPTS_", 0).containsEntry("LOCK_EXP_TIME_", null);
        } finally {
            identity.deleteUser(userId);
        }
    }

    // ---- helpers ----

    private static String aClient() {
        int n = NEXT_CLIENT.getAndIncrement();
        return "203.0." + (113 + n / 250) + "." + (n % 250 + 1);
    }

    private Map<String, Object> camundaLockOf(String userId) {
        return jdbc.queryForMap("select coalesce(ATTEMPTS_, 0) as ATTEMPTS_, LOCK_EXP_TIME_ from ACT_ID_USER where ID_ = ?", userId);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private HttpClient http() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private HttpResponse<String> api(String client, String user, String password) throws Exception {
        return get("/api/inquiries?size=1", client, user, password);
    }

    private HttpResponse<String> engineRest(String client, String user, String password) throws Exception {
        return get("/engine-rest/user/count", client, user, password);
    }

    private HttpResponse<String> get(String path, String client, String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", client).header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser on Tasklist's login page: session cookie and the webapps' CSRF token, as Tasklist sends them. */
    record TasklistBrowser(HttpClient http, String baseUrl, CookieManager cookies) {

        static TasklistBrowser open(HttpClient http, String baseUrl) throws Exception {
            CookieManager cookies = (CookieManager) http.cookieHandler().orElseThrow();
            http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/tasklist/")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return new TasklistBrowser(http, baseUrl, cookies);
        }

        HttpResponse<String> logIn(String client, String user, String password) throws Exception {
            String token = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN")).reduce((first, last) -> last).orElseThrow()
                    .getValue();
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            return http.send(HttpRequest.newBuilder(
                            URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                    .header("X-Forwarded-For", client)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
