package dk.borgerflow.deadline;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Weekly opening hours of one tier, at most one opening span a day, written the way a process
 * owner would: {@code "Mon-Fri 08:00-18:00"} or {@code "Mon-Thu 10:00-18:00, Fri 10:00-14:00"}
 * (Danish day names {@code man tir ons tor fre lør søn} work too). Days not listed are closed.
 */
public final class OpeningHours {

    /** One day's opening, {@code opens} inclusive, {@code closes} exclusive. */
    public record Span(LocalTime opens, LocalTime closes) {
    }

    private static final Pattern ENTRY = Pattern.compile(
            "\\s*(\\p{L}{3})(?:\\s*-\\s*(\\p{L}{3}))?\\s+(\\d{1,2}[:.]\\d{2})\\s*-\\s*(\\d{1,2}[:.]\\d{2})\\s*");
    private static final Map<String, DayOfWeek> DAY_NAMES = Map.ofEntries(
            Map.entry("mon", DayOfWeek.MONDAY), Map.entry("man", DayOfWeek.MONDAY),
            Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("tir", DayOfWeek.TUESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY), Map.entry("ons", DayOfWeek.WEDNESDAY),
            Map.entry("thu", DayOfWeek.THURSDAY), Map.entry("tor", DayOfWeek.THURSDAY),
            Map.entry("fri", DayOfWeek.FRIDAY), Map.entry("fre", DayOfWeek.FRIDAY),
            Map.entry("sat", DayOfWeek.SATURDAY), Map.entry("lør", DayOfWeek.SATURDAY),
            Map.entry("sun", DayOfWeek.SUNDAY), Map.entry("søn", DayOfWeek.SUNDAY));
    private static final String[] SHORT = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private final Span[] spans = new Span[7];
    private final String text;

    private OpeningHours(Map<DayOfWeek, Span> days) {
        days.forEach((day, span) -> spans[day.ordinal()] = span);
        this.text = format();
    }

    /** Parses the text form; throws {@link IllegalArgumentException} with a message for the user. */
    public static OpeningHours parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("must list opening hours, e.g. \"Mon-Fri 08:00-18:00\"");
        }
        Map<DayOfWeek, Span> days = new EnumMap<>(DayOfWeek.class);
        for (String entry : text.split("[,;]")) {
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches()) {
                throw new IllegalArgumentException("cannot read \"" + entry.trim()
                        + "\"; write e.g. \"Mon-Fri 08:00-18:00, Sat 10:00-13:00\"");
            }
            DayOfWeek first = day(m.group(1));
            DayOfWeek last = m.group(2) == null ? first : day(m.group(2));
            if (last.compareTo(first) < 0) {
                throw new IllegalArgumentException("day range " + m.group(1) + "-" + m.group(2) + " runs backwards");
            }
            Span span = new Span(time(m.group(3)), time(m.group(4)));
            if (!span.opens().isBefore(span.closes())) {
                throw new IllegalArgumentException("opens at " + span.opens() + " but closes at " + span.closes());
            }
            for (int d = first.ordinal(); d <= last.ordinal(); d++) {
                if (days.put(DayOfWeek.values()[d], span) != null) {
                    throw new IllegalArgumentException(SHORT[d] + " is listed twice");
                }
            }
        }
        return new OpeningHours(days);
    }

    /** For configuration binding: {@code borgerflow.calendars.defaults.opening-hours.desk: "Mon-Fri 10:00-18:00"}. */
    public static OpeningHours valueOf(String text) {
        return parse(text);
    }

    public Optional<Span> on(DayOfWeek day) {
        return Optional.ofNullable(spans[day.ordinal()]);
    }

    /** The span of the day or {@code null} when closed (the allocation-free form for the hot path). */
    Span spanOn(DayOfWeek day) {
        return spans[day.ordinal()];
    }

    public boolean opensOn(DayOfWeek day) {
        return spans[day.ordinal()] != null;
    }

    private static DayOfWeek day(String name) {
        DayOfWeek day = DAY_NAMES.get(name.toLowerCase(Locale.ROOT));
        if (day == null) {
            throw new IllegalArgumentException("unknown day \"" + name + "\"; use Mon Tue Wed Thu Fri Sat Sun");
        }
        return day;
    }

    private static LocalTime time(String text) {
        String t = text.replace('.', ':');
        try {
            return LocalTime.parse(t.length() == 4 ? "0" + t : t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a time of day (HH:mm)");
        }
    }

    private String format() {
        List<String> parts = new ArrayList<>();
        for (int d = 0; d < 7; ) {
            Span span = spans[d];
            if (span == null) {
                d++;
                continue;
            }
            int end = d;
            while (end + 1 < 7 && span.equals(spans[end + 1])) {
                end++;
            }
            parts.add((end == d ? SHORT[d] : SHORT[d] + "-" + SHORT[end]) + " " + span.opens() + "-" + span.closes());
            d = end + 1;
        }
        return String.join(", ", Collections.unmodifiableList(parts));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpeningHours other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The canonical text form, e.g. {@code "Mon-Fri 08:00-18:00"}. */
    @Override
    public String toString() {
        return text;
    }
}
