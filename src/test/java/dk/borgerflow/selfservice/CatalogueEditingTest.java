package dk.borgerflow.selfservice;

import static dk.borgerflow.selfservice.CatalogueFixtures.slagelsesOwnHousingBenefitSolution;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Editors change only their municipality's catalogue; every change is versioned; old entries are flagged. */
@BorgerflowTest
class CatalogueEditingTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    CatalogueFixtures api;

    @BeforeEach
    void setUp() {
        api = new CatalogueFixtures(http, json);
    }

    @Test
    void slagelsesEditorAddsAndChangesItsSolutionAndEveryVersionSaysWhoAndWhen() {
        ResponseEntity<String> created = api.send("editor-slagelse", HttpMethod.POST, "/api/self-service/slagelse/solutions",
                slagelsesOwnHousingBenefitSolution());
        assertThat(created.getStatusCode()).isIn(HttpStatus.CREATED, HttpStatus.OK);
        JsonNode solution = api.read(created);
        long id = solution.get("id").asLong();
        assertThat(solution.get("source").asText()).isEqualTo("municipality");
        assertThat(solution.get("deskOpeningHours").asText()).isEqualTo("man–fre 10.00–18.00");

        // the same submission again adds nothing
        ResponseEntity<String> again = api.send("editor-slagelse", HttpMethod.POST, "/api/self-service/slagelse/solutions",
                slagelsesOwnHousingBenefitSolution());
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.read(again).get("id").asLong()).isEqualTo(id);

        long version = api.read(api.get("editor-slagelse", "/api/self-service/slagelse/solutions/" + id)).get("version")
                .asLong();
        ResponseEntity<String> changed = api.send("editor-slagelse", HttpMethod.PUT,
                "/api/self-service/slagelse/solutions/" + id, slagelsesOwnHousingBenefitSolution()
                        .replace("\"topic\"", "\"version\":" + version + ",\"topic\"")
                        .replace("Rådhuset", "Borgerservice Slagelse, Rådhuspladsen 11"));
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.read(changed).get("withoutMitid").asText()).contains("Rådhuspladsen 11");

        // a change made on an old version loses: 409, nothing changed
        ResponseEntity<String> stale = api.send("editor-slagelse", HttpMethod.PUT, "/api/self-service/slagelse/solutions/" + id,
                slagelsesOwnHousingBenefitSolution().replace("\"topic\"", "\"version\":" + version + ",\"topic\"")
                        .replace("Rådhuset", "et andet sted"));
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        JsonNode history = api.read(api.get("editor-slagelse", "/api/self-service/slagelse/solutions/" + id + "/history"));
        assertThat(history).hasSizeGreaterThanOrEqualTo(2);
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("CHANGED");
        assertThat(last.get("by").asText()).isEqualTo("editor-slagelse");
        assertThat(last.get("at").asText()).isNotBlank();
        assertThat(last.get("fields").get("withoutMitid").asText()).contains("Rådhuspladsen 11");
        assertThat(history).anySatisfy(v -> assertThat(v.get("action").asText()).isEqualTo("CREATED"));
        assertThat(history).noneSatisfy(v -> assertThat(v.get("fields").get("withoutMitid").asText())
                .contains("et andet sted"));
    }

    @Test
    void naestvedsEditorCannotChangeSlagelsesSolutionAndTheRowIsUnchanged() {
        long id = api.ownSolution("slagelse", slagelsesOwnHousingBenefitSolution());
        Map<String, Object> before = row(id);
        int versionsBefore = versions(id);

        assertThat(api.send("editor-naestved", HttpMethod.PUT, "/api/self-service/slagelse/solutions/" + id,
                slagelsesOwnHousingBenefitSolution().replace("slagelse.dk", "evil.example")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // through its own municipality's path: the solution is not Næstved's
        assertThat(api.send("editor-naestved", HttpMethod.PUT, "/api/self-service/naestved/solutions/" + id,
                slagelsesOwnHousingBenefitSolution().replace("slagelse.dk", "evil.example")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.send("editor-naestved", HttpMethod.DELETE, "/api/self-service/slagelse/solutions/" + id, null)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.send("editor-naestved", HttpMethod.DELETE, "/api/self-service/naestved/solutions/" + id, null)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.send("editor-naestved", HttpMethod.POST, "/api/self-service/slagelse/solutions/" + id + "/review",
                null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.send("editor-naestved", HttpMethod.PUT, "/api/self-service/slagelse/housing-benefit",
                "{\"url\":\"https://evil.example\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.send("editor-naestved", HttpMethod.POST, "/api/self-service/slagelse/solutions",
                slagelsesOwnHousingBenefitSolution().replace("slagelse.dk", "evil.example")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // agents of Slagelse read but do not edit
        assertThat(api.send("agent-slagelse", HttpMethod.PUT, "/api/self-service/slagelse/solutions/" + id,
                slagelsesOwnHousingBenefitSolution().replace("slagelse.dk", "evil.example")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.send("editor-naestved", HttpMethod.PUT, "/api/self-service/slagelse/synonyms/bolig",
                "{\"means\":\"kontanthjælp\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(row(id)).isEqualTo(before);
        assertThat(versions(id)).isEqualTo(versionsBefore);
        assertThat(jdbc.queryForObject("select count(*) from self_service_solution where url like '%evil.example%'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from self_service_synonym where municipality = 'slagelse' "
                + "and term = 'bolig'", Integer.class)).isZero();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        int before = jdbc.queryForObject("select count(*) from self_service_solution", Integer.class);
        ResponseEntity<String> badUrl = api.send("editor-roskilde", HttpMethod.POST, "/api/self-service/roskilde/solutions",
                slagelsesOwnHousingBenefitSolution().replace("https://www.slagelse.dk/borger/bolig/boligstoette",
                        "javascript:alert(1)"));
        assertThat(badUrl.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.read(badUrl).get("field").asText()).isEqualTo("url");
        ResponseEntity<String> noDescription = api.send("editor-roskilde", HttpMethod.POST,
                "/api/self-service/roskilde/solutions", "{\"topic\":\"waste\",\"title\":\"Affald\",\"url\":\"https://x.dk\"}");
        assertThat(api.read(noDescription).get("field").asText()).isEqualTo("description");
        ResponseEntity<String> cpr = api.send("editor-roskilde", HttpMethod.POST, "/api/self-service/roskilde/solutions",
                slagelsesOwnHousingBenefitSolution().replace("Søg boligstøtte", "Spørg om 010203-1234"));
        assertThat(cpr.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.read(cpr).get("field").asText()).isEqualTo("description");
        ResponseEntity<String> topic = api.send("editor-roskilde", HttpMethod.POST, "/api/self-service/roskilde/solutions",
                slagelsesOwnHousingBenefitSolution().replace("housing-benefit", "astrology"));
        assertThat(api.read(topic).get("field").asText()).isEqualTo("topic");
        assertThat(jdbc.queryForObject("select count(*) from self_service_solution", Integer.class)).isEqualTo(before);
    }

    @Test
    void anEntryNotReviewedForTwelveMonthsIsFlaggedUntilTheEditorReviewsIt() {
        long id = api.ownSolution("soroe", slagelsesOwnHousingBenefitSolution().replace("slagelse", "soroe"));
        jdbc.update("update self_service_solution set reviewed_at = ? where id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(400))), id);

        JsonNode stale = api.read(api.get("editor-soroe", "/api/self-service/soroe/solutions?stale=true"));
        assertThat(stale).anySatisfy(s -> assertThat(s.get("id").asLong()).isEqualTo(id));

        assertThat(api.send("editor-soroe", HttpMethod.POST, "/api/self-service/soroe/solutions/" + id + "/review", null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.read(api.get("editor-soroe", "/api/self-service/soroe/solutions?stale=true")))
                .noneSatisfy(s -> assertThat(s.get("id").asLong()).isEqualTo(id));
        JsonNode history = api.read(api.get("editor-soroe", "/api/self-service/soroe/solutions/" + id + "/history"));
        assertThat(history.get(history.size() - 1).get("action").asText()).isEqualTo("REVIEWED");
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("select * from self_service_solution where id = ?", id);
    }

    private int versions(long id) {
        return jdbc.queryForObject("select count(*) from self_service_solution_change where solution_id = ?",
                Integer.class, id);
    }
}
