package dk.borgerflow.inquiry;

import dk.borgerflow.municipality.Tier;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What reports may know of an inquiry: no name, no CPR number, no free text. The citizen appears
 * only as {@code citizenKey}, a pseudonym the caller derives (a keyed hash) from the CPR number,
 * phone or e-mail, so repeat contacts of one citizen can be counted without knowing who it is.
 * {@code version} grows with every change of the inquiry (a projection keeps the newest).
 */
public record InquiryFacts(String id, long version, String municipality, Channel channel, String topic,
        Instant receivedAt, InquiryStatus status, Outcome outcome, Tier firstTier, Tier tier, Instant resolvedAt,
        Instant closedAt, Instant dueAt, boolean resolvedAtFirstTier, int warnings, List<EscalationFact> escalations,
        boolean digitallyExempt, boolean aged75Plus, boolean needsInterpreter, String citizenKey,
        Boolean catalogueHadAnswer) {

    /** Without the catalogue fact (not asked: no contact center answer). */
    public InquiryFacts(String id, long version, String municipality, Channel channel, String topic,
            Instant receivedAt, InquiryStatus status, Outcome outcome, Tier firstTier, Tier tier, Instant resolvedAt,
            Instant closedAt, Instant dueAt, boolean resolvedAtFirstTier, int warnings,
            List<EscalationFact> escalations, boolean digitallyExempt, boolean aged75Plus, boolean needsInterpreter,
            String citizenKey) {
        this(id, version, municipality, channel, topic, receivedAt, status, outcome, firstTier, tier, resolvedAt,
                closedAt, dueAt, resolvedAtFirstTier, warnings, escalations, digitallyExempt, aged75Plus,
                needsInterpreter, citizenKey, null);
    }

    /** One breached deadline: from which tier to which (a tier or {@code TEAM_LEAD}), when. */
    public record EscalationFact(Instant at, Tier fromTier, String toTier) {
    }

    /**
     * The age band the KPIs report ("75+"): a statistic's definition, not the routing rule (who needs
     * personal service is routing.dmn's decision, stored on the inquiry).
     */
    static final int KPI_AGED_FROM = 75;

    private static final EnumSet<Outcome> RESOLVING = EnumSet.of(Outcome.RESOLVED, Outcome.SELF_SERVICE);

    /** The facts of an inquiry; {@code pseudonym} turns the citizen's identifying value into its key. */
    static InquiryFacts of(Inquiry inquiry, UnaryOperator<String> pseudonym) {
        List<HistoryEntry> history = inquiry.history();
        Tier firstTier = history.isEmpty() ? inquiry.tier() : history.get(0).toTier();
        boolean answered = inquiry.status() != InquiryStatus.OPEN && inquiry.outcome() != Outcome.CANCELLED;
        Instant resolvedAt = null;
        if (answered) {
            for (HistoryEntry entry : history) {
                if (entry.outcome() != null && RESOLVING.contains(entry.outcome())) {
                    resolvedAt = entry.at();
                }
            }
            if (resolvedAt == null) {
                resolvedAt = inquiry.closedAt();
            }
        }
        boolean atFirstTier = answered && inquiry.escalations().isEmpty() && inquiry.tier() == firstTier
                && (inquiry.resolvedAtFirstContact().orElse(false)
                        || (inquiry.handledTasks() == 0 && inquiry.tier() == Tier.SELF_SERVICE));
        int warnings = (int) history.stream()
                .filter(h -> h.reason() != null && h.reason().startsWith(Inquiry.WARNING_PREFIX)).count();
        List<EscalationFact> escalations = inquiry.escalations().stream()
                .map(e -> new EscalationFact(e.at(), e.fromTier(), e.toTier())).toList();
        Citizen citizen = inquiry.citizen();
        String identity = identity(citizen);
        return new InquiryFacts(inquiry.id(), inquiry.version() == null ? 0 : inquiry.version(),
                inquiry.municipality(), inquiry.channel(), inquiry.topic(), inquiry.receivedAt(), inquiry.status(),
                inquiry.outcome(), firstTier, inquiry.tier(), resolvedAt, inquiry.closedAt(), inquiry.dueAt(),
                atFirstTier, warnings, escalations, citizen.digitallyExempt(),
                citizen.age() != null && citizen.age() >= KPI_AGED_FROM, citizen.needsInterpreter(),
                identity == null ? null : pseudonym.apply(identity), inquiry.catalogueHadAnswer());
    }

    /** The most stable identifying value we have: CPR number, else phone digits, else e-mail. */
    private static String identity(Citizen citizen) {
        if (citizen.cpr() != null) {
            return "cpr:" + citizen.cpr();
        }
        if (citizen.phone() != null) {
            String digits = citizen.phone().replaceAll("[^0-9]", "");
            if (digits.length() >= 8) {
                return "phone:" + digits.substring(digits.length() - 8);
            }
        }
        if (citizen.email() != null && !citizen.email().isBlank()) {
            return "email:" + citizen.email().trim().toLowerCase(Locale.ROOT);
        }
        return null;
    }
}
