package dk.borgerflow.deadline;

import dk.borgerflow.municipality.MunicipalityCatalogue;
import dk.borgerflow.municipality.Tier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The working-time calendar of every municipality: its time zone and country (from the
 * municipality catalogue), public holidays of that country, closing days and opening hours per tier
 * (configuration, then admin overrides). Each municipality's calendars are built once and kept for
 * {@code borgerflow.calendars.cache-ttl} (an admin change on this node evicts at once).
 */
@Service
class BusinessTimeCalendar implements WorkingTime {

    /** Where a municipality is: its time zone and the country whose holidays apply. */
    record Site(ZoneId zone, String country) {
    }

    private record Calendars(Site site, Map<Tier, WorkingCalendar> byTier, Predicate<LocalDate> closed,
            long loadedAt) {
    }

    private final CalendarProperties properties;
    private final Function<String, Optional<Site>> sites;
    private final Function<String, CalendarOverrides> overrides;
    private final PublicHolidays holidays;
    private final LongSupplier nanoClock;
    private final Map<String, Calendars> cache = new ConcurrentHashMap<>();
    private final Calendars defaults;

    @Autowired
    BusinessTimeCalendar(CalendarProperties properties, MunicipalityCatalogue catalogue, CalendarOverrideStore store) {
        this(properties, slug -> catalogue.municipality(slug).map(m -> new Site(m.zone(), m.country())),
                store::overridesFor, new PublicHolidays(), System::nanoTime);
    }

    BusinessTimeCalendar(CalendarProperties properties, Function<String, Optional<Site>> sites,
            Function<String, CalendarOverrides> overrides, PublicHolidays holidays, LongSupplier nanoClock) {
        this.properties = properties;
        this.sites = sites;
        this.overrides = overrides;
        this.holidays = holidays;
        this.nanoClock = nanoClock;
        this.defaults = build(null, new Site(properties.defaults().zone(), properties.defaults().country()),
                CalendarOverrides.NONE);
    }

    @Override
    public Instant plus(String municipality, Tier tier, Instant from, String isoDuration) {
        return calendar(municipality, tier).plus(from, WorkingDuration.parse(isoDuration));
    }

    @Override
    public Instant plus(String municipality, Tier tier, Instant from, Duration openingTime) {
        return calendar(municipality, tier).plusOpeningTime(from, openingTime);
    }

    @Override
    public Duration between(String municipality, Tier tier, Instant from, Instant to) {
        return calendar(municipality, tier).between(from, to);
    }

    @Override
    public LocalDate workingDaysBefore(String municipality, LocalDate date, int days) {
        return calendar(municipality, Tier.CONTACT_CENTER).workingDaysBefore(date, days);
    }

    /** A working day is a day the municipality's contact center opens. */
    @Override
    public boolean isWorkingDay(String municipality, LocalDate date) {
        return calendar(municipality, Tier.CONTACT_CENTER).isWorkingDay(date);
    }

    @Override
    public ZoneId zone(String municipality) {
        return calendars(municipality).site().zone();
    }

    @Override
    public WorkingCalendar calendar(String municipality, Tier tier) {
        return calendars(municipality).byTier().get(tier == null ? Tier.CONTACT_CENTER : tier);
    }

    /** Whether the date is a public holiday or closing day of the municipality (any tier). */
    boolean isClosed(String municipality, LocalDate date) {
        return calendars(municipality).closed().test(date);
    }

    PublicHolidays holidays() {
        return holidays;
    }

    Site site(String municipality) {
        return calendars(municipality).site();
    }

    /** Forgets the municipality's calendars (after an admin change). */
    void evict(String municipality) {
        cache.remove(municipality);
    }

    private Calendars calendars(String municipality) {
        if (municipality == null) {
            return defaults;
        }
        Calendars cached = cache.get(municipality);
        long now = nanoClock.getAsLong();
        if (cached != null && now - cached.loadedAt() < properties.cacheTtl().toNanos()) {
            return cached;
        }
        Site site = sites.apply(municipality).orElseThrow(() -> new UnknownMunicipalityException(municipality));
        Calendars built = build(municipality, site, overrides.apply(municipality));
        cache.put(municipality, built);
        return built;
    }

    private Calendars build(String municipality, Site site, CalendarOverrides admin) {
        CalendarProperties.MunicipalityCalendar configured = municipality == null
                ? new CalendarProperties.MunicipalityCalendar(null, null) : properties.municipality(municipality);
        List<ClosingDay> closingDays = new ArrayList<>(properties.defaults().closingDays(site.country()));
        closingDays.addAll(configured.closingDays());
        closingDays.addAll(admin.closingDays());
        Set<MonthDay> yearly = new HashSet<>();
        Set<LocalDate> once = new HashSet<>();
        closingDays.forEach(d -> {
            if (d.isYearly()) {
                yearly.add(d.everyYear());
            } else {
                once.add(d.once());
            }
        });
        String country = site.country();
        Predicate<LocalDate> closed = date -> holidays.isHoliday(country, date) || once.contains(date)
                || (!yearly.isEmpty() && yearly.contains(MonthDay.from(date)));
        Map<Tier, WorkingCalendar> byTier = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            OpeningHours hours = admin.openingHours().getOrDefault(tier,
                    configured.openingHours().getOrDefault(tier, properties.defaults().openingHours().get(tier)));
            byTier.put(tier, new WorkingCalendar(site.zone(), hours, closed));
        }
        return new Calendars(site, byTier, closed, nanoClock.getAsLong());
    }

    /** Where an opening-hours setting of a municipality comes from. */
    String sourceOfHours(String municipality, Tier tier) {
        if (overrides.apply(municipality).openingHours().containsKey(tier)) {
            return "admin";
        }
        return properties.municipality(municipality).openingHours().containsKey(tier) ? "configuration" : "default";
    }
}
