package dk.borgerflow.consultation;

import dk.borgerflow.documents.PdfDocuments;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The høringsnotat: each consultee with its answer, date, late/no answer, attachments and the
 * administration's comment. The template {@code templates/notat/notat.html} (Thymeleaf, which
 * escapes every text) makes the XHTML; the PDF is that XHTML rendered by openhtmltopdf with an
 * embedded DejaVu Sans. Every stored text passes {@link PrintableText} first, so text that XML
 * cannot hold (stored before input was checked) becomes a space or U+FFFD instead of breaking the
 * PDF; long words break at the page edge (CSS {@code overflow-wrap}).
 */
@Component
class NotatRenderer {

    static final String TEMPLATE = "notat/notat";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da"));
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH:mm",
            Locale.forLanguageTag("da"));
    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final ITemplateEngine templates;
    private final PdfDocuments documents;

    NotatRenderer(ITemplateEngine templates, PdfDocuments documents) {
        this.templates = templates;
        this.documents = documents;
    }

    /** What the template shows; every text already printable. */
    record View(String title, String municipality, List<Row> facts, String proposal, String proposalFiles,
            List<Party> parties, List<String> informed, String summary, String decision, String decisionNote) {
    }

    record Row(String label, String value) {
    }

    record Party(boolean sub, String heading, String kind, boolean answered, String answeredLine, boolean late,
            String answer, boolean noAnswer, String status, String files, List<Party> subs, String comment) {
    }

    String html(ConsultationService.NotatContent content) {
        Context context = new Context(DANISH);
        context.setVariable("n", view(content));
        return templates.process(TEMPLATE, context);
    }

    View view(ConsultationService.NotatContent content) {
        Consultation c = content.consultation();
        ZoneId zone = content.zone();
        List<Row> facts = List.of(
                new Row("Status", statusText(c.status())),
                new Row("Sendt i høring", c.sentAt() == null ? "–" : DATE_TIME.format(c.sentAt().atZone(zone))),
                new Row("Svarfrist", DATE.format(c.replyDeadline())),
                new Row("Sendt af", text(c.createdBy())),
                new Row("Notat udarbejdet", c.notatCompiledAt() == null ? "endnu ikke (sene svar modtages)"
                        : DATE_TIME.format(c.notatCompiledAt().atZone(zone)) + " af " + text(c.notatCompiledBy())));
        List<Party> parties = new ArrayList<>();
        for (Consultee party : c.consultees()) {
            if (party.role() == ConsulteeRole.ANSWER && party.parentId() == null) {
                parties.add(party(c, party, content.attachments(), zone, false));
            }
        }
        List<String> informed = c.consultees().stream().filter(p -> p.role() == ConsulteeRole.INFORM)
                .map(p -> text(p.name())).toList();
        String decision = null;
        if (c.decision() != null) {
            decision = statusText(c.status()) + (c.decidedBy() == null ? ""
                    : " (" + text(c.decidedBy()) + ", " + DATE_TIME.format(c.decidedAt().atZone(zone)) + ")");
        }
        return new View(text(c.title()), text(content.municipalityName()), facts, text(c.proposal()),
                files(content.attachments().stream().filter(a -> a.consulteeId() == null).toList()), parties, informed,
                text(c.notatSummary()), decision,
                c.decisionNote() == null || c.decisionNote().isBlank() ? null : text(c.decisionNote()));
    }

    private Party party(Consultation c, Consultee party, List<AttachmentInfo> files, ZoneId zone, boolean sub) {
        String kind = (party.isExternal() ? "Ekstern organisation" : "Intern: " + text(party.groupId()))
                + " · svarfrist " + DATE.format(party.replyDeadline());
        String answeredLine = party.isAnswered() ? "Svar modtaget " + DATE_TIME.format(party.answeredAt().atZone(zone))
                + " fra " + text(party.answeredBy()) : null;
        List<Party> subs = c.subConsulteesOf(party).stream().map(s -> party(c, s, files, zone, true)).toList();
        return new Party(sub, (sub ? "Underhøring: " : "") + text(party.name()), kind, party.isAnswered(), answeredLine,
                party.late(), party.isAnswered() ? text(party.answerText()) : null,
                !party.isAnswered() && party.status() == ConsulteeStatus.NO_ANSWER, ConsultationService.statusText(party),
                files(files.stream().filter(a -> party.id().equals(a.consulteeId())).toList()), subs,
                text(party.adminComment()));
    }

    private static String files(List<AttachmentInfo> files) {
        if (files.isEmpty()) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        for (AttachmentInfo a : files) {
            s.append(s.isEmpty() ? "" : ", ").append(text(a.filename())).append(" (")
                    .append(Math.max(1, a.sizeBytes() / 1024)).append(" KB)");
        }
        return s.toString();
    }

    private static String text(String stored) {
        return PrintableText.of(stored);
    }

    static String statusText(ConsultationStatus status) {
        return switch (status) {
            case PREPARED, OPEN -> "I høring";
            case COMPILING -> "Høringsnotat udarbejdes";
            case DECIDING -> "Til beslutning";
            case POSTPONED -> "Udsat";
            case APPROVED -> "Godkendt";
            case REJECTED -> "Forkastet";
            case CANCELLED -> "Annulleret";
        };
    }

    /** The XHTML as PDF (A4, DejaVu Sans embedded as a subset: Latin, Greek, Cyrillic, Arabic, Hebrew letters). */
    byte[] pdf(String html) {
        return documents.pdf(html);
    }

    static String formatInstant(Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }
}
