package dk.borgerflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.testsupport.TasklistSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * GET /webapps/language tells Tasklist the language of the worker logged in to the webapps: Swedish for
 * Spånga-Tensta, Danish for the Danish municipalities, none before login or for users of several
 * countries. Only the webapps' own session counts: a request cannot name another user.
 */
@BorgerflowTest
class WebappLanguageTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @Test
    void spangaTenstaWorkersGetSwedishAndDanishMunicipalitiesWorkersDanish() throws Exception {
        assertThat(languageOf(TasklistSession.logIn(baseUrl(), "agent-spanga-tensta", "demo").http())).isEqualTo("sv");
        assertThat(languageOf(TasklistSession.logIn(baseUrl(), "desk-spanga-tensta", "demo").http())).isEqualTo("sv");
        assertThat(languageOf(TasklistSession.logIn(baseUrl(), "agent-slagelse", "demo").http())).isEqualTo("da");
        assertThat(languageOf(TasklistSession.logIn(baseUrl(), "specialist-roskilde", "demo").http())).isEqualTo("da");
    }

    @Test
    void nobodyLoggedInOrAUserOfBothCountriesGetsNoLanguageAndTheBrowserDecides() throws Exception {
        assertThat(languageOf(HttpClient.newHttpClient())).isNull();
        // admin is a member of every municipality, Danish and Swedish
        assertThat(languageOf(TasklistSession.logIn(baseUrl(), "admin", "demo").http())).isNull();
    }

    @Test
    void theLanguageComesFromTheWebappSessionNotFromWhatTheRequestSays() throws Exception {
        HttpClient noSession = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString("agent-spanga-tensta:demo"
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = noSession.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/webapps/language"
                + "?user=agent-spanga-tensta")).header("Authorization", basic).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json.readTree(answer.body()).path("language").isTextual()).as(answer.body()).isFalse();

        HttpClient slagelse = TasklistSession.logIn(baseUrl(), "agent-slagelse", "demo").http();
        HttpResponse<String> own = slagelse.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/webapps/language"
                + "?user=agent-spanga-tensta")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(own.body()).get("language").asText()).isEqualTo("da");
        assertThat(own.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    private String languageOf(HttpClient client) throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/webapps/language"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode language = json.readTree(answer.body()).get("language");
        return language == null || language.isNull() ? null : language.asText();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
