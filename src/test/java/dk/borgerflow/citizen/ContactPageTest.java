package dk.borgerflow.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.BorgerflowTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The public contact page over HTTP: solution first, then help that reaches a person, and its guards. */
@BorgerflowTest
class ContactPageTest {

    private static final Pattern REFERENCE = Pattern.compile("id=\"reference\">([0-9A-Z-]{19})<");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCitizenFindsTheHousingBenefitSolutionOfSlagelseFromMunicipalityAndTopic() {
        ResponseEntity<String> start = http.getForEntity("/kontakt", String.class);
        assertThat(start.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(start.getBody()).contains("lang=\"da\"", "Kontakt kommunen", "Slagelse Kommune");
        assertThat(start.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'");

        String page = http.getForEntity("/kontakt?kommune=slagelse&emne=housing-benefit", String.class).getBody();
        int solution = page.indexOf("class=\"solution-link\"");
        int help = page.indexOf("Jeg kan ikke bruge selvbetjeningen / Jeg har brug for hjælp");
        assertThat(solution).isPositive();
        assertThat(help).isGreaterThan(solution);
        assertThat(page).containsPattern("href=\"https://www\\.(borger|slagelse)\\.dk/[^\"]*boligstoette\"");
        assertThat(page).contains("man–fre 10.00–18.00");
    }

    @Test
    void aTypedQuestionInSwedishOrEnglishFindsTheSolutionToo() {
        String swedish = http.getForEntity("/kontakt?lang=sv&kommune=spanga-tensta&q=bostadsbidrag", String.class)
                .getBody();
        assertThat(swedish).contains("lang=\"sv\"", "Det här kan du göra själv", "forsakringskassan.se");
        String english = http.getForEntity("/kontakt?lang=en&kommune=naestved&q=boligstotte", String.class).getBody();
        assertThat(english).contains("lang=\"en\"", "I cannot use the self-service", "borger.dk/bolig-og-flytning/boligstoette");
    }

    @Test
    void askingForHelpCreatesAWebInquiryForAPersonAndAReferenceWithAStatusPageWithoutPersonalData() {
        Session session = open("slagelse", "housing-benefit");
        ResponseEntity<String> receipt = session.send(form(session, "Jeg kan ikke finde ud af at søge boligstøtte",
                "Mette Testesen", "+45 20304050"));
        assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(receipt.getBody()).contains("Tak, vi har modtaget din henvendelse", "Vi vender tilbage senest");
        String reference = reference(receipt.getBody());
        assertThat(reference).isEqualTo(session.reference);

        var inquiry = jdbc.queryForMap("select i.* from inquiry i join contact_request c on c.inquiry_id = i.id "
                + "where c.reference_hash = ?", Reference.hash(reference));
        assertThat(inquiry.get("CHANNEL")).isEqualTo("WEB");
        assertThat(inquiry.get("MUNICIPALITY")).isEqualTo("slagelse");
        assertThat(inquiry.get("TOPIC")).isEqualTo("housing-benefit");
        assertThat(inquiry.get("TIER")).isEqualTo("CONTACT_CENTER");
        assertThat(inquiry.get("CREATED_BY")).isEqualTo(ContactService.PAGE_USER);
        assertThat((String) inquiry.get("CITIZEN_ACCESSIBILITY")).contains("Kan ikke bruge selvbetjeningen");
        assertThat(inquiry.get("DUE_AT")).isNotNull();
        // no reference in clear text anywhere
        assertThat(jdbc.queryForObject("select count(*) from contact_request where reference_hash = ?", Integer.class,
                reference)).isZero();

        ResponseEntity<String> status = http.getForEntity("/kontakt/status?reference=" + reference.toLowerCase(),
                String.class);
        assertThat(status.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(status.getBody()).contains(reference, "Under behandling", "Slagelse Kommune", "Boligstøtte")
                .doesNotContain("Mette", "20304050", "finde ud af");
        assertThat(http.getForEntity("/kontakt/status?reference=0000-0000-0000-0000", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theSameFormSentTwiceIsOneInquiry() {
        Session session = open("holbaek", "pension");
        MultiValueMap<String, String> form = form(session, "Hjælp til pension", null, "+45 11223344");
        String first = reference(session.send(form).getBody());
        String second = reference(session.send(form).getBody());
        assertThat(second).isEqualTo(first);
        assertThat(jdbc.queryForObject("select count(*) from inquiry where created_by = ? and idempotency_key = ?",
                Integer.class, ContactService.PAGE_USER, ContactService.idempotencyKey(first))).isEqualTo(1);
        // the reference itself is stored nowhere
        assertThat(jdbc.queryForObject("select count(*) from inquiry where idempotency_key like ?", Integer.class,
                "%" + first + "%")).isZero();
    }

    @Test
    void withoutTheCsrfTokenOrWithACprNumberOrFromAScriptNothingIsCreated() {
        int before = inquiries();
        Session session = open("roskilde", "waste");
        MultiValueMap<String, String> noToken = form(session, "Hvornår henter I affald?", null, "+45 11223344");
        noToken.remove("_csrf");
        ResponseEntity<String> refused = session.send(noToken);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).contains("Siden var udløbet");

        ResponseEntity<String> cpr = session.send(form(session, "Mit CPR er 010203-1234", null, "+45 11223344"));
        assertThat(cpr.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(cpr.getBody()).contains("CPR-nummer", "aria-invalid=\"true\"", "role=\"alert\"");

        ResponseEntity<String> noContact = session.send(form(session, "Hvornår henter I affald?", null, null));
        assertThat(noContact.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noContact.getBody()).contains("Skriv et telefonnummer eller en e-mail");

        MultiValueMap<String, String> scripted = form(session, "Køb billige ure", null, "+45 11223344");
        scripted.set("website", "http://spam.example");
        assertThat(session.send(scripted).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(inquiries()).isEqualTo(before);
    }

    @Test
    void anOversizedOrForeignBodyIsRefusedUnread() {
        Session session = open("roskilde", "waste");
        MultiValueMap<String, String> big = form(session, "x".repeat(20_000), null, "+45 11223344");
        assertThat(session.send(big).getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/kontakt/hjaelp", HttpMethod.POST, new HttpEntity<>("{}", headers), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(http.exchange("/kontakt", HttpMethod.PUT, new HttpEntity<>("", headers), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    }

    private int inquiries() {
        return jdbc.queryForObject("select count(*) from inquiry", Integer.class);
    }

    private static String reference(String html) {
        Matcher m = REFERENCE.matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }

    /** A browser's visit: the page with its CSRF token, reference and session cookie. */
    private Session open(String municipality, String topic) {
        ResponseEntity<String> page = http.getForEntity("/kontakt?kommune=" + municipality + "&emne=" + topic,
                String.class);
        String body = page.getBody();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(body);
        Matcher ref = Pattern.compile("name=\"reference\" value=\"([^\"]+)\"").matcher(body);
        assertThat(csrf.find()).as(body).isTrue();
        assertThat(ref.find()).isTrue();
        List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
        assertThat(cookies).isNotEmpty();
        return new Session(municipality, topic, csrf.group(1), ref.group(1), cookies.get(0).split(";")[0]);
    }

    private MultiValueMap<String, String> form(Session session, String question, String name, String phone) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", session.csrf);
        form.add("reference", session.reference);
        form.add("kommune", session.municipality);
        form.add("emne", session.topic);
        form.add("spoergsmaal", question);
        if (name != null) {
            form.add("navn", name);
        }
        if (phone != null) {
            form.add("telefon", phone);
        }
        form.add("website", "");
        return form;
    }

    private final class Session {
        final String municipality;
        final String topic;
        final String csrf;
        final String reference;
        final String cookie;

        Session(String municipality, String topic, String csrf, String reference, String cookie) {
            this.municipality = municipality;
            this.topic = topic;
            this.csrf = csrf;
            this.reference = reference;
            this.cookie = cookie;
        }

        ResponseEntity<String> send(MultiValueMap<String, String> form) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            headers.add(HttpHeaders.COOKIE, cookie);
            return http.exchange("/kontakt/hjaelp", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        }
    }
}
