package dk.borgerflow.reporting;

import dk.borgerflow.documents.PdfDocuments;
import dk.borgerflow.municipality.Municipality;
import dk.borgerflow.municipality.MunicipalityCatalogue;
import dk.borgerflow.security.CurrentUser;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The manager's pages (Thymeleaf, Danish): the dashboard {@code /reports/dashboard}, the evaluation
 * {@code /reports/evaluation} (HTML) and {@code /reports/evaluation.pdf} (the same XHTML and charts
 * through openhtmltopdf), and the next month's shift plan as CSV {@code /reports/shifts.csv}.
 * Same permissions as the API (ReportAccess).
 */
@RestController
@RequestMapping("/reports")
class ReportPages {

    static final Locale DANISH = Locale.forLanguageTag("da");
    static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final KpiService kpis;
    private final ShiftService shifts;
    private final ReportAccess access;
    private final ReportCharts charts;
    private final ITemplateEngine templates;
    private final MunicipalityCatalogue catalogue;
    private final ReportingProperties properties;
    private final NamedParameterJdbcTemplate jdbc;
    private final PdfDocuments documents;

    ReportPages(KpiService kpis, ShiftService shifts, ReportAccess access, ReportCharts charts,
            ITemplateEngine templates, MunicipalityCatalogue catalogue, ReportingProperties properties,
            NamedParameterJdbcTemplate jdbc, PdfDocuments documents) {
        this.kpis = kpis;
        this.shifts = shifts;
        this.access = access;
        this.charts = charts;
        this.templates = templates;
        this.catalogue = catalogue;
        this.properties = properties;
        this.jdbc = jdbc;
        this.documents = documents;
    }

    record Option(String slug, String name, boolean selected) {
    }

    record Figure(String label, String previous, String current, String change) {
    }

    @GetMapping("/dashboard")
    ResponseEntity<String> dashboard(@RequestParam(required = false) String municipality,
            @RequestParam(required = false) String months, @AuthenticationPrincipal CurrentUser user) {
        List<String> scope = access.municipalities(user, municipality);
        int n = (int) ReportParameters.positive("months", months, 36, 12L);
        YearMonth last = YearMonth.now(ReportFixturesClock.ZONE).minusMonths(1);
        YearMonth first = last.minusMonths(Math.max(1, n) - 1L);
        LocalDate from = first.atDay(1);
        LocalDate to = last.atEndOfMonth();
        Kpis report = kpis.kpis(scope, from, to, "month", properties.repeatWindow());
        List<String> labels = monthLabels(first, last);
        List<String> keys = monthKeys(first, last);
        Map<String, Kpis.Figures> byMonth = new LinkedHashMap<>();
        report.groups().forEach(g -> byMonth.put(g.key(), g));
        Context c = new Context(DANISH);
        c.setVariable("scope", scopeName(scope));
        c.setVariable("period", labels.get(0) + " – " + labels.get(labels.size() - 1));
        c.setVariable("total", report.total());
        c.setVariable("target", properties.fcrTargetPercent());
        c.setVariable("options", options(user, municipality));
        c.setVariable("volumeChart", charts.bars("Henvendelser pr. måned", "henvendelser", labels,
                Map.of("Henvendelser", values(keys, byMonth, f -> (double) f.volume())), false));
        c.setVariable("shareChart", charts.lines("Andel af det fælles kontaktcenter", "%", labels,
                shares(scope, first, last, keys), null, null));
        Map<String, List<Double>> fcr = new LinkedHashMap<>();
        fcr.put("Løst ved første kontakt (FCR)", values(keys, byMonth, Kpis.Figures::fcrPercent));
        c.setVariable("fcrChart", charts.lines("Løst ved første kontakt mod målet", "%", labels, fcr,
                (double) properties.fcrTargetPercent(), "Mål " + properties.fcrTargetPercent() + " %"));
        Map<String, List<Double>> deadlines = new LinkedHashMap<>();
        deadlines.put("Frister overholdt", values(keys, byMonth, Kpis.Figures::deadlinesMetPercent));
        c.setVariable("deadlineChart", charts.lines("Frister overholdt", "%", labels, deadlines, null, null));
        YearMonth next = YearMonth.now(ReportFixturesClock.ZONE).plusMonths(1);
        ShiftPlan plan;
        try {
            plan = shifts.plan(next, 10, "calls", properties.yearlyCost());
        } catch (InvalidReportParameter noCalls) {
            plan = shifts.plan(next, 10, "population", properties.yearlyCost());
        }
        c.setVariable("plan", plan);
        c.setVariable("planMonth", monthLabel(next));
        c.setVariable("shiftsCsv", link("/reports/shifts.csv", "month", next.toString(), "basis", plan.basis()));
        YearMonth evalFirst = last.minusMonths(5);
        c.setVariable("evaluation", link("/reports/evaluation", "municipality", municipality, "from",
                evalFirst.atDay(1).toString(), "to", to.toString()));
        c.setVariable("evaluationPdf", link("/reports/evaluation.pdf", "municipality", municipality, "from",
                evalFirst.atDay(1).toString(), "to", to.toString()));
        return ResponseEntity.ok().contentType(HTML).body(templates.process("reports/dashboard", c));
    }

    @GetMapping("/evaluation")
    ResponseEntity<String> evaluation(@RequestParam(required = false) String municipality,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @AuthenticationPrincipal CurrentUser user) {
        return ResponseEntity.ok().contentType(HTML).body(evaluationHtml(user, municipality, from, to));
    }

    @GetMapping("/evaluation.pdf")
    ResponseEntity<byte[]> evaluationPdf(@RequestParam(required = false) String municipality,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @AuthenticationPrincipal CurrentUser user) {
        String html = evaluationHtml(user, municipality, from, to);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evaluering-" + from + "-" + to + ".pdf\"")
                .body(pdf(html));
    }

    @GetMapping("/shifts.csv")
    ResponseEntity<String> shiftsCsv(@RequestParam(required = false) String month,
            @RequestParam(required = false) String totalShifts, @RequestParam(required = false) String basis,
            @AuthenticationPrincipal CurrentUser user) {
        access.requireManager(user);
        if (properties.sharedCenter().stream().noneMatch(user::canAccess)) {
            throw new dk.borgerflow.security.AccessRefused("Not a member of the shared contact center");
        }
        YearMonth m = ReportParameters.month(month);
        long total = ReportParameters.positive("totalShifts", totalShifts, 10_000, 10L);
        ShiftPlan plan = shifts.plan(m, total, basis == null ? "population" : basis, properties.yearlyCost());
        return ResponseEntity.ok().contentType(ReportsController.CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"vagtplan-" + m + ".csv\"")
                .body(ReportCsv.shifts(plan));
    }

    /** The evaluation of {@code from..to} against the period of the same length before it. */
    String evaluationHtml(CurrentUser user, String municipality, String fromText, String toText) {
        List<String> scope = access.municipalities(user, municipality);
        LocalDate from = ReportParameters.date("from", fromText);
        LocalDate to = ReportParameters.date("to", toText);
        ReportParameters.range(from, to);
        boolean wholeMonths = from.getDayOfMonth() == 1 && to.equals(YearMonth.from(to).atEndOfMonth());
        long monthCount = wholeMonths ? YearMonth.from(from).until(YearMonth.from(to), java.time.temporal.ChronoUnit.MONTHS) + 1 : 0;
        LocalDate prevFrom = wholeMonths ? from.minusMonths(monthCount) : from.minusDays(to.toEpochDay() - from.toEpochDay() + 1);
        LocalDate prevTo = from.minusDays(1);
        Kpis now = kpis.kpis(scope, from, to, "month", properties.repeatWindow());
        Kpis before = kpis.kpis(scope, prevFrom, prevTo, "month", properties.repeatWindow());
        List<Figure> figures = new ArrayList<>();
        Kpis.Figures a = before.total();
        Kpis.Figures b = now.total();
        figures.add(count("Henvendelser", a.volume(), b.volume()));
        figures.add(pct("Andel af det fælles kontaktcenter", a.sharePercent(), b.sharePercent()));
        figures.add(pct("Løst ved første kontakt (mål " + properties.fcrTargetPercent() + " %)", a.fcrPercent(),
                b.fcrPercent()));
        figures.add(count("Gentagne henvendelser (samme borger og emne inden for " + now.repeatWindowDays()
                + " dage)", a.repeatContacts(), b.repeatContacts()));
        figures.add(pct("Frister overholdt", a.deadlinesMetPercent(), b.deadlinesMetPercent()));
        figures.add(count("Eskaleringer", sum(a.escalations()), sum(b.escalations())));
        figures.add(hours("Behandlingstid, median (arbejdstimer)", a.handlingTime().workingMedianHours(),
                b.handlingTime().workingMedianHours()));
        figures.add(hours("Behandlingstid, 90 %-fraktil (arbejdstimer)", a.handlingTime().workingP90Hours(),
                b.handlingTime().workingP90Hours()));
        figures.add(pct("Guidet til digital selvbetjening", a.guidedToSelfServicePercent(),
                b.guidedToSelfServicePercent()));
        figures.add(pct("Kataloget havde svaret (af guidede til selvbetjening)", a.catalogueHadAnswerPercent(),
                b.catalogueHadAnswerPercent()));
        figures.add(pct("Fritaget for Digital Post", a.digitallyExemptPercent(), b.digitallyExemptPercent()));
        figures.add(pct("75 år eller derover", a.aged75PlusPercent(), b.aged75PlusPercent()));
        figures.add(pct("Behov for tolk", a.interpreterPercent(), b.interpreterPercent()));
        figures.add(pct("Høringssvar rettidigt", before.consultations().inTimePercent(),
                now.consultations().inTimePercent()));
        List<Figure> channels = new ArrayList<>();
        Map<String, List<? extends Number>> channelSeries = new LinkedHashMap<>();
        List<Double> prevShares = new ArrayList<>();
        List<Double> nowShares = new ArrayList<>();
        for (String category : KpiService.CHANNEL_CATEGORIES.values()) {
            Double p = KpiService.percent(a.channelMix().getOrDefault(category, 0L), a.volume());
            Double q = KpiService.percent(b.channelMix().getOrDefault(category, 0L), b.volume());
            channels.add(pct(category, p, q));
            prevShares.add(p);
            nowShares.add(q);
        }
        channelSeries.put("Forrige periode", prevShares);
        channelSeries.put("Perioden", nowShares);
        YearMonth firstMonth = YearMonth.from(prevFrom);
        YearMonth lastMonth = YearMonth.from(to);
        List<String> keys = monthKeys(firstMonth, lastMonth);
        List<String> labels = monthLabels(firstMonth, lastMonth);
        Map<String, Kpis.Figures> byMonth = new LinkedHashMap<>();
        before.groups().forEach(g -> byMonth.put(g.key(), g));
        now.groups().forEach(g -> byMonth.merge(g.key(), g, (x, y) -> y));
        Context c = new Context(DANISH);
        c.setVariable("scope", scopeName(scope));
        c.setVariable("period", danish(from) + " – " + danish(to));
        c.setVariable("previous", danish(prevFrom) + " – " + danish(prevTo));
        c.setVariable("figures", figures);
        c.setVariable("channels", channels);
        c.setVariable("volumeChart", charts.bars("Henvendelser pr. måned", "henvendelser", labels,
                Map.of("Henvendelser", values(keys, byMonth, f -> (double) f.volume())), false));
        Map<String, List<Double>> fcr = new LinkedHashMap<>();
        fcr.put("Løst ved første kontakt (FCR)", values(keys, byMonth, Kpis.Figures::fcrPercent));
        c.setVariable("fcrChart", charts.lines("Løst ved første kontakt mod målet", "%", labels, fcr,
                (double) properties.fcrTargetPercent(), "Mål " + properties.fcrTargetPercent() + " %"));
        c.setVariable("shareChart", charts.lines("Andel af det fælles kontaktcenter", "%", labels,
                shares(scope, firstMonth, lastMonth, keys), null, null));
        c.setVariable("channelChart", charts.bars("Kanalfordeling", "% af henvendelserne",
                new ArrayList<>(KpiService.CHANNEL_CATEGORIES.values()), channelSeries, false));
        return templates.process("reports/evaluation", c);
    }

    /** Each municipality's monthly share of the shared center (all of them when the scope is the center). */
    private Map<String, List<Double>> shares(List<String> scope, YearMonth first, YearMonth last, List<String> keys) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        jdbc.query("select municipality, received_day, count(*) from report_inquiry where municipality in (:m)"
                + " and received_day between :from and :to group by municipality, received_day",
                new MapSqlParameterSource("m", properties.sharedCenter())
                        .addValue("from", Date.valueOf(first.atDay(1))).addValue("to", Date.valueOf(last.atEndOfMonth())),
                rs -> {
                    String month = rs.getDate(2).toLocalDate().toString().substring(0, 7);
                    long n = rs.getLong(3);
                    counts.computeIfAbsent(rs.getString(1), x -> new LinkedHashMap<>()).merge(month, n, Long::sum);
                    totals.merge(month, n, Long::sum);
                });
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (String m : scope) {
            if (!properties.sharedCenter().contains(m)) {
                continue;
            }
            List<Double> values = new ArrayList<>();
            for (String k : keys) {
                Long t = totals.get(k);
                values.add(t == null ? null : KpiService.percent(counts.getOrDefault(m, Map.of()).getOrDefault(k, 0L), t));
            }
            series.put(catalogue.municipality(m).map(Municipality::name).orElse(m).replace(" Kommune", ""), values);
        }
        return series;
    }

    private List<Option> options(CurrentUser user, String selected) {
        List<Option> options = new ArrayList<>();
        for (Municipality m : catalogue.municipalities()) {
            if (user.canAccess(m.slug())) {
                options.add(new Option(m.slug(), m.name(), m.slug().equals(selected)));
            }
        }
        return options;
    }

    private String scopeName(List<String> scope) {
        if (scope.size() == 1) {
            return catalogue.municipality(scope.get(0)).map(Municipality::name).orElse(scope.get(0));
        }
        return scope.containsAll(properties.sharedCenter()) && scope.size() == properties.sharedCenter().size()
                ? "Det fælles kontaktcenter (" + scope.size() + " kommuner)" : scope.size() + " kommuner";
    }

    private static List<Double> values(List<String> keys, Map<String, Kpis.Figures> byMonth,
            java.util.function.Function<Kpis.Figures, Double> f) {
        List<Double> values = new ArrayList<>();
        for (String k : keys) {
            Kpis.Figures g = byMonth.get(k);
            values.add(g == null ? null : f.apply(g));
        }
        return values;
    }

    static List<String> monthKeys(YearMonth first, YearMonth last) {
        List<String> keys = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            keys.add(m.toString());
        }
        return keys;
    }

    static List<String> monthLabels(YearMonth first, YearMonth last) {
        List<String> labels = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            labels.add(m.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, DANISH).replace(".", "") + " "
                    + m.getYear());
        }
        return labels;
    }

    static String monthLabel(YearMonth m) {
        return m.getMonth().getDisplayName(java.time.format.TextStyle.FULL, DANISH) + " " + m.getYear();
    }

    static String danish(LocalDate d) {
        return java.time.format.DateTimeFormatter.ofPattern("d. MMMM yyyy", DANISH).format(d);
    }

    private static long sum(Map<String, Long> values) {
        return values.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Figure count(String label, long previous, long current) {
        String change = previous == 0 ? "–" : String.format(DANISH, "%+.1f %%", (current - previous) * 100.0 / previous);
        return new Figure(label, String.format(DANISH, "%,d", previous), String.format(DANISH, "%,d", current), change);
    }

    private static Figure pct(String label, Double previous, Double current) {
        String change = previous == null || current == null ? "–"
                : String.format(DANISH, "%+.1f point", current - previous);
        return new Figure(label, previous == null ? "–" : String.format(DANISH, "%.1f %%", previous),
                current == null ? "–" : String.format(DANISH, "%.1f %%", current), change);
    }

    private static Figure hours(String label, Double previous, Double current) {
        String change = previous == null || current == null ? "–" : String.format(DANISH, "%+.1f t", current - previous);
        return new Figure(label, previous == null ? "–" : String.format(DANISH, "%.1f t", previous),
                current == null ? "–" : String.format(DANISH, "%.1f t", current), change);
    }

    private static String link(String path, String... params) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        for (int i = 0; i + 1 < params.length; i += 2) {
            if (params[i + 1] != null && !params[i + 1].isBlank()) {
                b.queryParam(params[i], params[i + 1]);
            }
        }
        return b.build().encode().toUriString();
    }

    byte[] pdf(String html) {
        return documents.pdf(html);
    }

    /** The zone the dashboard's months are counted in. */
    static final class ReportFixturesClock {
        static final java.time.ZoneId ZONE = java.time.ZoneId.of("Europe/Copenhagen");

        private ReportFixturesClock() {
        }
    }
}
