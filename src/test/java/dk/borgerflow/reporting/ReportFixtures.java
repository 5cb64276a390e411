package dk.borgerflow.reporting;

import dk.borgerflow.inquiry.Channel;
import dk.borgerflow.inquiry.InquiryFacts;
import dk.borgerflow.inquiry.InquiryStatus;
import dk.borgerflow.inquiry.Outcome;
import dk.borgerflow.municipality.Tier;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Inquiries of Egedal in December 2024 (and one of Slagelse) whose KPIs are computed by hand in
 * {@link KpiReportTest}. Times are Copenhagen time; the contact center opens Mon-Fri 08-18, closed
 * on 24 December (closing day) and 25/26 December (holidays).
 */
final class ReportFixtures {

    static final String EGEDAL = "egedal";
    static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

    private ReportFixtures() {
    }

    static Instant cph(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CPH).toInstant();
    }

    /** The citizen's pseudonym as the read model would hold it (random, so runs never link up). */
    static String aCitizen() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static InquiryFacts resolvedAtContactCenter(String municipality, Channel channel, String received, String resolved,
            String due, String citizen) {
        return new InquiryFacts(UUID.randomUUID().toString(), 3, municipality, channel, "housing-benefit",
                cph(received), InquiryStatus.CLOSED, Outcome.RESOLVED, Tier.CONTACT_CENTER, Tier.CONTACT_CENTER,
                cph(resolved), cph(resolved), cph(due), true, 0, List.of(), false, false, false, citizen);
    }

    /** A letter from a digitally exempt citizen of 80, answered over Christmas (one warning). */
    static InquiryFacts aLetterAnsweredOverChristmas() {
        return new InquiryFacts(UUID.randomUUID().toString(), 4, EGEDAL, Channel.LETTER, "disability-aid",
                cph("2024-12-20T12:00"), InquiryStatus.CLOSED, Outcome.FEEDBACK_SENT, Tier.CONTACT_CENTER,
                Tier.CONTACT_CENTER, cph("2024-12-27T11:00"), cph("2024-12-27T11:05"), cph("2024-12-30T12:00"), true, 1,
                List.of(), true, true, false, aCitizen());
    }

    /** An e-mail whose deadline passed at the contact center; the desk answered it (one warning). */
    static InquiryFacts anEmailEscalatedToTheDeskAndResolved() {
        return new InquiryFacts(UUID.randomUUID().toString(), 7, EGEDAL, Channel.EMAIL, "pension",
                cph("2024-12-09T09:00"), InquiryStatus.CLOSED, Outcome.RESOLVED, Tier.CONTACT_CENTER, Tier.DESK,
                cph("2024-12-12T09:00"), cph("2024-12-12T09:00"), cph("2024-12-16T09:00"), false, 1,
                List.of(new InquiryFacts.EscalationFact(cph("2024-12-11T09:00"), Tier.CONTACT_CENTER, "DESK")),
                false, false, false, aCitizen());
    }

    /** Routed to self-service in the evening and solved there. */
    static InquiryFacts aWebInquirySolvedBySelfService() {
        return new InquiryFacts(UUID.randomUUID().toString(), 2, EGEDAL, Channel.WEB, "moving",
                cph("2024-12-10T20:00"), InquiryStatus.CLOSED, Outcome.RESOLVED_BY_SELF_SERVICE, Tier.SELF_SERVICE,
                Tier.SELF_SERVICE, cph("2024-12-10T20:00"), cph("2024-12-10T20:00"), null, true, 0, List.of(),
                false, false, false, aCitizen());
    }

    /** A call of a citizen who needs an interpreter, still open. */
    static InquiryFacts anOpenCallWithInterpreter(String municipality) {
        return new InquiryFacts(UUID.randomUUID().toString(), 1, municipality, Channel.PHONE, "housing-benefit",
                cph("2024-12-16T10:00"), InquiryStatus.OPEN, null, Tier.CONTACT_CENTER, Tier.CONTACT_CENTER, null,
                null, cph("2024-12-18T10:00"), false, 0, List.of(), false, false, true, aCitizen());
    }

    /**
     * An e-mail the contact center answered by guiding the citizen to self-service ({@code outcome}),
     * with the agent's "the catalogue had the answer" tick ({@code null}: not given).
     */
    static InquiryFacts answeredInTheContactCenter(String municipality, String received, Outcome outcome,
            Boolean catalogueHadAnswer) {
        return new InquiryFacts(UUID.randomUUID().toString(), 3, municipality, Channel.EMAIL, "housing-benefit",
                cph(received), InquiryStatus.CLOSED, outcome, Tier.CONTACT_CENTER, Tier.CONTACT_CENTER,
                cph(received).plusSeconds(600), cph(received).plusSeconds(600), cph(received).plusSeconds(86400),
                true, 0, List.of(), false, false, false, aCitizen(), catalogueHadAnswer);
    }
}
