package dk.borgerflow.reporting;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Computes the KPIs from the read model (never from Camunda's tables). Definitions: docs/reports.md. */
@Service
class KpiService {

    /** groupBy values. */
    static final List<String> GROUPINGS = List.of("none", "day", "week", "month", "municipality", "channel", "tier",
            "topic");

    /** The channel categories Danish municipalities count, in their order. */
    static final Map<String, String> CHANNEL_CATEGORIES = categories();
    static final List<String> TIERS = List.of("SELF_SERVICE", "CONTACT_CENTER", "DESK", "SPECIALIST");

    private final NamedParameterJdbcTemplate jdbc;
    private final ReportingProperties properties;

    KpiService(NamedParameterJdbcTemplate jdbc, ReportingProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    private static Map<String, String> categories() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("WEB", "Web/selvbetjening");
        c.put("PHONE", "Telefon");
        c.put("DESK", "Personligt fremmøde");
        c.put("LETTER", "Brev");
        c.put("EMAIL", "E-mail/Digital Post");
        c.put("VIDEO", "Video");
        return c;
    }

    @Transactional(readOnly = true)
    Kpis kpis(List<String> municipalities, LocalDate from, LocalDate to, String groupBy, Duration repeatWindow) {
        List<ReportRow> rows = rows(municipalities, from, to);
        Map<String, List<String[]>> escalationsByKey = new HashMap<>();
        List<String[]> allEscalations = new ArrayList<>();
        Function<ReportRow, String> key = keyFunction(groupBy);
        for (Escalated e : escalations(municipalities, from, to)) {
            String[] fromTo = {e.fromTier(), e.toTier()};
            allEscalations.add(fromTo);
            escalationsByKey.computeIfAbsent(key.apply(e.row()), k -> new ArrayList<>()).add(fromTo);
        }
        boolean wholeCenter = properties.sharedCenter().containsAll(municipalities)
                && municipalities.containsAll(properties.sharedCenter());
        Map<String, Long> shareBase;
        if (wholeCenter) { // the report is the whole center: its own rows are the base, no second scan
            shareBase = new HashMap<>();
            if (groupBy.equals("municipality")) {
                municipalities.forEach(m -> shareBase.put(m, (long) rows.size()));
            } else {
                shareBase.putAll(counted(rows, key));
            }
        } else {
            shareBase = shareBase(municipalities, from, to, groupBy);
        }
        Map<String, List<ReportRow>> grouped = new TreeMap<>();
        for (ReportRow row : rows) {
            grouped.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row);
        }
        List<Kpis.Figures> groups = new ArrayList<>();
        grouped.forEach((k, groupRows) -> groups.add(figures(k, groupRows,
                escalationsByKey.getOrDefault(k, List.of()), repeatWindow,
                shareBase == null ? null : shareBase.get(k))));
        Long totalBase = shareBase == null ? null : wholeCenter ? (Long) (long) rows.size()
                : groupBy.equals("municipality") ? sharedCenterVolume(from, to)
                : (Long) shareBase.values().stream().mapToLong(Long::longValue).sum();
        Kpis.Figures total = figures("alle", rows, allEscalations, repeatWindow, totalBase);
        return new Kpis(municipalities, from, to, groupBy, repeatWindow.toDays(), properties.fcrTargetPercent(), total,
                groups, backlog(rows), consultations(municipalities, from, to));
    }

    private Kpis.Figures figures(String key, List<ReportRow> rows, List<String[]> escalations, Duration window,
            Long shareBase) {
        long volume = rows.size();
        Map<String, Long> channels = new LinkedHashMap<>();
        CHANNEL_CATEGORIES.values().forEach(c -> channels.put(c, 0L));
        Map<String, Long> perTier = new LinkedHashMap<>();
        TIERS.forEach(t -> perTier.put(t, 0L));
        long eligible = 0, fcr = 0, repeats = 0, guided = 0, decided = 0, met = 0, warnings = 0;
        long exempt = 0, elderly = 0, interpreter = 0;
        List<Long> clock = new ArrayList<>();
        List<Long> working = new ArrayList<>();
        for (ReportRow r : rows) {
            channels.merge(CHANNEL_CATEGORIES.getOrDefault(r.channel(), r.channel()), 1L, Long::sum);
            if (r.answered()) {
                eligible++;
                perTier.merge(r.tier(), 1L, Long::sum);
                boolean repeatedLater = r.nextContactAt() != null
                        && !r.nextContactAt().isAfter(r.receivedAt().plus(window));
                if (r.resolvedAtFirstTier() && !repeatedLater) {
                    fcr++;
                }
                if (r.handlingSeconds() != null) {
                    clock.add(r.handlingSeconds());
                    working.add(r.workingSeconds());
                }
            }
            if (r.prevContactAt() != null && !r.receivedAt().isAfter(r.prevContactAt().plus(window))) {
                repeats++;
            }
            if ("SELF_SERVICE".equals(r.outcome()) || "RESOLVED_BY_SELF_SERVICE".equals(r.outcome())) {
                guided++;
            }
            if (r.deadlineMet() != null) {
                decided++;
                if (r.deadlineMet()) {
                    met++;
                }
            }
            warnings += r.warnings();
            exempt += r.digitallyExempt() ? 1 : 0;
            elderly += r.aged75Plus() ? 1 : 0;
            interpreter += r.needsInterpreter() ? 1 : 0;
        }
        Map<String, Long> escalated = new TreeMap<>();
        for (String[] e : escalations) {
            escalated.merge(e[0] + "→" + e[1], 1L, Long::sum);
        }
        Double fcrPercent = percent(fcr, eligible);
        return new Kpis.Figures(key, volume, shareBase == null ? null : percent(volume, shareBase), channels, eligible,
                fcr, fcrPercent, fcrPercent == null ? null : fcrPercent >= properties.fcrTargetPercent(), repeats,
                perTier, guided, percent(guided, volume), decided, met, percent(met, decided), warnings, escalated,
                new Kpis.HandlingTime(clock.size(), hours(percentile(clock, 50)), hours(percentile(clock, 90)),
                        hours(percentile(working, 50)), hours(percentile(working, 90))),
                percent(exempt, volume), percent(elderly, volume), percent(interpreter, volume));
    }

    private static Map<String, Long> counted(List<ReportRow> rows, Function<ReportRow, String> key) {
        Map<String, Long> counts = new HashMap<>();
        for (ReportRow r : rows) {
            counts.merge(key.apply(r), 1L, Long::sum);
        }
        return counts;
    }

    /** Nearest-rank percentile: the smallest value with at least p % of the values at or below it. */
    static Long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return null;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }

    private static Double hours(Long seconds) {
        return seconds == null ? null : Math.round(seconds / 36.0) / 100.0;
    }

    static Function<ReportRow, String> keyFunction(String groupBy) {
        return switch (groupBy) {
            case "day" -> r -> r.day().toString();
            case "week" -> r -> String.format(Locale.ROOT, "%d-W%02d", r.day().get(IsoFields.WEEK_BASED_YEAR),
                    r.day().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "month" -> r -> r.day().toString().substring(0, 7);
            case "municipality" -> ReportRow::municipality;
            case "channel" -> r -> CHANNEL_CATEGORIES.getOrDefault(r.channel(), r.channel());
            case "tier" -> ReportRow::firstTier;
            case "topic" -> ReportRow::topic;
            default -> r -> "alle";
        };
    }

    private List<ReportRow> rows(List<String> municipalities, LocalDate from, LocalDate to) {
        return jdbc.query("""
                select municipality, channel, topic, received_at, received_day, status, outcome, first_tier, tier,
                  resolved_at_first_tier, deadline_met, handling_seconds, handling_working_seconds, warnings,
                  escalations, digitally_exempt, aged_75_plus, needs_interpreter, prev_contact_at, next_contact_at
                from report_inquiry where municipality in (:m) and received_day between :from and :to""",
                params(municipalities, from, to), (rs, i) -> new ReportRow(rs.getString(1), rs.getString(2),
                        rs.getString(3), instant(rs, 4), rs.getDate(5).toLocalDate(), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getBoolean(10),
                        (Boolean) rs.getObject(11), (Long) longOrNull(rs, 12), longOrNull(rs, 13), rs.getInt(14),
                        rs.getInt(15), rs.getBoolean(16), rs.getBoolean(17), rs.getBoolean(18), instant(rs, 19),
                        instant(rs, 20)));
    }

    private record Escalated(ReportRow row, String fromTier, String toTier) {
    }

    private List<Escalated> escalations(List<String> municipalities, LocalDate from, LocalDate to) {
        return jdbc.query("""
                select e.from_tier, e.to_tier, i.municipality, i.channel, i.topic, i.received_day, i.first_tier
                from report_escalation e join report_inquiry i on i.id = e.inquiry_id
                where e.municipality in (:m) and e.received_day between :from and :to""",
                params(municipalities, from, to), (rs, i) -> new Escalated(new ReportRow(rs.getString(3),
                        rs.getString(4), rs.getString(5), null, rs.getDate(6).toLocalDate(), null, null,
                        rs.getString(7), null, false, null, null, null, 0, 0, false, false, false, null, null),
                        rs.getString(1), rs.getString(2)));
    }

    /**
     * The shared center's volume per group key, when every municipality of the report is a member
     * (the base of "share of the shared center"); {@code null} otherwise.
     */
    private Map<String, Long> shareBase(List<String> municipalities, LocalDate from, LocalDate to, String groupBy) {
        List<String> members = properties.sharedCenter();
        if (!members.containsAll(municipalities)) {
            return null;
        }
        String column = switch (groupBy) {
            case "municipality" -> null;
            case "channel" -> "channel";
            case "tier" -> "first_tier";
            case "topic" -> "topic";
            default -> "received_day";
        };
        Map<String, Long> base = new HashMap<>();
        if (column == null) {
            long total = sharedCenterVolume(from, to);
            municipalities.forEach(m -> base.put(m, total));
            return base;
        }
        Function<ReportRow, String> key = keyFunction(groupBy);
        jdbc.query("select " + column + ", count(*) from report_inquiry where municipality in (:m)"
                + " and received_day between :from and :to group by " + column, params(members, from, to), rs -> {
                    String value = column.equals("received_day") ? rs.getDate(1).toLocalDate().toString()
                            : rs.getString(1);
                    ReportRow probe = new ReportRow(null, value, value, null, column.equals("received_day")
                            ? LocalDate.parse(value) : null, null, null, value, null, false, null, null, null, 0, 0,
                            false, false, false, null, null);
                    base.merge(key.apply(probe), rs.getLong(2), Long::sum);
                });
        return base;
    }

    private long sharedCenterVolume(LocalDate from, LocalDate to) {
        Long n = jdbc.queryForObject("select count(*) from report_inquiry where municipality in (:m)"
                + " and received_day between :from and :to", params(properties.sharedCenter(), from, to), Long.class);
        return n == null ? 0 : n;
    }

    static final String[] BACKLOG_BUCKETS = {"0-1 dage", "2-5 dage", "6-10 dage", "11-20 dage", "over 20 dage"};

    /** The inquiries of the period still open, by age now. */
    private List<Kpis.Backlog> backlog(List<ReportRow> rows) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        long[] counts = new long[BACKLOG_BUCKETS.length];
        for (ReportRow r : rows) {
            if ("OPEN".equals(r.status())) {
                long days = ChronoUnit.DAYS.between(r.receivedAt(), now);
                counts[days <= 1 ? 0 : days <= 5 ? 1 : days <= 10 ? 2 : days <= 20 ? 3 : 4]++;
            }
        }
        List<Kpis.Backlog> backlog = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            backlog.add(new Kpis.Backlog(BACKLOG_BUCKETS[i], counts[i]));
        }
        return backlog;
    }

    private Kpis.Consultations consultations(List<String> municipalities, LocalDate from, LocalDate to) {
        long[] c = new long[3];
        jdbc.query("select answered, in_time, count(*) from report_consultee where municipality in (:m)"
                + " and at_day between :from and :to group by answered, in_time", params(municipalities, from, to),
                rs -> {
                    boolean answered = rs.getBoolean(1);
                    boolean inTime = rs.getBoolean(2);
                    c[!answered ? 2 : inTime ? 0 : 1] += rs.getLong(3);
                });
        long due = Arrays.stream(c).sum();
        return new Kpis.Consultations(due, c[0], c[1], c[2], percent(c[0], due));
    }

    private static MapSqlParameterSource params(Collection<String> municipalities, LocalDate from, LocalDate to) {
        return new MapSqlParameterSource("m", municipalities).addValue("from", Date.valueOf(from))
                .addValue("to", Date.valueOf(to));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
