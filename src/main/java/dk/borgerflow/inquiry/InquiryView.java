package dk.borgerflow.inquiry;

import dk.borgerflow.municipality.Tier;
import java.time.Instant;
import java.util.List;

/** The inquiry as the API shows it. Never contains the CPR number. */
record InquiryView(String id, String municipality, Channel channel, String topic, String summary,
        InquiryStatus status, Tier tier, String candidateGroup, String answerGroup, String processInstanceId,
        Instant receivedAt, Instant dueAt, Instant warnAt, boolean deadlinePaused, Outcome outcome,
        Boolean resolvedAtFirstContact, String selfServiceUrl, CitizenView citizen, Instant closedAt,
        List<HistoryView> history, List<EscalationView> escalations) {

    static InquiryView of(Inquiry i) {
        Citizen c = i.citizen();
        return new InquiryView(i.id(), i.municipality(), i.channel(), i.topic(), i.summary(), i.status(), i.tier(),
                i.candidateGroup(), i.answerGroup(), i.processInstanceId(), i.receivedAt(), i.dueAt(), i.warnAt(),
                i.deadlinePausedAt() != null, i.outcome(), i.resolvedAtFirstContact().orElse(null),
                i.selfServiceUrl(),
                new CitizenView(c.cpr() != null, c.name(), c.phone(), c.email(), c.digitallyExempt(), c.age(),
                        c.needsInterpreter(), c.language(), c.accessibilityNeeds()),
                i.closedAt(),
                i.history().stream().map(h -> new HistoryView(h.at(), h.fromTier(), h.toTier(), h.actor(),
                        h.outcome(), h.reason())).toList(),
                i.escalations().stream().map(e -> new EscalationView(e.at(), e.fromTier(), e.toTier(), e.reason()))
                        .toList());
    }

    record CitizenView(boolean hasCpr, String name, String phone, String email, boolean digitallyExempt, Integer age,
            boolean needsInterpreter, String language, String accessibilityNeeds) {
    }

    record HistoryView(Instant at, Tier fromTier, Tier toTier, String by, Outcome outcome, String reason) {
    }

    record EscalationView(Instant at, Tier fromTier, String toTier, String reason) {
    }

    /** A list row: no history. */
    record Summary(String id, String municipality, Channel channel, String topic, InquiryStatus status, Tier tier,
            String candidateGroup, Instant receivedAt, Instant dueAt, Outcome outcome) {

        static Summary of(Inquiry i) {
            return new Summary(i.id(), i.municipality(), i.channel(), i.topic(), i.status(), i.tier(),
                    i.candidateGroup(), i.receivedAt(), i.dueAt(), i.outcome());
        }
    }
}
