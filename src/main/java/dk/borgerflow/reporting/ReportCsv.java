package dk.borgerflow.reporting;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The reports' tables as CSV (commons-csv, RFC 4180, a header line; decimals with a point). */
final class ReportCsv {

    private ReportCsv() {
    }

    static List<String> kpiHeader() {
        List<String> h = new ArrayList<>(List.of("gruppe", "henvendelser", "andel_af_faelles_center_pct"));
        KpiService.CHANNEL_CATEGORIES.values().forEach(c -> h.add("kanal: " + c));
        h.addAll(List.of("fcr_grundlag", "fcr_loest", "fcr_pct", "fcr_maal_naaet", "gentagne_henvendelser"));
        KpiService.TIERS.forEach(t -> h.add("loest_paa: " + t));
        h.addAll(List.of("guidet_til_selvbetjening_pct", "frister_afgjort", "frister_overholdt",
                "frister_overholdt_pct", "advarsler", "eskaleringer", "behandlingstid_median_timer",
                "behandlingstid_p90_timer", "arbejdstid_median_timer", "arbejdstid_p90_timer",
                "fritaget_digital_post_pct", "75_plus_pct", "tolk_pct", "kataloget_spurgt",
                "kataloget_havde_svaret", "kataloget_havde_svaret_pct"));
        return h;
    }

    static String kpis(Kpis kpis) {
        List<List<Object>> rows = new ArrayList<>();
        for (Kpis.Figures f : kpis.groups()) {
            rows.add(kpiRow(f));
        }
        rows.add(kpiRow(kpis.total()));
        return write(kpiHeader(), rows);
    }

    private static List<Object> kpiRow(Kpis.Figures f) {
        List<Object> r = new ArrayList<>(List.of(f.key(), f.volume(), blank(f.sharePercent())));
        KpiService.CHANNEL_CATEGORIES.values().forEach(c -> r.add(f.channelMix().getOrDefault(c, 0L)));
        r.addAll(List.of(f.fcrEligible(), f.fcrResolved(), blank(f.fcrPercent()), blank(f.fcrTargetMet()),
                f.repeatContacts()));
        KpiService.TIERS.forEach(t -> r.add(f.resolvedPerTier().getOrDefault(t, 0L)));
        r.addAll(List.of(blank(f.guidedToSelfServicePercent()), f.deadlinesDecided(), f.deadlinesMet(),
                blank(f.deadlinesMetPercent()), f.warnings(), escalations(f.escalations()),
                blank(f.handlingTime().clockMedianHours()), blank(f.handlingTime().clockP90Hours()),
                blank(f.handlingTime().workingMedianHours()), blank(f.handlingTime().workingP90Hours()),
                blank(f.digitallyExemptPercent()), blank(f.aged75PlusPercent()), blank(f.interpreterPercent()),
                f.catalogueAsked(), f.catalogueHadAnswer(), blank(f.catalogueHadAnswerPercent())));
        return r;
    }

    static String escalations(Map<String, Long> escalations) {
        return escalations.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    static String shifts(ShiftPlan plan) {
        List<List<Object>> rows = new ArrayList<>();
        for (ShiftPlan.Member m : plan.members()) {
            rows.add(List.of(plan.month().toString(), m.municipality(), m.name(), m.weight(), m.sharePercent(),
                    m.shifts(), m.yearlyCost()));
        }
        return write(List.of("maaned", "kommune", "navn", plan.basis().equals("calls") ? "opkald" : "indbyggere",
                "andel_pct", "vagter", "aarlig_udgift_kr"), rows);
    }

    static String write(List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(header.toArray(String[]::new)).get())) {
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Object blank(Object value) {
        return value == null ? "" : value;
    }
}
