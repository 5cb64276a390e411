package dk.borgerflow.deadline;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Public holidays from jollyday (Denmark for DK, Sweden for SE), cached per country and year: the
 * hot path of deadline arithmetic is one hash lookup a day.
 */
public final class PublicHolidays {

    private static final Map<String, HolidayCalendar> CALENDARS = Map.of(
            "DK", HolidayCalendar.DENMARK, "SE", HolidayCalendar.SWEDEN);

    /** jollyday has no Danish texts; these are the names Danish users know. */
    private static final Map<String, String> DANISH_NAMES = Map.ofEntries(
            Map.entry("NEW_YEAR", "Nytårsdag"),
            Map.entry("christian.MAUNDY_THURSDAY", "Skærtorsdag"),
            Map.entry("christian.GOOD_FRIDAY", "Langfredag"),
            Map.entry("christian.EASTER", "Påskedag"),
            Map.entry("christian.EASTER_MONDAY", "2. påskedag"),
            Map.entry("christian.GENERAL_PRAYER_DAY", "Store bededag"),
            Map.entry("christian.ASCENSION_DAY", "Kristi himmelfartsdag"),
            Map.entry("christian.PENTECOST", "Pinsedag"),
            Map.entry("christian.WHIT_MONDAY", "2. pinsedag"),
            Map.entry("FIRST_CHRISTMAS_DAY", "Juledag"),
            Map.entry("SECOND_CHRISTMAS_DAY", "2. juledag"));

    private final Map<String, HolidayManager> managers = new ConcurrentHashMap<>();
    private final Map<String, Map<LocalDate, String>> byCountryAndYear = new ConcurrentHashMap<>();

    public boolean isHoliday(String country, LocalDate date) {
        return holidays(country, date.getYear()).containsKey(date);
    }

    /** The holidays of a year with their local names, in date order. */
    public Map<LocalDate, String> holidays(String country, int year) {
        return byCountryAndYear.computeIfAbsent(country + ':' + year, key -> load(country, year));
    }

    public static Set<String> supportedCountries() {
        return CALENDARS.keySet();
    }

    private Map<LocalDate, String> load(String country, int year) {
        HolidayCalendar calendar = CALENDARS.get(country);
        if (calendar == null) {
            throw new IllegalArgumentException("no public-holiday calendar for country " + country);
        }
        HolidayManager manager = managers.computeIfAbsent(country,
                c -> HolidayManager.getInstance(ManagerParameters.create(calendar)));
        return Collections.unmodifiableMap(manager.getHolidays(Year.of(year)).stream()
                .collect(Collectors.toMap(h -> h.getDate(), h -> name(country, h), (a, b) -> a + " / " + b,
                        TreeMap::new)));
    }

    private static String name(String country, Holiday holiday) {
        if ("DK".equals(country)) {
            return DANISH_NAMES.getOrDefault(holiday.getPropertiesKey(), holiday.getDescription());
        }
        return holiday.getDescription(Locale.forLanguageTag("sv"));
    }
}
