package dk.borgerflow.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The KPI report of {@code GET /api/reports/kpi}; every figure is defined in docs/reports.md. */
public record Kpis(List<String> municipalities, LocalDate from, LocalDate to, String groupBy, long repeatWindowDays,
        int fcrTargetPercent, Figures total, List<Figures> groups, List<Backlog> backlog,
        Consultations consultations) {

    /** The figures of one group (or of all: key {@code alle}). */
    public record Figures(String key, long volume, Double sharePercent, Map<String, Long> channelMix,
            long fcrEligible, long fcrResolved, Double fcrPercent, Boolean fcrTargetMet, long repeatContacts,
            Map<String, Long> resolvedPerTier, long guidedToSelfService, Double guidedToSelfServicePercent,
            long deadlinesDecided, long deadlinesMet, Double deadlinesMetPercent, long warnings,
            Map<String, Long> escalations, HandlingTime handlingTime, Double digitallyExemptPercent,
            Double aged75PlusPercent, Double interpreterPercent, long catalogueAsked, long catalogueHadAnswer,
            Double catalogueHadAnswerPercent) {
    }

    /** Hours from receipt to answer: median and 90th percentile (nearest rank), clock and working time. */
    public record HandlingTime(long answered, Double clockMedianHours, Double clockP90Hours,
            Double workingMedianHours, Double workingP90Hours) {
    }

    /** Open inquiries by age (days since receipt, clock time). */
    public record Backlog(String age, long open) {
    }

    /** Consultees that had to answer in the period: answered in time, late or not at all. */
    public record Consultations(long due, long answeredInTime, long answeredLate, long notAnswered,
            Double inTimePercent) {
    }
}
