package dk.borgerflow.consultation;

import dk.borgerflow.security.CprInText;
import dk.borgerflow.web.GoneException;
import dk.borgerflow.web.InvalidInputException;
import dk.borgerflow.web.NotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The answer page for external consultees (no account): the token in the link is the credential.
 * Works only for that consultee and only while the consultation takes answers; a wrong link is a
 * 404 page, a used link or a closed consultation a 410 page. Plain server-rendered HTML, no script.
 */
@Controller
@RequestMapping("/hearing/answer")
class HearingAnswerPage {

    /** The answer page's words for {@link CprInText#WHERE_IT_BELONGS}: external consultees create no inquiries. */
    static final String CPR_IN_ANSWER = "Svaret ser ud til at indeholde et CPR-nummer. Høringssvar indgår i "
            + "høringsnotatet, som mange læser, og må ikke indeholde CPR-numre: fjern nummeret, og send svaret igen.";

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final ConsultationService consultations;

    HearingAnswerPage(ConsultationService consultations) {
        this.consultations = consultations;
    }

    @GetMapping("/{token}")
    ResponseEntity<String> show(@PathVariable String token) {
        return page(HttpStatus.OK, form(consultations.openAnswerLink(token), token, null, ""));
    }

    @PostMapping("/{token}")
    ResponseEntity<String> answer(@PathVariable String token, @RequestParam(required = false) String answer,
            @RequestParam(required = false) String signedBy, @RequestParam(required = false) MultipartFile file)
            throws IOException {
        try {
            Consultee answered = answerRetryingConcurrentChanges(token, answer, signedBy,
                    file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
            return page(HttpStatus.OK, layout("Tak for jeres høringssvar",
                    "<h1>Tak for jeres høringssvar</h1><p>Svaret fra <b>" + Html.escape(answered.name())
                            + "</b> om <b>" + Html.escape(answered.consultation().title()) + "</b> er modtaget "
                            + Html.escape(NotatRenderer.formatInstant(answered.answeredAt(),
                                    java.time.ZoneId.of("Europe/Copenhagen")))
                            + (answered.late() ? ". Svaret kom efter svarfristen og er registreret som for sent."
                                    : ".")
                            + "</p><p>Svaret kan ikke ændres. Linket kan ikke bruges igen.</p>"));
        } catch (InvalidInputException e) {
            return page(HttpStatus.BAD_REQUEST, form(consultations.openAnswerLink(token), token,
                    CprInText.WHERE_IT_BELONGS.equals(e.getMessage()) ? CPR_IN_ANSWER
                            : "answer".equals(e.field()) ? "Skriv jeres høringssvar." : "Filen skal være en PDF på højst 10 MB.",
                    answer));
        }
    }

    /**
     * Two consultees answering at the same moment both finish a branch of the same multi-instance;
     * the engine lets one win and rolls the other back (nothing stored), so that one is tried again.
     */
    private Consultee answerRetryingConcurrentChanges(String token, String answer, String signedBy, String filename,
            byte[] pdf) {
        for (int attempt = 1; ; attempt++) {
            try {
                return consultations.answerByLink(token, answer, signedBy, filename, pdf);
            } catch (org.camunda.bpm.engine.OptimisticLockingException
                    | org.springframework.dao.OptimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    @ExceptionHandler({org.camunda.bpm.engine.OptimisticLockingException.class,
            org.springframework.dao.OptimisticLockingFailureException.class})
    ResponseEntity<String> concurrentChange() {
        return page(HttpStatus.CONFLICT, layout("Prøv igen",
                "<h1>Svaret blev ikke gemt</h1><p>Høringen blev ændret samtidig. Gå tilbage og send svaret igen.</p>"));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> unknownLink() {
        return page(HttpStatus.NOT_FOUND, layout("Linket findes ikke",
                "<h1>Linket findes ikke</h1><p>Svarlinket er ukendt. Kontrollér, at hele linket fra invitationen er "
                        + "kopieret, eller kontakt kommunens sekretariat.</p>"));
    }

    @ExceptionHandler(GoneException.class)
    ResponseEntity<String> usedLink(GoneException e) {
        boolean answered = e.getMessage() != null && e.getMessage().contains("already been given");
        return page(HttpStatus.GONE, layout("Linket kan ikke længere bruges",
                "<h1>Linket kan ikke længere bruges</h1><p>" + (answered
                        ? "Høringssvaret er allerede afgivet og kan ikke ændres."
                        : "Høringen er afsluttet, og der modtages ikke flere svar.") + "</p>"));
    }

    private static String form(Consultee consultee, String token, String error, String previous) {
        Consultation c = consultee.consultation();
        String body = "<p class=\"meta\">Høring fra " + Html.escape(c.municipality()) + " til <b>"
                + Html.escape(consultee.name()) + "</b></p>"
                + "<h1>" + Html.escape(c.title()) + "</h1>"
                + "<p><b>Svarfrist:</b> " + Html.escape(ConsultationService.DANISH_DATE.format(consultee.replyDeadline()))
                + (consultee.status() == ConsulteeStatus.NO_ANSWER
                        ? " <span class=\"late\">(overskredet: et svar modtages stadig, men registreres som for sent)</span>" : "")
                + "</p><h2>Forslaget</h2><div class=\"proposal\">" + Html.escape(c.proposal()) + "</div>"
                + "<h2>Jeres høringssvar</h2>"
                + (error == null ? "" : "<p class=\"error\" role=\"alert\">" + Html.escape(error) + "</p>")
                + "<form method=\"post\" enctype=\"multipart/form-data\" action=\"/hearing/answer/" + Html.escape(token) + "\">"
                + "<label for=\"answer\">Høringssvar (påkrævet)</label>"
                + "<textarea id=\"answer\" name=\"answer\" rows=\"14\" required=\"required\" maxlength=\"20000\">"
                + Html.escape(previous) + "</textarea>"
                + "<label for=\"signedBy\">Afsender (navn, valgfrit)</label>"
                + "<input id=\"signedBy\" name=\"signedBy\" maxlength=\"180\" />"
                + "<label for=\"file\">Bilag (PDF, valgfrit)</label>"
                + "<input id=\"file\" name=\"file\" type=\"file\" accept=\"application/pdf\" />"
                + "<p class=\"meta\">Et afgivet svar kan ikke ændres.</p>"
                + "<button type=\"submit\">Send høringssvar</button></form>";
        return layout(c.title(), body);
    }

    private static String layout(String title, String body) {
        return "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"UTF-8\" />"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />"
                + "<meta name=\"robots\" content=\"noindex\" /><title>" + Html.escape(title) + "</title>"
                + "<style>body{font-family:sans-serif;max-width:46em;margin:2em auto;padding:0 1em;color:#1b1b1b}"
                + ".proposal{white-space:pre-wrap;background:#f5f5f5;padding:1em}label{display:block;margin-top:1em;font-weight:bold}"
                + "textarea,input{width:100%;box-sizing:border-box;font:inherit}button{margin-top:1em;padding:.6em 1.4em;font:inherit}"
                + ".meta{color:#555}.error,.late{color:#9a3b00;font-weight:bold}</style></head><body>" + body
                + "</body></html>";
    }

    private static ResponseEntity<String> page(HttpStatus status, String html) {
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore())
                .body(html);
    }
}
