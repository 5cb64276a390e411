package dk.borgerflow.selfservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The catalogue's API as the demo users call it, and named solutions. */
final class CatalogueFixtures {

    private final TestRestTemplate http;
    private final ObjectMapper json;

    CatalogueFixtures(TestRestTemplate http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    static String slagelsesOwnHousingBenefitSolution() {
        return """
                {"topic":"housing-benefit","title":"Boligstøtte i Slagelse",
                 "url":"https://www.slagelse.dk/borger/bolig/boligstoette",
                 "description":"Søg boligstøtte med MitID. Slagelse Kommunes vejledning om husleje og boligydelse.",
                 "mitidRequired":true,
                 "withoutMitid":"Mød op i Borgerservice på Rådhuset, så søger vi sammen med dig.",
                 "keywords":"husleje boligydelse boligsikring"}""";
    }

    ResponseEntity<String> send(String user, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

    JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    /** The id of the municipality's own solution of the topic, created by its editor if it is not there yet. */
    long ownSolution(String municipality, String body) {
        return read(send("editor-" + municipality, HttpMethod.POST, "/api/self-service/" + municipality + "/solutions",
                body)).get("id").asLong();
    }
}
