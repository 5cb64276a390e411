package dk.borgerflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.BorgerflowTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The calendar API over HTTP with the demo users (password "demo"). */
@BorgerflowTest
class CalendarApiTest {

    static final String DUE = "/api/calendars/{municipality}/{tier}/due?from={from}&duration={duration}";
    static final String FRIDAY_AT_FOUR = "2026-06-12T16:00:00+02:00";

    @Autowired
    TestRestTemplate http;

    private TestRestTemplate anAgentInSlagelse() {
        return http.withBasicAuth("agent-slagelse", "demo");
    }

    private TestRestTemplate theProcessOwner() {
        return http.withBasicAuth("owner", "demo");
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> due(TestRestTemplate as, String municipality, String tier, String from, String duration) {
        return as.getForEntity(DUE, Map.class, municipality, tier, from, duration);
    }

    @Test
    void answersWhenFourOpeningHoursFromFridayAfternoonEnd() {
        var response = due(anAgentInSlagelse(), "slagelse", "contact-center", FRIDAY_AT_FOUR, "PT4H");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("due", "2026-06-15T10:00:00+02:00");
    }

    @Test
    void acceptsTheTierAsEnumNameAndAnswersInTheMunicipalitysOffset() {
        var response = due(anAgentInSlagelse(), "slagelse", "CONTACT_CENTER", "2026-12-23T11:00:00Z", "P2D");

        assertThat(response.getBody()).containsEntry("due", "2026-12-29T12:00:00+01:00");
    }

    @Test
    void countsSwedishHolidaysInStockholmTime() {
        var response = due(http.withBasicAuth("admin", "demo"), "spanga-tensta", "contact-center",
                "2026-06-18T17:00:00+02:00", "PT2H");

        assertThat(response.getBody()).containsEntry("due", "2026-06-22T09:00:00+02:00");
    }

    @Test
    void namesTheFieldOfBadInput() {
        assertBadInput(due(anAgentInSlagelse(), "slagelse", "contact-center", "2026-06-12 16:00", "PT4H"), "from");
        assertBadInput(due(anAgentInSlagelse(), "slagelse", "contact-center", FRIDAY_AT_FOUR, "two days"), "duration");
        assertBadInput(due(anAgentInSlagelse(), "slagelse", "contact-center", FRIDAY_AT_FOUR, "P1M"), "duration");
        assertBadInput(due(anAgentInSlagelse(), "slagelse", "receptionist", FRIDAY_AT_FOUR, "PT4H"), "tier");
        assertBadInput(due(anAgentInSlagelse(), "atlantis", "desk", FRIDAY_AT_FOUR, "PT4H"), "municipality");
        assertBadInput(anAgentInSlagelse().getForEntity("/api/calendars/slagelse/desk/due?duration=P1D", Map.class),
                "from");
    }

    @Test
    void refusesAnotherMunicipalitysCalendar() {
        var response = due(anAgentInSlagelse(), "roskilde", "contact-center", FRIDAY_AT_FOUR, "PT4H");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(response.getBody()).containsEntry("title", "Ingen adgang");
    }

    @Test
    void requiresLogin() {
        var response = due(http, "slagelse", "contact-center", FRIDAY_AT_FOUR, "PT4H");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void showsTheEffectiveCalendarWithHolidaysAndClosingDays() {
        @SuppressWarnings("rawtypes")
        ResponseEntity<Map> response = anAgentInSlagelse().getForEntity("/api/calendars/slagelse?year=2026", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("zone", "Europe/Copenhagen");
        assertThat(response.getBody().get("openingHours").toString())
                .contains("DESK={hours=Mon-Fri 10:00-18:00, source=default}");
        assertThat(response.getBody().get("closingDays").toString()).contains("06-05", "Grundlovsdag", "12-24", "12-31");
        assertThat(response.getBody().get("holidays").toString()).contains("2026-04-03", "Langfredag", "2026-05-14", "2026-05-25");
    }

    @Test
    void aProcessOwnerShortensTheDeskHoursOfOneMunicipalityAndResetsThem() {
        var changed = theProcessOwner().exchange("/api/calendars/soroe/opening-hours/desk", HttpMethod.PUT,
                new HttpEntity<>(Map.of("hours", "Mon-Fri 10:00-14:00")), Map.class);
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(due(theProcessOwner(), "soroe", "desk", "2026-06-12T13:00:00+02:00", "PT2H").getBody())
                .containsEntry("due", "2026-06-15T11:00:00+02:00");

        var reset = theProcessOwner().exchange("/api/calendars/soroe/opening-hours/desk", HttpMethod.DELETE,
                HttpEntity.EMPTY, Map.class);
        assertThat(reset.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(due(theProcessOwner(), "soroe", "desk", "2026-06-12T13:00:00+02:00", "PT2H").getBody())
                .containsEntry("due", "2026-06-12T15:00:00+02:00");
    }

    @Test
    void aProcessOwnerAddsAndRemovesAClosingDay() {
        var added = theProcessOwner().postForEntity("/api/calendars/soroe/closing-days",
                Map.of("date", "2026-05-15", "reason", "Fredag efter Kristi himmelfart"), Map.class);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(due(theProcessOwner(), "soroe", "contact-center", "2026-05-13T12:00:00+02:00", "P1D").getBody())
                .containsEntry("due", "2026-05-18T12:00:00+02:00");
        assertThat(theProcessOwner().postForEntity("/api/calendars/soroe/closing-days",
                Map.of("date", "2026-05-15"), Map.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        var removed = theProcessOwner().exchange("/api/calendars/soroe/closing-days/2026-05-15", HttpMethod.DELETE,
                HttpEntity.EMPTY, Void.class);
        assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(due(theProcessOwner(), "soroe", "contact-center", "2026-05-13T12:00:00+02:00", "P1D").getBody())
                .containsEntry("due", "2026-05-15T12:00:00+02:00");
    }

    @Test
    void onlyAdminsAndProcessOwnersChangeCalendars() {
        var byAgent = anAgentInSlagelse().exchange("/api/calendars/slagelse/opening-hours/desk", HttpMethod.PUT,
                new HttpEntity<>(Map.of("hours", "Mon-Fri 10:00-14:00")), Map.class);
        assertThat(byAgent.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        var badHours = theProcessOwner().exchange("/api/calendars/soroe/opening-hours/desk", HttpMethod.PUT,
                new HttpEntity<>(Map.of("hours", "Mon-Fri 18:00-10:00")), Map.class);
        assertBadInput(badHours, "hours");

        var badDate = theProcessOwner().postForEntity("/api/calendars/soroe/closing-days",
                Map.of("date", "15. maj"), Map.class);
        assertBadInput(badDate, "date");
    }

    @SuppressWarnings("rawtypes")
    private static void assertBadInput(ResponseEntity<Map> response, String field) {
        assertThat(response.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(response.getBody()).containsEntry("field", field);
        assertThat((List<?>) response.getBody().get("errors")).isNotEmpty();
    }
}
