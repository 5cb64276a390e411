package dk.borgerflow.consultation;

import dk.borgerflow.security.CprInText;
import dk.borgerflow.security.StorableText;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The answer page for external consultees (no account): the token in the link is the credential.
 * Works only for that consultee and only while the consultation takes answers; a wrong link is a
 * 404 page, a used link or a closed consultation a 410 page. Plain server-rendered HTML from
 * templates ({@link HearingPages}), no script. {@link AnswerPageGate} has checked the rate limit,
 * the token and the body's size before this controller (and Spring's multipart parsing) runs.
 * Input is checked here with Danish messages (400, the form again with the text written so far).
 */
@Controller
@RequestMapping(AnswerPageGate.PREFIX)
class HearingAnswerPage {

    /** The answer page's words for {@link CprInText#WHERE_IT_BELONGS}: external consultees create no inquiries. */
    static final String CPR_IN_ANSWER = "Svaret ser ud til at indeholde et CPR-nummer. Høringssvar indgår i "
            + "høringsnotatet, som mange læser, og må ikke indeholde CPR-numre: fjern nummeret, og send svaret igen.";

    private final ConsultationService consultations;
    private final HearingPages pages;

    HearingAnswerPage(ConsultationService consultations, HearingPages pages) {
        this.consultations = consultations;
        this.pages = pages;
    }

    @GetMapping("/{token}")
    ResponseEntity<String> show(@PathVariable String token) {
        return pages.form(HttpStatus.OK, consultations.openAnswerLink(token), token, null, "", "");
    }

    @PostMapping("/{token}")
    ResponseEntity<String> answer(@PathVariable String token, HttpServletRequest request) throws IOException {
        Form form;
        try {
            form = Form.read(request);
        } catch (Refused e) {
            return pages.form(HttpStatus.BAD_REQUEST, consultations.openAnswerLink(token), token, e.getMessage(),
                    e.answer, e.signedBy);
        }
        try {
            Consultee answered = answerRetryingConcurrentChanges(token, form);
            return pages.page(HearingPages.answered(answered));
        } catch (InvalidConsultationInput e) {
            return pages.form(HttpStatus.BAD_REQUEST, consultations.openAnswerLink(token), token, danish(e),
                    form.answer(), form.signedBy());
        }
    }

    /** What the form sent: one answer, at most one sender name and at most one file. */
    record Form(String answer, String signedBy, String filename, byte[] pdf) {

        static Form read(HttpServletRequest request) throws IOException {
            String answer = single(request, "answer", "Høringssvaret");
            String signedBy = single(request, "signedBy", "Afsenderen");
            String shownAnswer = answer == null ? "" : answer.substring(0, Math.min(answer.length(), HearingPages.MAX_ANSWER_CHARS));
            String shownSignedBy = signedBy == null ? "" : signedBy.substring(0, Math.min(signedBy.length(), 400));
            if (answer == null || answer.isBlank()) {
                throw new Refused("Skriv jeres høringssvar.", shownAnswer, shownSignedBy);
            }
            if (answer.length() > HearingPages.MAX_ANSWER_CHARS) {
                throw new Refused("Høringssvaret må højst have 20.000 tegn (det har " + answer.length()
                        + "). Forkort det, eller vedlæg teksten som PDF.", shownAnswer, shownSignedBy);
            }
            if (!StorableText.isStorable(answer)) {
                throw new Refused("Høringssvaret indeholder tegn, der ikke kan gemmes (NUL-tegn, ødelagte "
                        + "Unicode-tegn eller ikke-tegn som U+FFFF). Fjern dem, fx ved at skrive teksten igen, og send "
                        + "svaret.", "", shownSignedBy);
            }
            if (signedBy != null && signedBy.strip().length() > HearingPages.MAX_SIGNED_BY_CHARS) {
                throw new Refused("Afsenderens navn må højst have 180 tegn.", shownAnswer, shownSignedBy);
            }
            if (!StorableText.isStorable(signedBy)) {
                throw new Refused("Afsenderens navn indeholder tegn, der ikke kan gemmes (NUL-tegn, ødelagte "
                        + "Unicode-tegn eller ikke-tegn som U+FFFF).", shownAnswer, "");
            }
            MultipartFile file = null;
            if (request instanceof MultipartHttpServletRequest multipart) {
                List<MultipartFile> files = multipart.getFiles("file").stream()
                        .filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isEmpty()))
                        .toList();
                if (files.size() > 1) {
                    throw new Refused("Vedlæg højst én fil.", shownAnswer, shownSignedBy);
                }
                file = files.isEmpty() ? null : files.get(0);
            }
            return new Form(answer, signedBy, file == null ? null : PrintableText.filename(file.getOriginalFilename()),
                    file == null ? null : file.getBytes());
        }

        private static String single(HttpServletRequest request, String name, String label) {
            String[] values = request.getParameterValues(name);
            if (values == null || values.length == 0) {
                return null;
            }
            if (values.length > 1) {
                throw new Refused(label + " er sendt flere gange. Send svaret med formularen på siden.", "", "");
            }
            return values[0];
        }
    }

    /** A form the page refuses, with what to show in the form again. */
    static final class Refused extends RuntimeException {
        final String answer;
        final String signedBy;

        Refused(String message, String answer, String signedBy) {
            super(message, null, false, false);
            this.answer = answer;
            this.signedBy = signedBy;
        }
    }

    private static String danish(InvalidConsultationInput e) {
        if (CprInText.WHERE_IT_BELONGS.equals(e.getMessage())) {
            return CPR_IN_ANSWER;
        }
        return switch (e.field()) {
            case "answer" -> "Skriv jeres høringssvar (højst 20.000 tegn).";
            case "signedBy" -> "Afsenderens navn må højst have 180 tegn.";
            case "file" -> "Filen skal være en PDF på højst 10 MB.";
            default -> "Svaret kunne ikke gemmes. Kontrollér felterne, og send igen.";
        };
    }

    /**
     * Two consultees answering at the same moment both finish a branch of the same multi-instance;
     * the engine lets one win and rolls the other back (nothing stored), so that one is tried again.
     */
    private Consultee answerRetryingConcurrentChanges(String token, Form form) {
        for (int attempt = 1; ; attempt++) {
            try {
                return consultations.answerByLink(token, form.answer(), form.signedBy(), form.filename(), form.pdf());
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
        return pages.page(HearingPages.CONCURRENT_CHANGE);
    }

    @ExceptionHandler(ConsultationNotFound.class)
    ResponseEntity<String> unknownLink() {
        return pages.page(HearingPages.UNKNOWN_LINK);
    }

    @ExceptionHandler(ConsultationClosed.class)
    ResponseEntity<String> usedLink(ConsultationClosed e) {
        return pages.page(gone(e));
    }

    static HearingPages.Message gone(ConsultationClosed e) {
        return e.getMessage() != null && e.getMessage().contains("already been given")
                ? HearingPages.ALREADY_ANSWERED : HearingPages.CLOSED;
    }
}
