package dk.borgerflow.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A consultation as our API shows it; {@code answerUrl} only in the answer to its creation. */
record ConsultationView(String id, String municipality, String title, String proposal, LocalDate deadline,
        ConsultationStatus status, String processInstanceId, String decidingGroup, String createdBy,
        Instant createdAt, Instant sentAt, Instant repliesClosedAt, Instant notatCompiledAt, String notatCompiledBy,
        String notatSummary, Decision decision, String decisionNote, String decidedBy, Instant decidedAt,
        LocalDate nextMeetingDate, List<ConsulteeView> consultees, List<AnswerView> answers,
        List<AttachmentInfo> attachments, List<AuditView> audit, String notatUrl, String notatPdfUrl) {

    record ConsulteeView(String id, String name, ConsulteeRole role, String kind, String group, String email,
            String parentId, ConsulteeStatus status, LocalDate deadline, Instant reminderAt, Instant deadlineAt,
            Instant remindedAt, Boolean late, String answerUrl) {
    }

    record AnswerView(String consulteeId, String consulteeName, String text, Instant answeredAt, String answeredBy,
            boolean late, String administrationComment) {
    }

    record AuditView(Instant at, String actor, String action, String consulteeId, String detail) {
    }

    record Summary(String id, String municipality, String title, LocalDate deadline, ConsultationStatus status,
            Instant createdAt) {

        static Summary of(Consultation c) {
            return new Summary(c.id(), c.municipality(), c.title(), c.replyDeadline(), c.status(), c.createdAt());
        }
    }

    static ConsultationView of(Consultation c, List<AttachmentInfo> attachments, List<ConsultationAuditEntry> audit,
            Map<String, String> answerUrls) {
        List<ConsulteeView> consultees = c.consultees().stream().map(p -> new ConsulteeView(p.id(), p.name(),
                p.role(), p.isExternal() ? "EXTERNAL" : "INTERNAL", p.groupId(), p.email(), p.parentId(), p.status(),
                p.replyDeadline(), p.reminderAt(), p.deadlineAt(), p.remindedAt(),
                p.role() == ConsulteeRole.ANSWER ? p.late() : null, answerUrls.get(p.id()))).toList();
        List<AnswerView> answers = c.consultees().stream().filter(Consultee::isAnswered)
                .map(p -> new AnswerView(p.id(), p.name(), p.answerText(), p.answeredAt(), p.answeredBy(), p.late(),
                        p.adminComment()))
                .toList();
        List<AuditView> log = audit.stream().map(a -> new AuditView(a.occurredAt(), a.actor(), a.action(),
                a.consulteeId(), a.detail())).toList();
        String notat = "/api/consultations/" + c.id() + "/notat";
        return new ConsultationView(c.id(), c.municipality(), c.title(), c.proposal(), c.replyDeadline(), c.status(),
                c.processInstanceId(), c.decidingGroup(), c.createdBy(), c.createdAt(), c.sentAt(),
                c.repliesClosedAt(), c.notatCompiledAt(), c.notatCompiledBy(), c.notatSummary(), c.decision(),
                c.decisionNote(), c.decidedBy(), c.decidedAt(), c.nextMeetingDate(), consultees, answers, attachments,
                log, notat, notat + ".pdf");
    }
}
