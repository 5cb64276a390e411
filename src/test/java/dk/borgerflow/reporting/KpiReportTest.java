package dk.borgerflow.reporting;

import static dk.borgerflow.reporting.ReportFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.inquiry.Channel;
import dk.borgerflow.inquiry.InquiryFacts;
import dk.borgerflow.inquiry.Outcome;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * KPIs against hand-computed fixtures (ReportFixtures), through the API as the managers who may see
 * them, and refused to everyone else.
 */
@BorgerflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiReportTest {

    static final String DECEMBER = "from=2024-12-01&to=2024-12-31";

    @Autowired
    ReadModel readModel;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @BeforeAll
    void december2024() {
        String sameCitizen = aCitizen();
        // the repeat call arrives in the read model before the first one: links do not depend on order
        InquiryFacts repeat = resolvedAtContactCenter(EGEDAL, Channel.PHONE, "2024-12-05T10:00", "2024-12-05T10:15",
                "2024-12-09T10:00", sameCitizen);
        InquiryFacts first = resolvedAtContactCenter(EGEDAL, Channel.PHONE, "2024-12-02T09:00", "2024-12-02T09:30",
                "2024-12-04T09:00", sameCitizen);
        for (InquiryFacts f : List.of(repeat, first, aLetterAnsweredOverChristmas(),
                anEmailEscalatedToTheDeskAndResolved(), aWebInquirySolvedBySelfService(),
                anOpenCallWithInterpreter(EGEDAL), anOpenCallWithInterpreter("slagelse"))) {
            readModel.project(f);
            readModel.project(f); // a repeated event changes nothing
        }
        readModel.consultee("c-" + sameCitizen + "-1", "h-1", EGEDAL, cph("2024-12-10T12:00"), cph("2024-12-09T10:00"),
                true);
        readModel.consultee("c-" + sameCitizen + "-2", "h-1", EGEDAL, cph("2024-12-10T12:00"), cph("2024-12-11T10:00"),
                false);
        readModel.consultee("c-" + sameCitizen + "-3", "h-1", EGEDAL, cph("2024-12-10T12:00"), null, null);
    }

    @Test
    void egedalsDecemberByHand() throws Exception {
        JsonNode total = kpi("manager-egedal", "municipality=egedal&groupBy=none&" + DECEMBER).get("total");

        assertThat(total.get("volume").asLong()).isEqualTo(6);
        assertThat(total.get("sharePercent").asDouble()).isEqualTo(85.7); // 6 of the shared center's 7
        assertThat(total.get("channelMix").get("Telefon").asLong()).isEqualTo(3);
        assertThat(total.get("channelMix").get("Brev").asLong()).isEqualTo(1);
        assertThat(total.get("channelMix").get("E-mail/Digital Post").asLong()).isEqualTo(1);
        assertThat(total.get("channelMix").get("Web/selvbetjening").asLong()).isEqualTo(1);
        assertThat(total.get("channelMix").get("Video").asLong()).isZero();
        // answered 5; first call repeated within 7 days, e-mail escalated: 3 of 5
        assertThat(total.get("fcrEligible").asLong()).isEqualTo(5);
        assertThat(total.get("fcrResolved").asLong()).isEqualTo(3);
        assertThat(total.get("fcrPercent").asDouble()).isEqualTo(60.0);
        assertThat(total.get("fcrTargetMet").asBoolean()).isFalse();
        assertThat(total.get("repeatContacts").asLong()).isEqualTo(1);
        assertThat(total.get("resolvedPerTier").get("CONTACT_CENTER").asLong()).isEqualTo(3);
        assertThat(total.get("resolvedPerTier").get("DESK").asLong()).isEqualTo(1);
        assertThat(total.get("resolvedPerTier").get("SELF_SERVICE").asLong()).isEqualTo(1);
        assertThat(total.get("guidedToSelfServicePercent").asDouble()).isEqualTo(16.7);
        // met: both calls and the Christmas letter; missed: the escalated e-mail; undecided: web, open call
        assertThat(total.get("deadlinesDecided").asLong()).isEqualTo(4);
        assertThat(total.get("deadlinesMetPercent").asDouble()).isEqualTo(75.0);
        assertThat(total.get("warnings").asLong()).isEqualTo(2);
        assertThat(total.get("escalations").get("CONTACT_CENTER→DESK").asLong()).isEqualTo(1);
        // clock: 0, 900 s, 1800 s, 72 h, 167 h; working: 0, 900 s, 1800 s, 19 h (Christmas closed), 30 h
        JsonNode handling = total.get("handlingTime");
        assertThat(handling.get("answered").asLong()).isEqualTo(5);
        assertThat(handling.get("clockMedianHours").asDouble()).isEqualTo(0.5);
        assertThat(handling.get("clockP90Hours").asDouble()).isEqualTo(167.0);
        assertThat(handling.get("workingMedianHours").asDouble()).isEqualTo(0.5);
        assertThat(handling.get("workingP90Hours").asDouble()).isEqualTo(30.0);
        assertThat(total.get("digitallyExemptPercent").asDouble()).isEqualTo(16.7);
        assertThat(total.get("aged75PlusPercent").asDouble()).isEqualTo(16.7);
        assertThat(total.get("interpreterPercent").asDouble()).isEqualTo(16.7);
    }

    @Test
    void theChristmasLetterCountsNineteenWorkingHoursOverSevenDays() throws Exception {
        JsonNode letters = group(kpi("manager-egedal", "municipality=egedal&groupBy=channel&" + DECEMBER), "Brev");

        assertThat(letters.get("handlingTime").get("clockMedianHours").asDouble()).isEqualTo(167.0);
        // Fri 20th 12-18, Mon 23rd 08-18, 24th-26th closed, Fri 27th 08-11
        assertThat(letters.get("handlingTime").get("workingMedianHours").asDouble()).isEqualTo(19.0);
        assertThat(letters.get("deadlinesMetPercent").asDouble()).isEqualTo(100.0);
    }

    @Test
    void withoutARepeatWindowTheFirstCallCountsAsResolvedAtFirstContact() throws Exception {
        JsonNode total = kpi("manager-egedal", "municipality=egedal&groupBy=none&repeatWindowDays=0&" + DECEMBER)
                .get("total");

        assertThat(total.get("fcrResolved").asLong()).isEqualTo(4);
        assertThat(total.get("fcrPercent").asDouble()).isEqualTo(80.0);
        assertThat(total.get("fcrTargetMet").asBoolean()).isTrue();
        assertThat(total.get("repeatContacts").asLong()).isZero();
    }

    @Test
    void weeksBacklogAndConsultations() throws Exception {
        JsonNode report = kpi("manager-egedal", "municipality=egedal&groupBy=week&" + DECEMBER);

        assertThat(group(report, "2024-W49").get("volume").asLong()).isEqualTo(2);
        assertThat(group(report, "2024-W50").get("volume").asLong()).isEqualTo(2);
        assertThat(group(report, "2024-W51").get("volume").asLong()).isEqualTo(2);
        assertThat(report.get("backlog").findValuesAsText("open")).containsExactly("0", "0", "0", "0", "1");
        JsonNode consultations = report.get("consultations");
        assertThat(consultations.get("due").asLong()).isEqualTo(3);
        assertThat(consultations.get("answeredInTime").asLong()).isEqualTo(1);
        assertThat(consultations.get("answeredLate").asLong()).isEqualTo(1);
        assertThat(consultations.get("notAnswered").asLong()).isEqualTo(1);
        assertThat(consultations.get("inTimePercent").asDouble()).isEqualTo(33.3);
    }

    @Test
    void theSharedCentersManagerSeesEveryMemberAndTheirShares() throws Exception {
        JsonNode report = kpi("manager-center", "groupBy=municipality&" + DECEMBER);

        assertThat(report.get("municipalities").toString()).contains("egedal", "slagelse").doesNotContain("spanga");
        assertThat(group(report, "egedal").get("volume").asLong()).isEqualTo(6);
        assertThat(group(report, "slagelse").get("volume").asLong()).isEqualTo(1);
        assertThat(group(report, "slagelse").get("sharePercent").asDouble()).isEqualTo(14.3);
        assertThat(report.get("total").get("volume").asLong()).isEqualTo(7);
    }

    @Test
    void aMunicipalitysManagerSeesOnlyTheirMunicipality() throws Exception {
        JsonNode report = kpi("manager-egedal", "groupBy=municipality&" + DECEMBER);
        assertThat(report.get("municipalities").toString()).isEqualTo("[\"egedal\"]");
        assertThat(report.get("total").get("volume").asLong()).isEqualTo(6);

        ResponseEntity<String> other = get("manager-egedal", "/api/reports/kpi?municipality=slagelse&" + DECEMBER);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(other.getBody()).doesNotContain("volume").doesNotContain("slagelse\"");
    }

    @Test
    void nobodyButManagersSeesReports() throws Exception {
        for (String user : List.of("agent-egedal", "teamlead-egedal", "desk-egedal", "secretariat-egedal",
                "owner", "manager-slagelse")) {
            ResponseEntity<String> refused = get(user, "/api/reports/kpi?municipality=egedal&" + DECEMBER);
            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody()).as(user).doesNotContain("volume");
            assertThat(get(user, "/api/reports/kpi?municipality=egedal&format=csv&" + DECEMBER).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        for (String user : List.of("agent-egedal", "teamlead-egedal")) {
            assertThat(get(user, "/api/reports/shifts?month=2025-01&totalShifts=10").getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.getForEntity("/api/reports/kpi?" + DECEMBER, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() throws Exception {
        assertRefused("/api/reports/kpi?from=2024-13-01&to=2024-12-31", "from");
        assertRefused("/api/reports/kpi?from=2024-12-01", "to");
        assertRefused("/api/reports/kpi?from=2024-12-31&to=2024-12-01", "to");
        assertRefused("/api/reports/kpi?groupBy=year&" + DECEMBER, "groupBy");
        assertRefused("/api/reports/kpi?repeatWindowDays=-3&" + DECEMBER, "repeatWindowDays");
        assertRefused("/api/reports/kpi?format=xml&" + DECEMBER, "format");
        assertRefused("/api/reports/kpi?municipality=atlantis&" + DECEMBER, "municipality");
        assertRefused("/api/reports/shifts?month=2025-1&totalShifts=10", "month");
        assertRefused("/api/reports/shifts?month=2025-01&totalShifts=-1", "totalShifts");
        assertRefused("/api/reports/shifts?month=2025-01&totalShifts=ten", "totalShifts");
        assertRefused("/api/reports/shifts?month=2025-01&totalShifts=10&basis=wishes", "basis");
        assertRefused("/api/reports/shifts?month=2023-01&totalShifts=10&basis=calls", "basis");
    }

    @Test
    void theCatalogueHadTheAnswerIsAShareOfTheGuidedToSelfServiceThatWereAsked() throws Exception {
        // November 2024 in Egedal (no other fixture there): guided with ticks yes, yes, no, not given;
        // a resolved inquiry with a tick does not count (not guided to self-service)
        for (InquiryFacts f : List.of(
                answeredInTheContactCenter(EGEDAL, "2024-11-04T10:00", Outcome.SELF_SERVICE, true),
                answeredInTheContactCenter(EGEDAL, "2024-11-05T10:00", Outcome.SELF_SERVICE, true),
                answeredInTheContactCenter(EGEDAL, "2024-11-06T10:00", Outcome.SELF_SERVICE, false),
                answeredInTheContactCenter(EGEDAL, "2024-11-07T10:00", Outcome.SELF_SERVICE, null),
                answeredInTheContactCenter(EGEDAL, "2024-11-08T10:00", Outcome.RESOLVED, true))) {
            readModel.project(f);
        }
        String november = "municipality=egedal&groupBy=month&from=2024-11-01&to=2024-11-30";
        JsonNode total = kpi("manager-egedal", november).get("total");

        assertThat(total.get("guidedToSelfService").asLong()).isEqualTo(4);
        assertThat(total.get("catalogueAsked").asLong()).isEqualTo(3);
        assertThat(total.get("catalogueHadAnswer").asLong()).isEqualTo(2);
        assertThat(total.get("catalogueHadAnswerPercent").asDouble()).isEqualTo(66.7);
        CSVRecord row = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(get("manager-egedal", "/api/reports/kpi?format=csv&" + november).getBody()))
                .getRecords().get(0);
        assertThat(row.get("kataloget_havde_svaret_pct")).isEqualTo("66.7");
        // December's fixtures have no tick: nothing asked, no share
        JsonNode december = kpi("manager-egedal", "municipality=egedal&groupBy=none&" + DECEMBER).get("total");
        assertThat(december.get("catalogueAsked").asLong()).isZero();
        assertThat(december.hasNonNull("catalogueHadAnswerPercent")).isFalse();
    }

    @Test
    void theCsvHoldsTheSameFiguresAsTheJson() throws Exception {
        JsonNode report = kpi("manager-egedal", "municipality=egedal&groupBy=month&" + DECEMBER);
        ResponseEntity<String> csv = get("manager-egedal", "/api/reports/kpi?municipality=egedal&groupBy=month&format=csv&"
                + DECEMBER);

        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.getBody())).getRecords();
        assertThat(records).hasSize(2);
        CSVRecord december = records.get(0);
        JsonNode group = group(report, "2024-12");
        assertThat(december.get("gruppe")).isEqualTo("2024-12");
        assertThat(Long.parseLong(december.get("henvendelser"))).isEqualTo(group.get("volume").asLong());
        assertThat(Double.parseDouble(december.get("fcr_pct"))).isEqualTo(group.get("fcrPercent").asDouble());
        assertThat(Long.parseLong(december.get("kanal: Telefon"))).isEqualTo(3);
        assertThat(Double.parseDouble(december.get("arbejdstid_p90_timer"))).isEqualTo(30.0);
        assertThat(december.get("eskaleringer")).isEqualTo("CONTACT_CENTER→DESK=1");
        assertThat(records.get(1).get("gruppe")).isEqualTo("alle");
    }

    @Test
    void nextMonthsShiftPlanByPopulationAndByLastMonthsCallsAsJsonAndCsv() throws Exception {
        ResponseEntity<String> byPopulation = get("manager-slagelse", "/api/reports/shifts?month=2025-01&totalShifts=10");
        assertThat(byPopulation.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode plan = json.readTree(byPopulation.getBody());
        assertThat(plan.get("members")).hasSize(9);
        assertThat(plan.get("members").findValues("shifts").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(10);
        assertThat(plan.get("members").findValues("yearlyCost").stream().mapToLong(JsonNode::asLong).sum())
                .isEqualTo(76_000);
        assertThat(member(plan, "roskilde").get("shifts").asLong()).isEqualTo(2);
        assertThat(member(plan, "soroe").get("shifts").asLong()).isZero();

        // December's calls: Egedal 3, Slagelse 1 (the fixtures): 10 shifts 7.5 / 2.5 -> 8 / 2 (larger weight)
        JsonNode byCalls = json.readTree(get("manager-center",
                "/api/reports/shifts?month=2025-01&totalShifts=10&basis=calls").getBody());
        assertThat(byCalls.get("basisPeriod").asText()).isEqualTo("2024-12");
        assertThat(member(byCalls, "egedal").get("shifts").asLong()).isEqualTo(8);
        assertThat(member(byCalls, "slagelse").get("shifts").asLong()).isEqualTo(2);
        assertThat(member(byCalls, "roskilde").get("shifts").asLong()).isZero();

        ResponseEntity<String> csv = get("manager-center",
                "/api/reports/shifts?month=2025-01&totalShifts=10&basis=calls&format=csv");
        assertThat(csv.getHeaders().getFirst("Content-Disposition")).contains("vagtplan-2025-01.csv");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.getBody())).getRecords();
        assertThat(records).hasSize(9);
        for (CSVRecord r : records) {
            assertThat(Long.parseLong(r.get("vagter"))).as(r.get("kommune"))
                    .isEqualTo(member(byCalls, r.get("kommune")).get("shifts").asLong());
            assertThat(Long.parseLong(r.get("aarlig_udgift_kr"))).as(r.get("kommune"))
                    .isEqualTo(member(byCalls, r.get("kommune")).get("yearlyCost").asLong());
        }
    }

    private static JsonNode member(JsonNode plan, String municipality) {
        for (JsonNode m : plan.get("members")) {
            if (m.get("municipality").asText().equals(municipality)) {
                return m;
            }
        }
        throw new AssertionError("no member " + municipality);
    }

    private void assertRefused(String path, String parameter) throws Exception {
        ResponseEntity<String> response = get("manager-center", path);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).as(path).contains("problem+json");
        assertThat(json.readTree(response.getBody()).get("field").asText()).as(path).isEqualTo(parameter);
    }

    private JsonNode kpi(String user, String query) throws Exception {
        ResponseEntity<String> response = get(user, "/api/reports/kpi?" + query);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private static JsonNode group(JsonNode report, String key) {
        for (JsonNode g : report.get("groups")) {
            if (g.get("key").asText().equals(key)) {
                return g;
            }
        }
        throw new AssertionError("no group " + key + " in " + report.get("groups"));
    }

    private ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

}
