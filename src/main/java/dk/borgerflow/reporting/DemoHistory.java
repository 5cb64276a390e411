package dk.borgerflow.reporting;

import dk.borgerflow.deadline.WorkingCalendar;
import dk.borgerflow.deadline.WorkingTime;
import dk.borgerflow.municipality.Municipality;
import dk.borgerflow.municipality.MunicipalityCatalogue;
import dk.borgerflow.municipality.Tier;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Writes made-up history straight into the read model, in bulk: {@code count} inquiries over the
 * {@code months} before {@code lastMonth} for the shared center's members, with seasonality (more in
 * January and August, fewer in July and December), channel shift (phone and letters giving way to
 * web and Digital Post), a member whose share grows (Slagelse), repeat contacts, escalations and
 * deadlines in working time. Rows get ids starting {@code hist-}, so {@link #remove()} finds them;
 * they have no inquiry behind them (a rebuild drops them). Deterministic for a seed.
 */
@Service
public class DemoHistory {

    static final String PREFIX = "hist-";
    private static final int BATCH = 2_000;
    private static final double[] SEASON = {1.25, 1.1, 1.05, 1.0, 0.95, 0.95, 0.6, 1.15, 1.1, 1.05, 1.0, 0.8};
    private static final String[] TOPICS = {"housing-benefit", "moving", "passport", "pension", "elderly-care",
        "disability-aid", "child-benefit", "waste", "parking", "tax"};

    private final JdbcTemplate jdbc;
    private final MunicipalityCatalogue catalogue;
    private final WorkingTime workingTime;
    private final ReportingProperties properties;

    DemoHistory(JdbcTemplate jdbc, MunicipalityCatalogue catalogue, WorkingTime workingTime,
            ReportingProperties properties) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.workingTime = workingTime;
        this.properties = properties;
    }

    /** Removes the generated history. */
    public int remove() {
        jdbc.update("delete from report_escalation where inquiry_id like ?", PREFIX + "%");
        return jdbc.update("delete from report_inquiry where id like ?", PREFIX + "%");
    }

    /** Generates {@code count} inquiries; {@code progress} hears the running count after each batch. */
    public int generate(int count, int months, YearMonth lastMonth, long seed, IntConsumer progress) {
        remove();
        List<Municipality> members = properties.sharedCenter().stream().map(catalogue::municipality)
                .flatMap(java.util.Optional::stream).toList();
        YearMonth first = lastMonth.minusMonths(months - 1L);
        // weight of each (month, member): population × season × (Slagelse joins slowly and grows)
        double[][] weight = new double[months][members.size()];
        double sum = 0;
        for (int mo = 0; mo < months; mo++) {
            YearMonth ym = first.plusMonths(mo);
            for (int i = 0; i < members.size(); i++) {
                Municipality m = members.get(i);
                double growth = m.slug().equals("slagelse") ? 0.25 + 1.5 * mo / Math.max(1, months - 1) : 1.0;
                weight[mo][i] = m.population() * SEASON[ym.getMonthValue() - 1] * growth;
                sum += weight[mo][i];
            }
        }
        Map<String, WorkingCalendar> calendars = new HashMap<>();
        SplittableRandom random = new SplittableRandom(seed);
        List<Object[]> rows = new ArrayList<>(BATCH);
        List<Object[]> escalations = new ArrayList<>();
        int written = 0;
        int serial = 0;
        Map<String, List<Repeat>> pending = new HashMap<>();
        for (int mo = 0; mo < months; mo++) {
            YearMonth ym = first.plusMonths(mo);
            double shift = months == 1 ? 0 : (double) mo / (months - 1); // 0 .. 1 over the period
            for (int i = 0; i < members.size(); i++) {
                Municipality m = members.get(i);
                int n = (int) Math.round(count * weight[mo][i] / sum);
                WorkingCalendar calendar = calendars.computeIfAbsent(m.slug(),
                        s -> workingTime.calendar(s, Tier.CONTACT_CENTER));
                ZoneId zone = calendar.zone();
                List<Repeat> repeats = pending.computeIfAbsent(ym + m.slug(), x -> new ArrayList<>());
                // the fresh inquiries first, then the citizens coming back this month (the list grows meanwhile)
                for (int k = 0; k < n + repeats.size(); k++) {
                    Repeat repeat = k >= n ? repeats.get(k - n) : null;
                    Object[][] made = inquiry(m.slug(), ym, zone, calendar, shift, random, serial++, repeat);
                    Instant next = (Instant) made[0][NEXT_AT];
                    if (next != null) {
                        pending.computeIfAbsent(YearMonth.from(next.atZone(zone)) + m.slug(), x -> new ArrayList<>())
                                .add(new Repeat((String) made[0][KEY], (String) made[0][TOPIC],
                                        (Instant) made[0][RECEIVED], next));
                    }
                    made[0][NEXT_AT] = ReadModel.ts(next);
                    made[0][RECEIVED] = ReadModel.ts((Instant) made[0][RECEIVED]);
                    rows.add(made[0]);
                    for (int e = 1; e < made.length; e++) {
                        escalations.add(made[e]);
                    }
                    if (rows.size() == BATCH) {
                        written += flush(rows, escalations);
                        progress.accept(written);
                    }
                }
                pending.remove(ym + m.slug());
            }
        }
        written += flush(rows, escalations);
        progress.accept(written);
        return written;
    }

    /** A citizen who comes back about the same topic on {@code at}. */
    private record Repeat(String key, String topic, Instant previous, Instant at) {
    }

    private static final int RECEIVED = 4;
    private static final int TOPIC = 3;
    private static final int KEY = 21;
    private static final int NEXT_AT = 23;

    private Object[][] inquiry(String municipality, YearMonth month, ZoneId zone, WorkingCalendar calendar,
            double shift, SplittableRandom random, int serial, Repeat repeat) {
        LocalDate day = repeat != null ? LocalDate.ofInstant(repeat.at(), zone)
                : month.atDay(1 + random.nextInt(month.lengthOfMonth()));
        if (repeat == null && !calendar.isWorkingDay(day) && random.nextDouble() < 0.7) {
            day = day.plusDays(day.getDayOfWeek().getValue() == 6 ? 2 : 1);
            if (!YearMonth.from(day).equals(month)) {
                day = month.atDay(1);
            }
        }
        Instant received = repeat != null ? repeat.at()
                : day.atTime(7 + random.nextInt(13), random.nextInt(60)).atZone(zone).toInstant();
        // channel shift: phone 45 % -> 30 %, web 20 % -> 38 %, letters 8 % -> 3 %
        double r = random.nextDouble();
        double phone = 0.45 - 0.15 * shift, web = 0.20 + 0.18 * shift, letter = 0.08 - 0.05 * shift;
        String channel = repeat != null ? "PHONE" : r < phone ? "PHONE" : r < phone + web ? "WEB" : r < phone + web + letter ? "LETTER"
                : r < phone + web + letter + 0.15 ? "DESK" : r < 0.98 ? "EMAIL" : "VIDEO";
        String topic = repeat != null ? repeat.topic() : TOPICS[random.nextInt(TOPICS.length)];
        boolean exempt = random.nextDouble() < 0.06;
        boolean elderly = random.nextDouble() < 0.12;
        boolean interpreter = random.nextDouble() < 0.03;
        String firstTier = channel.equals("WEB") && !exempt && !elderly ? "SELF_SERVICE"
                : channel.equals("DESK") ? "DESK" : "CONTACT_CENTER";
        // made-up pseudonyms; one in ten comes back about the same topic within six days (failure demand)
        String key = repeat != null ? repeat.key() : Long.toHexString(random.nextLong());
        Instant previous = repeat == null ? null : repeat.previous();
        Instant next = repeat == null && random.nextDouble() < 0.1
                ? received.plus(Duration.ofHours(2 + random.nextInt(6 * 24))) : null;
        boolean escalated = !firstTier.equals("SELF_SERVICE") && random.nextDouble() < 0.06;
        boolean open = month.equals(YearMonth.now(zone)) ? random.nextDouble() < 0.3 : random.nextDouble() < 0.002;
        String tier = escalated ? (firstTier.equals("CONTACT_CENTER") ? "DESK" : "SPECIALIST") : firstTier;
        if (!escalated && !firstTier.equals("SELF_SERVICE") && random.nextDouble() < 0.12) {
            tier = "SPECIALIST"; // handed over by a person, no deadline missed
        }
        Duration handling = Duration.ofMinutes(tier.equals("SELF_SERVICE") ? 0 : tier.equals("CONTACT_CENTER")
                ? 5 + random.nextInt(240) : tier.equals("DESK") ? 120 + random.nextInt(3 * 24 * 60)
                : 24 * 60 + random.nextInt(12 * 24 * 60));
        Instant resolved = open ? null : received.plus(handling);
        boolean atFirstTier = !open && !escalated && tier.equals(firstTier) && random.nextDouble() < 0.9;
        String outcome = open ? null : firstTier.equals("SELF_SERVICE") ? "RESOLVED_BY_SELF_SERVICE"
                : tier.equals("CONTACT_CENTER") && random.nextDouble() < 0.1 ? "SELF_SERVICE" : "RESOLVED";
        Boolean deadlineMet = escalated ? Boolean.FALSE : open || firstTier.equals("SELF_SERVICE") ? null
                : random.nextDouble() < 0.93;
        Long clock = resolved == null ? null : handling.toSeconds();
        Long working = resolved == null ? null : calendar.between(received, resolved).toSeconds();
        int warnings = escalated || random.nextDouble() < 0.05 ? 1 : 0;
        String id = PREFIX + municipality + "-" + serial;
        Object[] row = {id, municipality, channel, topic, received, Date.valueOf(day),
            open ? "OPEN" : "CLOSED", outcome, firstTier, tier, ReadModel.ts(resolved), ReadModel.ts(resolved),
            atFirstTier, deadlineMet, clock, working, warnings, escalated ? 1 : 0, exempt, elderly, interpreter, key,
            ReadModel.ts(previous), next};
        if (!escalated) {
            return new Object[][] {row};
        }
        Object[] escalation = {id, municipality, Date.valueOf(day), ReadModel.ts(received.plus(handling.dividedBy(2))),
            firstTier, tier};
        return new Object[][] {row, escalation};
    }

    private int flush(List<Object[]> rows, List<Object[]> escalations) {
        if (rows.isEmpty()) {
            return 0;
        }
        jdbc.batchUpdate("""
                insert into report_inquiry (id, source_version, municipality, channel, topic, received_at, received_day,
                  status, outcome, first_tier, tier, resolved_at, closed_at, resolved_at_first_tier, deadline_met,
                  handling_seconds, handling_working_seconds, warnings, escalations, digitally_exempt, aged_75_plus,
                  needs_interpreter, citizen_key, prev_contact_at, next_contact_at)
                values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        if (!escalations.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into report_escalation (inquiry_id, position, municipality, received_day, at, from_tier, to_tier)
                    values (?, 0, ?, ?, ?, ?, ?)""", escalations);
        }
        int n = rows.size();
        rows.clear();
        escalations.clear();
        return n;
    }
}
