package dk.borgerflow.consultation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The Danish pages of {@code /hearing/answer/{token}}, from the Thymeleaf templates
 * {@code templates/hearing/*.html} (which escape every text). Used by the page's controller and by
 * {@link AnswerPageGate}, which answers before Spring MVC (and before a body is read). Every page is
 * {@code text/html; charset=UTF-8} and {@code no-store}: it may show a consultee's proposal.
 */
@Component
class HearingPages {

    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    static final int MAX_ANSWER_CHARS = 20_000;
    static final int MAX_SIGNED_BY_CHARS = 180;
    /** For the gate's short pages: no script, no images, no framing, forms only to ourselves. */
    static final String GATE_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Locale DANISH = Locale.forLanguageTag("da");
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private final ITemplateEngine templates;

    HearingPages(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** A short page: a heading and a few lines. */
    record Message(HttpStatus status, String heading, List<String> lines) {

        Message(HttpStatus status, String heading, String... lines) {
            this(status, heading, List.of(lines));
        }
    }

    static final Message UNKNOWN_LINK = new Message(HttpStatus.NOT_FOUND, "Linket findes ikke",
            "Svarlinket er ukendt. Kontrollér, at hele linket fra invitationen er kopieret, eller kontakt kommunens "
                    + "sekretariat.");
    static final Message ALREADY_ANSWERED = new Message(HttpStatus.GONE, "Linket kan ikke længere bruges",
            "Høringssvaret er allerede afgivet og kan ikke ændres.");
    static final Message CLOSED = new Message(HttpStatus.GONE, "Linket kan ikke længere bruges",
            "Høringen er afsluttet, og der modtages ikke flere svar.");
    static final Message CONCURRENT_CHANGE = new Message(HttpStatus.CONFLICT, "Svaret blev ikke gemt",
            "Høringen blev ændret samtidig. Gå tilbage og send svaret igen.");
    static final Message TOO_LARGE = new Message(HttpStatus.PAYLOAD_TOO_LARGE, "Svaret er for stort",
            "Et høringssvar må højst have 20.000 tegn, og bilaget skal være en PDF på højst 10 MB.",
            "Svaret er ikke gemt. Gå tilbage, vælg en mindre fil eller forkort teksten, og send igen.");
    static final Message UNREADABLE = new Message(HttpStatus.BAD_REQUEST, "Svaret kunne ikke læses",
            "Formularen kom ikke korrekt frem, og svaret er ikke gemt. Gå tilbage, og send svaret igen.");
    static final Message UNSUPPORTED_TYPE = new Message(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Svaret kunne ikke læses",
            "Svaret skal sendes med formularen på siden. Svaret er ikke gemt.");
    static final Message METHOD_NOT_ALLOWED = new Message(HttpStatus.METHOD_NOT_ALLOWED, "Siden kan ikke bruges sådan",
            "Åbn linket i en browser, og send svaret med formularen.");

    static Message tooManyRequests(long seconds) {
        return new Message(HttpStatus.TOO_MANY_REQUESTS, "For mange forsøg",
                "Der er kommet for mange forespørgsler fra jeres netværk på kort tid. Vent " + seconds
                        + (seconds == 1 ? " sekund" : " sekunder") + ", og prøv igen.");
    }

    static Message answered(Consultee answered) {
        return new Message(HttpStatus.OK, "Tak for jeres høringssvar",
                "Svaret fra " + PrintableText.of(answered.name()) + " om " + PrintableText.of(answered.consultation().title())
                        + " er modtaget " + NotatRenderer.formatInstant(answered.answeredAt(), COPENHAGEN)
                        + (answered.late() ? ". Svaret kom efter svarfristen og er registreret som for sent." : "."),
                "Svaret kan ikke ændres. Linket kan ikke bruges igen.");
    }

    ResponseEntity<String> page(Message message) {
        var builder = ResponseEntity.status(message.status()).contentType(HTML).cacheControl(CacheControl.noStore());
        if (message.status() == HttpStatus.METHOD_NOT_ALLOWED) {
            builder.header(HttpHeaders.ALLOW, "GET, HEAD, POST");
        }
        return builder.body(render(message));
    }

    /**
     * For the gate, which answers outside Spring MVC and before the body is read: the answer goes out
     * at once, and the connection closes (the container discards what is left of the body, up to its
     * swallow limit, without parsing it).
     */
    void write(HttpServletResponse response, Message message, Map<String, String> headers) throws IOException {
        byte[] body = render(message).getBytes(StandardCharsets.UTF_8);
        response.setStatus(message.status().value());
        response.setHeader(HttpHeaders.CONNECTION, "close");
        // the gate answers before Spring Security, which would add these to every other page
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", GATE_CONTENT_SECURITY_POLICY);
        response.setContentType(HTML.toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        if (message.status() == HttpStatus.METHOD_NOT_ALLOWED) {
            response.setHeader(HttpHeaders.ALLOW, "GET, HEAD, POST");
        }
        headers.forEach(response::setHeader);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** The form of one consultee, again with the text already written and what was wrong with it. */
    ResponseEntity<String> form(HttpStatus status, Consultee consultee, String token, String error,
            String previousAnswer, String previousSignedBy) {
        Consultation c = consultee.consultation();
        Context context = new Context(DANISH);
        context.setVariable("title", PrintableText.of(c.title()));
        context.setVariable("municipality", PrintableText.of(c.municipality()));
        context.setVariable("consultee", PrintableText.of(consultee.name()));
        context.setVariable("deadline", ConsultationService.DANISH_DATE.format(consultee.replyDeadline()));
        context.setVariable("overdue", consultee.status() == ConsulteeStatus.NO_ANSWER);
        context.setVariable("proposal", PrintableText.of(c.proposal()));
        context.setVariable("error", error);
        context.setVariable("action", "/hearing/answer/" + token);
        context.setVariable("maxAnswerChars", MAX_ANSWER_CHARS);
        context.setVariable("maxSignedByChars", MAX_SIGNED_BY_CHARS);
        context.setVariable("previous", previousAnswer == null ? "" : PrintableText.of(previousAnswer));
        context.setVariable("previousSignedBy", previousSignedBy == null ? "" : PrintableText.of(previousSignedBy));
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore())
                .body(templates.process("hearing/answer", context));
    }

    private String render(Message message) {
        Context context = new Context(DANISH);
        context.setVariable("heading", message.heading());
        context.setVariable("lines", message.lines());
        return templates.process("hearing/message", context);
    }
}
