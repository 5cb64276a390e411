package dk.borgerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.BorgerflowTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda opens its first-admin setup to anyone, without login, while no member of
 * {@code camunda-admin} exists (an empty database before the bootstrap, or after the last admin was
 * deleted). The test creates that situation by taking the demo admins out of the group for its
 * duration, then tries the setup as an anonymous browser would (with the webapps' CSRF token).
 */
@BorgerflowTest
class CamundaSetupClosedTest {

    static final String SETUP_API = "/camunda/api/admin/setup/default/user/create";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;

    List<String> admins;
    final CookieManager cookies = new CookieManager();
    final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void noAdministratorLeft() {
        admins = identity.createUserQuery().memberOfGroup(Groups.ADMIN).list().stream().map(User::getId).toList();
        admins.forEach(a -> identity.deleteMembership(a, Groups.ADMIN));
    }

    @AfterEach
    void administratorsBack() {
        admins.forEach(a -> identity.createMembership(a, Groups.ADMIN));
        identity.createUserQuery().userIdIn("intruder").list().forEach(u -> identity.deleteUser(u.getId()));
    }

    @Test
    void theFirstAdminSetupApiAnswers404AndCreatesNoUser() throws Exception {
        String token = csrfToken();
        for (String path : List.of(SETUP_API, SETUP_API + ";jsessionid=x", "/camunda/api/admin/%73etup/default/user/create",
                "/camunda/api/admin/./setup/default/user/create", "/camunda//api/admin/setup/default/user/create")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("X-XSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"profile":{"id":"intruder","firstName":"I","lastName":"N"},
                             "credentials":{"password":"Intruder-Password-1"}}""")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(identity.createUserQuery().userId("intruder").count()).as(path).isZero();
            assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMIN).count()).as(path).isZero();
        }
    }

    @Test
    void theFirstAdminSetupPageAnswers404() throws Exception {
        for (String path : List.of("/camunda/app/admin/default/setup/", "/camunda/app/admin/default/setup/index.html")) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path).isEqualTo(404);
        }
    }

    /** The webapps' CSRF token, as the setup page's browser would hold it. */
    private String csrfToken() throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/camunda/app/tasklist/default/")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .reduce((first, last) -> last).orElseThrow().getValue();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
