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
        String keyExpr = keyExpression(groupBy, "");
        Map<String, Aggregate> aggregates = keyExpr == null ? new TreeMap<>()
                : aggregates(municipalities, from, to, groupBy, repeatWindow);
        Aggregate all = aggregates(municipalities, from, to, "none", repeatWindow).get("alle");
        boolean wholeCenter = properties.sharedCenter().containsAll(municipalities)
                && municipalities.containsAll(properties.sharedCenter());
        Map<String, Long> shareBase;
        if (wholeCenter) { // the report is the whole center: its own rows are the base, no second scan
            shareBase = new HashMap<>();
            if (groupBy.equals("municipality")) {
                municipalities.forEach(m -> shareBase.put(m, all.volume));
            } else {
                aggregates.forEach((k, a) -> shareBase.put(k, a.volume));
            }
        } else {
            shareBase = shareBase(municipalities, from, to, groupBy);
        }
        List<Kpis.Figures> groups = new ArrayList<>();
        aggregates.forEach((k, a) -> groups.add(a.figures(shareBase == null ? null : shareBase.get(k))));
        Long totalBase = shareBase == null ? null : wholeCenter ? (Long) all.volume
                : groupBy.equals("municipality") ? sharedCenterVolume(from, to)
                : (Long) shareBase.values().stream().mapToLong(Long::longValue).sum();
        Kpis.Figures total = all.figures(totalBase);
        return new Kpis(municipalities, from, to, groupBy, repeatWindow.toDays(), properties.fcrTargetPercent(), total,
                groups, backlog(municipalities, from, to), consultations(municipalities, from, to));
    }

    private static final String ANSWERED = "(%1$sstatus <> 'OPEN' and coalesce(%1$soutcome, '') <> 'CANCELLED')";
    private static final String GUIDED = "outcome in ('SELF_SERVICE', 'RESOLVED_BY_SELF_SERVICE')";
    private static final String TIMED = "(" + ANSWERED + " and %1$shandling_seconds is not null)";

    /**
     * The figures per group key, computed by the database: one aggregate query, plus the channel mix,
     * the resolutions per tier and the escalations grouped by key (no row leaves the database).
     */
    private Map<String, Aggregate> aggregates(List<String> municipalities, LocalDate from, LocalDate to,
            String groupBy, Duration window) {
        String key = keyExpression(groupBy, "");
        String select = key == null ? "'alle'" : key;
        String group = key == null ? "" : " group by " + key;
        String answered = ANSWERED.formatted("");
        String timed = TIMED.formatted("");
        MapSqlParameterSource p = params(municipalities, from, to).addValue("w", window.toSeconds());
        String where = " from report_inquiry where municipality in (:m) and received_day between :from and :to";
        Map<String, Aggregate> result = new TreeMap<>();
        jdbc.query("select " + select + ", count(*)"
                + ", sum(case when " + answered + " then 1 else 0 end)"
                + ", sum(case when " + answered + " and resolved_at_first_tier and (next_contact_at is null"
                + " or extract(epoch from (next_contact_at - received_at)) > :w) then 1 else 0 end)"
                + ", sum(case when prev_contact_at is not null"
                + " and extract(epoch from (received_at - prev_contact_at)) <= :w then 1 else 0 end)"
                + ", sum(case when " + GUIDED + " then 1 else 0 end)"
                + ", sum(case when deadline_met is not null then 1 else 0 end)"
                + ", sum(case when deadline_met then 1 else 0 end)"
                + ", sum(warnings)"
                + ", sum(case when digitally_exempt then 1 else 0 end)"
                + ", sum(case when aged_75_plus then 1 else 0 end)"
                + ", sum(case when needs_interpreter then 1 else 0 end)"
                + ", sum(case when " + timed + " then 1 else 0 end)"
                + ", percentile_disc(0.5) within group (order by case when " + timed + " then handling_seconds end)"
                + ", percentile_disc(0.9) within group (order by case when " + timed + " then handling_seconds end)"
                + ", percentile_disc(0.5) within group (order by case when " + timed
                + " then handling_working_seconds end)"
                + ", percentile_disc(0.9) within group (order by case when " + timed
                + " then handling_working_seconds end)"
                + ", sum(case when " + GUIDED + " and catalogue_had_answer is not null then 1 else 0 end)"
                + ", sum(case when " + GUIDED + " and catalogue_had_answer then 1 else 0 end)"
                + channelAndTierSums(answered)
                + where + group, p, rs -> {
                    String k = keyOf(groupBy, rs.getObject(1));
                    Aggregate a = new Aggregate(k);
                    a.volume = rs.getLong(2);
                    a.eligible = rs.getLong(3);
                    a.fcr = rs.getLong(4);
                    a.repeats = rs.getLong(5);
                    a.guided = rs.getLong(6);
                    a.decided = rs.getLong(7);
                    a.met = rs.getLong(8);
                    a.warnings = rs.getLong(9);
                    a.exempt = rs.getLong(10);
                    a.elderly = rs.getLong(11);
                    a.interpreter = rs.getLong(12);
                    a.timed = rs.getLong(13);
                    a.clockMedian = longOrNull(rs, 14);
                    a.clockP90 = longOrNull(rs, 15);
                    a.workingMedian = longOrNull(rs, 16);
                    a.workingP90 = longOrNull(rs, 17);
                    a.catalogueAsked = rs.getLong(18);
                    a.catalogueHad = rs.getLong(19);
                    int column = 20;
                    for (Map.Entry<String, String> c : CHANNEL_CATEGORIES.entrySet()) {
                        a.channels.put(c.getValue(), rs.getLong(column++));
                    }
                    for (String tier : TIERS) {
                        a.perTier.put(tier, rs.getLong(column++));
                    }
                    if (a.volume > 0 || key == null) { // the total is there even when empty
                        result.merge(k, a, Aggregate::plus);
                    }
                });
        String iKey = keyExpression(groupBy, "i.");
        jdbc.query("select " + (iKey == null ? "'alle'" : iKey) + ", e.from_tier, e.to_tier, count(*)"
                + " from report_escalation e join report_inquiry i on i.id = e.inquiry_id"
                + " where e.municipality in (:m) and e.received_day between :from and :to"
                + " group by " + (iKey == null ? "" : iKey + ", ") + "e.from_tier, e.to_tier", p, rs -> {
                    Aggregate a = result.get(keyOf(groupBy, rs.getObject(1)));
                    if (a != null) {
                        a.escalated.merge(rs.getString(2) + "→" + rs.getString(3), rs.getLong(4), Long::sum);
                    }
                });
        return result;
    }

    /** The channel mix (every channel of the enum) and the answered inquiries per tier, as sums of the scan. */
    private static String channelAndTierSums(String answered) {
        StringBuilder sql = new StringBuilder();
        CHANNEL_CATEGORIES.keySet().forEach(c -> sql.append(", sum(case when channel = '").append(c)
                .append("' then 1 else 0 end)"));
        TIERS.forEach(t -> sql.append(", sum(case when ").append(answered).append(" and tier = '").append(t)
                .append("' then 1 else 0 end)"));
        return sql.toString();
    }

    /** The SQL expression of a grouping's key ({@code null}: no grouping). */
    private String keyExpression(String groupBy, String alias) {
        return switch (groupBy) {
            case "day" -> alias + "received_day";
            case "week" -> postgres() ? "(extract(isoyear from " + alias + "received_day) * 100 + extract(week from "
                    + alias + "received_day))" : "(iso_year(" + alias + "received_day) * 100 + iso_week(" + alias
                    + "received_day))";
            case "month" -> "(extract(year from " + alias + "received_day) * 100 + extract(month from " + alias
                    + "received_day))";
            case "municipality" -> alias + "municipality";
            case "channel" -> alias + "channel";
            case "tier" -> alias + "first_tier";
            case "topic" -> alias + "topic";
            default -> null;
        };
    }

    /** The group key as the report shows it, from the value of {@link #keyExpression}. */
    private static String keyOf(String groupBy, Object value) {
        return switch (groupBy) {
            case "day" -> value instanceof java.sql.Date d ? d.toLocalDate().toString()
                    : value instanceof LocalDate d ? d.toString() : String.valueOf(value);
            case "week" -> {
                long v = ((Number) value).longValue();
                yield String.format(Locale.ROOT, "%d-W%02d", v / 100, v % 100);
            }
            case "month" -> {
                long v = ((Number) value).longValue();
                yield String.format(Locale.ROOT, "%d-%02d", v / 100, v % 100);
            }
            case "channel" -> CHANNEL_CATEGORIES.getOrDefault((String) value, (String) value);
            case "municipality", "tier", "topic" -> (String) value;
            default -> "alle";
        };
    }

    private volatile Boolean postgres;

    private boolean postgres() {
        if (postgres == null) {
            postgres = Boolean.TRUE.equals(jdbc.getJdbcTemplate().execute((java.sql.Connection c) ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
        }
        return postgres;
    }

    /** One group's sums as the database answered them. */
    private final class Aggregate {
        final String key;
        long volume, eligible, fcr, repeats, guided, decided, met, warnings, exempt, elderly, interpreter, timed;
        long catalogueAsked, catalogueHad;
        Long clockMedian, clockP90, workingMedian, workingP90;
        final Map<String, Long> channels = new LinkedHashMap<>();
        final Map<String, Long> perTier = new LinkedHashMap<>();
        final Map<String, Long> escalated = new TreeMap<>();

        Aggregate(String key) {
            this.key = key;
            CHANNEL_CATEGORIES.values().forEach(c -> channels.put(c, 0L));
            TIERS.forEach(t -> perTier.put(t, 0L));
        }

        /** Two SQL groups with the same report key (cannot happen: every key expression is one-to-one). */
        Aggregate plus(Aggregate other) {
            throw new IllegalStateException("two groups with the key " + key);
        }

        Kpis.Figures figures(Long shareBase) {
            Double fcrPercent = percent(fcr, eligible);
            return new Kpis.Figures(key, volume, shareBase == null ? null : percent(volume, shareBase), channels,
                    eligible, fcr, fcrPercent, fcrPercent == null ? null
                            : fcrPercent >= properties.fcrTargetPercent(), repeats, perTier, guided,
                    percent(guided, volume), decided, met, percent(met, decided), warnings, escalated,
                    new Kpis.HandlingTime(timed, hours(clockMedian), hours(clockP90), hours(workingMedian),
                            hours(workingP90)),
                    percent(exempt, volume), percent(elderly, volume), percent(interpreter, volume),
                    catalogueAsked, catalogueHad, percent(catalogueHad, catalogueAsked));
        }
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

    /** The inquiries of the period still open, by age now (whole days since receipt, as ChronoUnit.DAYS). */
    private List<Kpis.Backlog> backlog(List<String> municipalities, LocalDate from, LocalDate to) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        long[] limits = {2, 6, 11, 21}; // received after now minus this many days: in the bucket or a younger one
        MapSqlParameterSource p = params(municipalities, from, to);
        StringBuilder sql = new StringBuilder("select");
        for (int i = 0; i < limits.length; i++) {
            p.addValue("t" + i, ReadModel.ts(now.minus(Duration.ofDays(limits[i]))));
            sql.append(" sum(case when received_at > :t").append(i).append(" then 1 else 0 end),");
        }
        sql.append(" count(*) from report_inquiry where municipality in (:m) and received_day between :from and :to"
                + " and status = 'OPEN'");
        long[] cumulative = new long[BACKLOG_BUCKETS.length];
        jdbc.query(sql.toString(), p, rs -> {
            for (int i = 0; i < cumulative.length; i++) {
                cumulative[i] = rs.getLong(i + 1);
            }
        });
        List<Kpis.Backlog> backlog = new ArrayList<>();
        for (int i = 0; i < cumulative.length; i++) {
            backlog.add(new Kpis.Backlog(BACKLOG_BUCKETS[i], cumulative[i] - (i == 0 ? 0 : cumulative[i - 1])));
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
