package dk.borgerflow.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Each municipality's own self-service solutions, used when citizens are guided to self-service. */
@BorgerflowTest
class SelfServiceCatalogueTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Test
    void aMunicipalitysOwnSolutionIsWhereItsCitizensAreGuided() throws Exception {
        assertThat(put("owner", "/api/self-service/roskilde/parking-permit",
                "{\"url\":\"https://selvbetjening.roskilde.dk/parkering\",\"title\":\"Beboerlicens\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode roskilde = webInquiry("agent-roskilde", "roskilde", "parking-permit");
        assertThat(roskilde.get("tier").asText()).isEqualTo("SELF_SERVICE");
        assertThat(roskilde.get("selfServiceUrl").asText()).isEqualTo("https://selvbetjening.roskilde.dk/parkering");

        // parking permits have no national solution: Slagelse's citizens get a person
        JsonNode slagelse = webInquiry("agent-slagelse", "slagelse", "parking-permit");
        assertThat(slagelse.get("tier").asText()).isEqualTo("CONTACT_CENTER");

        JsonNode catalogue = json.readTree(http.withBasicAuth("agent-roskilde", "demo")
                .getForEntity("/api/self-service/roskilde", String.class).getBody());
        assertThat(catalogue).anySatisfy(e -> {
            assertThat(e.get("topic").asText()).isEqualTo("parking-permit");
            assertThat(e.get("source").asText()).isEqualTo("municipality");
        });
        assertThat(catalogue).anySatisfy(e -> {
            assertThat(e.get("topic").asText()).isEqualTo("moving");
            assertThat(e.get("source").asText()).isEqualTo("national");
        });
    }

    @Test
    void onlyProcessOwnersOfTheMunicipalityChangeTheCatalogueAndBadLinksAreRefused() throws Exception {
        assertThat(put("agent-roskilde", "/api/self-service/roskilde/waste", "{\"url\":\"https://x.dk\"}")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("agent-roskilde", "demo").getForEntity("/api/self-service/slagelse",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> badUrl = put("owner", "/api/self-service/roskilde/waste", "{\"url\":\"javascript:alert(1)\"}");
        assertThat(badUrl.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(badUrl.getBody()).get("field").asText()).isEqualTo("url");
        ResponseEntity<String> badTopic = put("owner", "/api/self-service/roskilde/astrology", "{\"url\":\"https://x.dk\"}");
        assertThat(json.readTree(badTopic.getBody()).get("field").asText()).isEqualTo("topic");
    }

    private JsonNode webInquiry(String user, String municipality, String topic) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = """
                {"municipality":"%s","channel":"WEB","topic":"%s","summary":"Hvordan søger jeg?",
                 "citizen":{"name":"Ib","age":40}}""".formatted(municipality, topic);
        ResponseEntity<String> created = http.withBasicAuth(user, "demo").postForEntity("/api/inquiries",
                new HttpEntity<>(body, headers), String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(created.getBody());
    }

    private ResponseEntity<String> put(String user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers),
                String.class);
    }
}
