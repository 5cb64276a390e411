package dk.borgerflow.consultation;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The høringsnotat: each consultee with its answer, date, late/no answer, attachments and the
 * administration's comment, as XHTML (every user text escaped) and as PDF rendered from it.
 */
@Component
class NotatRenderer {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da"));
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH:mm",
            Locale.forLanguageTag("da"));

    String html(ConsultationService.NotatContent content) {
        Consultation c = content.consultation();
        ZoneId zone = content.zone();
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"da\"><head><meta charset=\"UTF-8\" />")
                .append("<title>Høringsnotat: ").append(Html.escape(c.title())).append("</title>")
                .append("<style>body{font-family:sans-serif;font-size:11pt;margin:2em;color:#1b1b1b}")
                .append("h1{font-size:18pt}h2{font-size:13pt;margin-top:1.4em;border-bottom:1px solid #999}")
                .append(".answer{white-space:pre-wrap;margin:.3em 0 .6em 0}.meta{color:#555;font-size:9.5pt}")
                .append(".late{color:#9a3b00;font-weight:bold}.none{color:#8a0000;font-weight:bold}")
                .append(".comment{border-left:3px solid #2da44e;padding-left:.6em;white-space:pre-wrap}")
                .append(".sub{margin-left:1.5em}table{border-collapse:collapse}td,th{padding:2px 8px;text-align:left}")
                .append("</style></head><body>");
        h.append("<p class=\"meta\">").append(Html.escape(content.municipalityName())).append("</p>");
        h.append("<h1>Høringsnotat: ").append(Html.escape(c.title())).append("</h1>");
        h.append("<table>")
                .append(row("Status", statusText(c.status())))
                .append(row("Sendt i høring", c.sentAt() == null ? "–" : DATE_TIME.format(c.sentAt().atZone(zone))))
                .append(row("Svarfrist", DATE.format(c.replyDeadline())))
                .append(row("Sendt af", c.createdBy()))
                .append(row("Notat udarbejdet", c.notatCompiledAt() == null ? "endnu ikke (sene svar modtages)"
                        : DATE_TIME.format(c.notatCompiledAt().atZone(zone)) + " af " + c.notatCompiledBy()))
                .append("</table>");
        h.append("<h2>Forslaget</h2><div class=\"answer\">").append(Html.escape(c.proposal())).append("</div>");
        List<AttachmentInfo> proposalFiles = content.attachments().stream().filter(a -> a.consulteeId() == null).toList();
        if (!proposalFiles.isEmpty()) {
            h.append("<p class=\"meta\">Bilag: ").append(files(proposalFiles)).append("</p>");
        }

        h.append("<h2>Høringssvar</h2>");
        for (Consultee party : c.consultees()) {
            if (party.role() == ConsulteeRole.ANSWER && party.parentId() == null) {
                consultee(h, c, party, content.attachments(), zone, false);
            }
        }
        List<Consultee> informed = c.consultees().stream().filter(p -> p.role() == ConsulteeRole.INFORM).toList();
        if (!informed.isEmpty()) {
            h.append("<h2>Til orientering</h2><ul>");
            for (Consultee p : informed) {
                h.append("<li>").append(Html.escape(p.name())).append("</li>");
            }
            h.append("</ul>");
        }
        h.append("<h2>Administrationens samlede bemærkninger</h2><div class=\"comment\">")
                .append(c.notatSummary() == null ? "(skrives af sekretariatet)" : Html.escape(c.notatSummary()))
                .append("</div>");
        if (c.decision() != null) {
            h.append("<h2>Beslutning</h2><p>").append(Html.escape(statusText(c.status())))
                    .append(c.decidedBy() == null ? "" : " (" + Html.escape(c.decidedBy()) + ", "
                            + DATE_TIME.format(c.decidedAt().atZone(zone)) + ")")
                    .append("</p>");
            if (c.decisionNote() != null && !c.decisionNote().isBlank()) {
                h.append("<div class=\"answer\">").append(Html.escape(c.decisionNote())).append("</div>");
            }
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private void consultee(StringBuilder h, Consultation c, Consultee party, List<AttachmentInfo> files, ZoneId zone,
            boolean sub) {
        h.append("<div class=\"").append(sub ? "sub" : "party").append("\">");
        h.append(sub ? "<h3>" : "<h3>").append(sub ? "Underhøring: " : "").append(Html.escape(party.name()))
                .append("</h3>");
        h.append("<p class=\"meta\">").append(party.isExternal() ? "Ekstern organisation" : "Intern: "
                + Html.escape(party.groupId())).append(" · svarfrist ").append(DATE.format(party.replyDeadline()))
                .append("</p>");
        if (party.isAnswered()) {
            h.append("<p class=\"meta\">Svar modtaget ").append(DATE_TIME.format(party.answeredAt().atZone(zone)))
                    .append(" fra ").append(Html.escape(party.answeredBy()));
            if (party.late()) {
                h.append(" <span class=\"late\">(for sent: efter svarfristen)</span>");
            }
            h.append("</p><div class=\"answer\">").append(Html.escape(party.answerText())).append("</div>");
        } else if (party.status() == ConsulteeStatus.NO_ANSWER) {
            h.append("<p class=\"none\">Intet svar inden svarfristen.</p>");
        } else {
            h.append("<p class=\"meta\">").append(Html.escape(ConsultationService.statusText(party))).append("</p>");
        }
        List<AttachmentInfo> own = files.stream().filter(a -> party.id().equals(a.consulteeId())).toList();
        if (!own.isEmpty()) {
            h.append("<p class=\"meta\">Bilag: ").append(files(own)).append("</p>");
        }
        for (Consultee s : c.subConsulteesOf(party)) {
            consultee(h, c, s, files, zone, true);
        }
        h.append("<p><b>Administrationens bemærkning:</b></p><div class=\"comment\">")
                .append(party.adminComment() == null ? "–" : Html.escape(party.adminComment())).append("</div>");
        h.append("</div>");
    }

    private static String files(List<AttachmentInfo> files) {
        StringBuilder s = new StringBuilder();
        for (AttachmentInfo a : files) {
            s.append(s.isEmpty() ? "" : ", ").append(Html.escape(a.filename())).append(" (")
                    .append(Math.max(1, a.sizeBytes() / 1024)).append(" KB)");
        }
        return s.toString();
    }

    private static String row(String label, String value) {
        return "<tr><th>" + Html.escape(label) + "</th><td>" + Html.escape(value) + "</td></tr>";
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

    byte[] pdf(String html) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String formatInstant(Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }
}
