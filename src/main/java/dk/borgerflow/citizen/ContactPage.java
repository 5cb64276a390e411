package dk.borgerflow.citizen;

import dk.borgerflow.inquiry.InvalidInquiryInput;
import dk.borgerflow.municipality.Municipality;
import dk.borgerflow.municipality.MunicipalityCatalogue;
import dk.borgerflow.municipality.Topic;
import dk.borgerflow.selfservice.InvalidSelfServiceInput;
import dk.borgerflow.selfservice.SelfServiceSearch;
import dk.borgerflow.selfservice.SolutionView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * {@code /kontakt}: public, no login, server-rendered (Thymeleaf escapes every text), no script.
 * {@link ContactPageGate} has checked the client's rate limit and the body's size; Spring Security
 * checks the CSRF token of the help form (its session holds the token, nothing else).
 */
@Controller
@RequestMapping(ContactPageGate.PREFIX)
class ContactPage {

    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

    private final MunicipalityCatalogue catalogue;
    private final SelfServiceSearch search;
    private final ContactService contacts;
    private final ContactPages pages;
    private final ContactPageProperties properties;
    private final ITemplateEngine templates;

    ContactPage(MunicipalityCatalogue catalogue, SelfServiceSearch search, ContactService contacts, ContactPages pages,
            ContactPageProperties properties, ITemplateEngine templates) {
        this.catalogue = catalogue;
        this.search = search;
        this.contacts = contacts;
        this.pages = pages;
        this.properties = properties;
        this.templates = templates;
    }

    /** The start: choose municipality and topic or type the question; with a choice, the solutions and the help form. */
    @GetMapping
    ResponseEntity<String> start(@RequestParam(required = false) String lang,
            @RequestParam(required = false) String kommune, @RequestParam(required = false) String emne,
            @RequestParam(required = false) String q, jakarta.servlet.http.HttpServletRequest request) {
        String language = ContactPages.language(lang);
        Map<String, String> findErrors = new LinkedHashMap<>();
        boolean chosen = kommune != null || emne != null || (q != null && !q.isBlank());
        String municipality = blank(kommune) ? null : kommune;
        String topic = blank(emne) || catalogue.topic(emne).isEmpty() ? null : emne;
        List<SolutionView> hits = List.of();
        if (chosen && (municipality == null || catalogue.municipality(municipality).isEmpty())) {
            findErrors.put("municipality", "err.municipality");
        } else if (chosen) {
            try {
                hits = search.search(municipality, q, topic, 5).stream().map(SelfServiceSearch.Hit::solution).toList();
            } catch (InvalidSelfServiceInput e) {
                findErrors.put("q", "err.q");
            }
        }
        boolean searched = chosen && findErrors.isEmpty();
        String helpTopic = topic != null ? topic : hits.isEmpty() ? null : hits.get(0).topic();
        Map<String, Object> form = emptyForm(q);
        return render(findErrors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST, language, municipality, topic, q,
                searched, hits, helpTopic, form, Map.of(), findErrors, request);
    }

    /** "Jeg kan ikke bruge selvbetjeningen / Jeg har brug for hjælp": creates a WEB inquiry for a person. */
    @PostMapping("/hjaelp")
    ResponseEntity<String> help(@RequestParam(required = false) String lang,
            @RequestParam(required = false) String kommune, @RequestParam(required = false) String emne,
            @RequestParam(name = "spoergsmaal", required = false) String question,
            @RequestParam(name = "navn", required = false) String name,
            @RequestParam(name = "telefon", required = false) String phone,
            @RequestParam(required = false) String email,
            @RequestParam(name = "fritaget", required = false) String exempt,
            @RequestParam(name = "tolk", required = false) String interpreter,
            @RequestParam(name = "tolkesprog", required = false) String interpreterLanguage,
            @RequestParam(name = "andenHjaelp", required = false) String otherHelp,
            @RequestParam(required = false) String reference,
            @RequestParam(required = false) String website, jakarta.servlet.http.HttpServletRequest request) {
        String language = ContactPages.language(lang);
        ContactForm form = new ContactForm(kommune, emne, question, name, phone, email, "true".equals(exempt),
                "true".equals(interpreter), interpreterLanguage, otherHelp, reference, website);
        if (form.isScripted()) {
            // a person never sees the field; a script gets a thank-you and nothing is created
            return message(HttpStatus.OK, language, "receivedHeading");
        }
        Optional<String> ref = Reference.parse(reference);
        if (ref.isEmpty()) {
            return message(HttpStatus.BAD_REQUEST, language, "expired");
        }
        Map<String, String> errors = form.errors(m -> catalogue.municipality(m).isPresent(),
                t -> catalogue.topic(t).isPresent());
        if (errors.isEmpty()) {
            try {
                ContactService.Status status = contacts.ask(form.checked(), ref.get(), language);
                return status(HttpStatus.OK, language, status, true);
            } catch (ContactService.Busy busy) {
                return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(HTML)
                        .header("Retry-After", Long.toString(properties.busyRetryAfter().toSeconds()))
                        .cacheControl(CacheControl.noStore()).body(pages.message(language, "busy"));
            } catch (InvalidInquiryInput e) {
                errors.put(e.field().contains("phone") ? "phone" : e.field().contains("email") ? "email" : "helpQuestion",
                        e.getMessage() != null && e.getMessage().contains("CPR") ? "err.cpr" : "err.helpQuestion");
            }
        }
        String municipality = catalogue.municipality(kommune).isPresent() ? kommune : null;
        List<SolutionView> hits = municipality == null ? List.of()
                : search.search(municipality, null, catalogue.topic(emne).isPresent() ? emne : null, 5).stream()
                        .map(SelfServiceSearch.Hit::solution).toList();
        Map<String, Object> values = new HashMap<>();
        values.put("question", question);
        values.put("name", name);
        values.put("phone", phone);
        values.put("email", email);
        values.put("digitallyExempt", form.digitallyExempt());
        values.put("needsInterpreter", form.needsInterpreter());
        values.put("interpreterLanguage", interpreterLanguage);
        values.put("otherHelp", otherHelp);
        return render(HttpStatus.BAD_REQUEST, language, municipality, emne, null, true, hits, emne, values, errors,
                Map.of(), request);
    }

    /** The status by reference: state, tier, municipality, topic and dates; nothing personal. */
    @GetMapping("/status")
    ResponseEntity<String> status(@RequestParam(required = false) String lang,
            @RequestParam(required = false) String reference) {
        String language = ContactPages.language(lang);
        Optional<ContactService.Status> status = Reference.parse(reference).flatMap(contacts::statusOf);
        if (status.isEmpty()) {
            return message(HttpStatus.NOT_FOUND, language, "unknownReference");
        }
        return status(HttpStatus.OK, language, status.get(), false);
    }

    private ResponseEntity<String> status(HttpStatus code, String language, ContactService.Status status,
            boolean received) {
        Municipality m = catalogue.municipality(status.municipality()).orElseThrow();
        Context context = context(language);
        context.setVariable("received", received);
        context.setVariable("reference", status.reference());
        context.setVariable("stateKey", "state." + status.status().name());
        context.setVariable("tierKey", "tier." + status.tier().name());
        context.setVariable("municipalityName", m.name());
        context.setVariable("topicName", catalogue.topic(status.topic()).map(Topic::name).orElse(status.topic()));
        context.setVariable("receivedAt", format(status.receivedAt(), m.zone(), language));
        context.setVariable("due", status.dueAt() == null ? "–" : format(status.dueAt(), m.zone(), language));
        return ResponseEntity.status(code).contentType(HTML).cacheControl(CacheControl.noStore())
                .body(templates.process("kontakt/status", context));
    }

    private ResponseEntity<String> render(HttpStatus code, String language, String municipality, String topic, String q,
            boolean searched, List<SolutionView> hits, String helpTopic, Map<String, Object> form,
            Map<String, String> errors, Map<String, String> findErrors, jakarta.servlet.http.HttpServletRequest request) {
        Context context = context(language);
        // Spring Security's CSRF token for the help form (saved in the session when first read)
        org.springframework.security.web.csrf.CsrfToken csrf = (org.springframework.security.web.csrf.CsrfToken)
                request.getAttribute(org.springframework.security.web.csrf.CsrfToken.class.getName());
        context.setVariable("csrfName", csrf == null ? "_csrf" : csrf.getParameterName());
        context.setVariable("csrfToken", csrf == null ? "" : csrf.getToken());
        context.setVariable("municipalities", catalogue.municipalities());
        context.setVariable("topics", catalogue.topics().stream()
                .sorted(java.util.Comparator.comparing(Topic::name, java.text.Collator.getInstance(Locale.forLanguageTag("da"))))
                .toList());
        context.setVariable("kommune", municipality);
        context.setVariable("emne", topic);
        context.setVariable("q", q);
        context.setVariable("searched", searched);
        context.setVariable("hits", hits);
        context.setVariable("helpTopic", helpTopic);
        context.setVariable("form", form);
        context.setVariable("errors", errors);
        context.setVariable("findErrors", findErrors);
        context.setVariable("reference", Reference.generate());
        return ResponseEntity.status(code).contentType(HTML).cacheControl(CacheControl.noStore())
                .body(templates.process("kontakt/start", context));
    }

    private ResponseEntity<String> message(HttpStatus code, String language, String key) {
        return ResponseEntity.status(code).contentType(HTML).cacheControl(CacheControl.noStore())
                .body(pages.message(language, key));
    }

    private Context context(String language) {
        Context context = new Context(Locale.forLanguageTag(language));
        context.setVariable("t", pages.texts(language));
        context.setVariable("lang", language);
        return context;
    }

    private static Map<String, Object> emptyForm(String q) {
        Map<String, Object> form = new HashMap<>();
        form.put("question", q);
        form.put("digitallyExempt", false);
        form.put("needsInterpreter", false);
        return form;
    }

    static String format(Instant instant, ZoneId zone, String language) {
        Locale locale = Locale.forLanguageTag("en".equals(language) ? "en-GB" : language);
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(locale)
                .withZone(zone).format(instant);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
