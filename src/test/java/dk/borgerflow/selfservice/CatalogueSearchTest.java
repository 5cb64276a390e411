package dk.borgerflow.selfservice;

import static dk.borgerflow.selfservice.CatalogueFixtures.slagelsesOwnHousingBenefitSolution;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/** Search quality: the spellings citizens type, synonyms, Swedish, own solutions first, misses counted. */
@BorgerflowTest
class CatalogueSearchTest {

    static final String NATIONAL_HOUSING_BENEFIT = "https://www.borger.dk/bolig-og-flytning/boligstoette";
    static final String SLAGELSE_HOUSING_BENEFIT = "https://www.slagelse.dk/borger/bolig/boligstoette";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SelfServiceSearch search;
    CatalogueFixtures api;

    @BeforeEach
    void setUp() {
        api = new CatalogueFixtures(http, json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"boligstøtte", "bolig støtte", "boligstotte", "boligstoette", "Boligstøtte", "boligstøte",
            "bolgstøtte", "hvordan søger jeg boligstøtte", "huslejetilskud"})
    void everySpellingOfHousingBenefitFindsIt(String query) {
        assertThat(urls(search("naestved", query, null))).first().isEqualTo(NATIONAL_HOUSING_BENEFIT);
    }

    @Test
    void unrelatedWordsDoNotFindHousingBenefit() {
        assertThat(urls(search("naestved", "pas", null))).doesNotContain(NATIONAL_HOUSING_BENEFIT)
                .contains("https://www.borger.dk/internet-og-sikkerhed/pas");
        assertThat(urls(search("naestved", "affald", null))).doesNotContain(NATIONAL_HOUSING_BENEFIT);
    }

    @Test
    void theMunicipalitysOwnSolutionOverridesTheNationalOneAndRanksFirst() {
        api.ownSolution("slagelse", slagelsesOwnHousingBenefitSolution());
        // an own solution of another topic that also speaks of housing
        api.ownSolution("slagelse", """
                {"topic":"housing-allocation","title":"Boliganvisning i Slagelse","url":"https://www.slagelse.dk/boliganvisning",
                 "description":"Akut brug for en bolig? Søg boliganvisning hos Slagelse Kommune.","mitidRequired":false}""");

        JsonNode slagelse = search("slagelse", "boligstøtte", null);
        assertThat(urls(slagelse)).first().isEqualTo(SLAGELSE_HOUSING_BENEFIT);
        assertThat(urls(slagelse)).doesNotContain(NATIONAL_HOUSING_BENEFIT);
        assertThat(slagelse.get(0).get("solution").get("source").asText()).isEqualTo("municipality");
        // "bolig": both own solutions before any national one
        JsonNode bolig = search("slagelse", "bolig", null);
        assertThat(bolig.get(0).get("solution").get("source").asText()).isEqualTo("municipality");
        assertThat(bolig.get(1).get("solution").get("source").asText()).isEqualTo("municipality");
        // Næstved keeps the national one
        assertThat(urls(search("naestved", "boligstøtte", null))).first().isEqualTo(NATIONAL_HOUSING_BENEFIT);
        // the topic filter
        assertThat(search("slagelse", "", "housing-benefit")).allSatisfy(h ->
                assertThat(h.get("solution").get("topic").asText()).isEqualTo("housing-benefit"));
    }

    @Test
    void aMunicipalitysOwnSynonymFindsWhatItStandsForThereOnly() {
        assertThat(search("furesoe", "lejetilskud", null)).isEmpty();
        assertThat(api.send("editor-furesoe", HttpMethod.PUT, "/api/self-service/furesoe/synonyms/lejetilskud",
                "{\"means\":\"boligstøtte\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(urls(search("furesoe", "lejetilskud", null))).first().isEqualTo(NATIONAL_HOUSING_BENEFIT);
        assertThat(search("egedal", "lejetilskud", null)).isEmpty();
    }

    @Test
    void swedishQueriesFindSpangaTenstasSwedishSolutions() {
        for (String q : List.of("bostadsbidrag", "bostadsbidraget", "bostads bidrag", "bostadbidrag", "hyresbidrag")) {
            JsonNode hits = search("spanga-tensta", q, null);
            assertThat(hits).as(q).isNotEmpty();
            assertThat(hits.get(0).get("solution").get("url").asText()).as(q)
                    .isEqualTo("https://www.forsakringskassan.se/privatperson/bostadsbidrag");
            assertThat(hits.get(0).get("solution").get("language").asText()).isEqualTo("sv");
            assertThat(hits.get(0).get("solution").get("deskOpeningHours").asText()).startsWith("mån");
        }
        // Danish solutions are not Spånga-Tensta's
        assertThat(urls(search("spanga-tensta", "boligstøtte", null))).doesNotContain(NATIONAL_HOUSING_BENEFIT);
    }

    @Test
    void typeAheadCompletesWhatWasTyped() {
        JsonNode suggestions = api.read(api.get("agent-holbaek", "/api/self-service/suggestions?municipality=holbaek&q=bolig"));
        List<String> titles = new ArrayList<>();
        suggestions.forEach(s -> titles.add(s.asText()));
        assertThat(titles).contains("Boligstøtte");
        JsonNode folded = api.read(api.get("agent-holbaek", "/api/self-service/suggestions?municipality=holbaek&q=sundhedsk"));
        assertThat(folded.toString()).contains("Sundhedskort");
    }

    @Test
    void searchesWithoutAHitAreCountedForTheEditors() {
        search("roskilde", "fiskekort til søen", null);
        search("roskilde", "Fiskekort  til søen", null);
        JsonNode misses = api.read(api.get("editor-roskilde", "/api/self-service/roskilde/missed-searches"));
        assertThat(misses).anySatisfy(m -> {
            assertThat(m.get("query").asText()).isEqualTo("fiskekort til søen");
            assertThat(m.get("searches").asInt()).isGreaterThanOrEqualTo(2);
        });
        // another municipality's editor does not see them
        assertThat(api.get("editor-naestved", "/api/self-service/roskilde/missed-searches").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void badSearchInputIs400NamingTheFieldAndCountsNothing() {
        int misses = jdbc.queryForObject("select count(*) from self_service_missed_search", Integer.class);
        assertField(get("/api/self-service?q=bolig"), "municipality");
        assertField(get("/api/self-service?municipality=slagelse&q=" + "x".repeat(201)), "q");
        assertField(get("/api/self-service?municipality=slagelse&q=0102031234"), "q");
        assertField(get("/api/self-service?municipality=slagelse&q=bolig&topic=astrology"), "topic");
        assertField(get("/api/self-service?municipality=slagelse&q=bolig&size=0"), "size");
        assertThat(api.get("agent-slagelse", "/api/self-service?municipality=naestved&q=bolig").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject("select count(*) from self_service_missed_search", Integer.class))
                .isEqualTo(misses);
    }

    @Test
    void anotherNodesChangeReachesThisNodesIndexThroughTheRevision() {
        // another node wrote a solution and raised the revision (this node's afterCommit never ran)
        jdbc.update("""
                insert into self_service_solution (version, municipality, country, topic, language, title, url, description,
                  mitid_required, reviewed_at, reviewed_by, changed_at, changed_by)
                values (0, 'frederikssund', 'DK', 'waste', 'da', 'Storskrald i Frederikssund',
                  'https://www.frederikssund.dk/storskrald', 'Bestil afhentning af storskrald.', true,
                  current_timestamp, 'editor-frederikssund', current_timestamp, 'editor-frederikssund')""");
        jdbc.update("update self_service_revision set revision = revision + 1 where id = 1");
        assertThat(urls(search("frederikssund", "storskrald", null))).doesNotContain("https://www.frederikssund.dk/storskrald");

        search.followOtherNodes();

        assertThat(urls(search("frederikssund", "storskrald", null))).first()
                .isEqualTo("https://www.frederikssund.dk/storskrald");
    }

    private JsonNode search(String municipality, String q, String topic) {
        String path = UriComponentsBuilder.fromPath("/api/self-service").queryParam("municipality", municipality)
                .queryParam("q", q).queryParamIfPresent("topic", java.util.Optional.ofNullable(topic)).encode()
                .toUriString();
        ResponseEntity<String> response = http.withBasicAuth("admin", "demo").getForEntity(java.net.URI.create(path),
                String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return api.read(response);
    }

    private ResponseEntity<String> get(String path) {
        return api.get("agent-slagelse", path);
    }

    private void assertField(ResponseEntity<String> response, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(api.read(response).get("field").asText()).isEqualTo(field);
    }

    private static List<String> urls(JsonNode hits) {
        List<String> urls = new ArrayList<>();
        hits.forEach(h -> urls.add(h.get("solution").get("url").asText()));
        return urls;
    }
}
