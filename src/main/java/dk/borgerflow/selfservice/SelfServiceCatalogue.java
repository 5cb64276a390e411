package dk.borgerflow.selfservice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.borgerflow.municipality.Municipality;
import dk.borgerflow.municipality.MunicipalityCatalogue;
import dk.borgerflow.municipality.Topic;
import dk.borgerflow.security.CprInText;
import dk.borgerflow.security.StorableText;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The self-service catalogue: for each municipality and topic the solutions a citizen can use
 * themselves. National solutions ({@code municipality} null) are shared by every municipality of
 * their country; a municipality's own solutions for a topic override the national ones of that topic.
 * Every change is versioned ({@link SolutionChange}: who, when, what) and raises the catalogue's
 * revision, from which every node rebuilds its search index ({@link SelfServiceSearch}).
 * <p>
 * Every intake asks for the link ({@link #linkFor}), so answers are reused for
 * {@code borgerflow.self-service.cache-ttl} (default one minute, like the calendars); a change on
 * this node evicts its entry when it commits, other nodes see it after at most the TTL.
 * <p>
 * Who may change what is the caller's check (the controller: editors of the municipality); this
 * class checks the input and that a solution belongs to the municipality named.
 */
@Service
public class SelfServiceCatalogue {

    /** Entries not reviewed for this long are flagged to the municipality's editors. */
    public static final Duration REVIEW_INTERVAL = Duration.ofDays(365);

    private record Cached(Optional<String> url, long loadedAtNanos) {
    }

    /** The link for a topic and where it comes from ({@code municipality}, {@code national} or {@code none}). */
    public record Entry(String topic, String topicName, String url, String title, String source) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final SolutionRepository solutions;
    private final SolutionChangeRepository changes;
    private final SynonymRepository synonyms;
    private final CatalogueTables tables;
    private final MunicipalityCatalogue catalogue;
    private final DeskHours deskHours;
    private final ObjectMapper json;
    private final Clock clock;
    private final List<Runnable> onChange = new java.util.concurrent.CopyOnWriteArrayList<>();

    SelfServiceCatalogue(SolutionRepository solutions, SolutionChangeRepository changes,
            SynonymRepository synonyms, CatalogueTables tables, MunicipalityCatalogue catalogue,
            DeskHours deskHours, ObjectMapper json,
            @Value("${borgerflow.self-service.cache-ttl:PT1M}") Duration cacheTtl) {
        this.solutions = solutions;
        this.changes = changes;
        this.synonyms = synonyms;
        this.tables = tables;
        this.catalogue = catalogue;
        this.deskHours = deskHours;
        this.json = json;
        this.clock = Clock.systemUTC();
        this.ttlNanos = cacheTtl.toNanos();
    }

    /** Runs after every committed change on this node (the search index rebuilds). */
    void onCommittedChange(Runnable listener) {
        onChange.add(listener);
    }

    /** The municipality's own link for the topic, else the national one; empty: no self-service. */
    @Transactional(readOnly = true)
    public Optional<String> linkFor(String municipality, String topic) {
        String key = municipality + "/" + topic;
        long now = System.nanoTime();
        Cached cached = cache.get(key);
        if (cached != null && now - cached.loadedAtNanos() < ttlNanos) {
            return cached.url();
        }
        Optional<String> url = solutions.findByMunicipalityAndTopicOrderById(municipality, topic).stream()
                .findFirst().map(Solution::url)
                .or(() -> catalogue.topic(topic).map(Topic::selfServiceUrl));
        if (ttlNanos > 0) {
            cache.put(key, new Cached(url, now));
        }
        return url;
    }

    /** Every topic with the link citizens of the municipality are guided to. */
    @Transactional(readOnly = true)
    public List<Entry> catalogueOf(String municipality) {
        requireMunicipality(municipality);
        Map<String, Solution> own = solutions.findByMunicipalityOrderById(municipality).stream()
                .collect(Collectors.toMap(Solution::topic, Function.identity(), (first, later) -> first));
        return catalogue.topics().stream().map(t -> {
            Solution s = own.get(t.slug());
            return s != null ? new Entry(t.slug(), t.name(), s.url(), s.title(), "municipality")
                    : new Entry(t.slug(), t.name(), t.selfServiceUrl(), null,
                            t.selfServiceUrl() == null ? "none" : "national");
        }).toList();
    }

    /**
     * The solutions that apply to the municipality: its own, and the national ones of its country for
     * topics it has none of its own for; optionally of one topic. Ordered: own first, then by topic.
     */
    @Transactional(readOnly = true)
    public List<SolutionView> solutionsFor(String municipality, String topic) {
        Municipality m = requireMunicipality(municipality);
        List<Solution> own = solutions.findByMunicipalityOrderById(municipality);
        java.util.Set<String> ownTopics = own.stream().map(Solution::topic).collect(Collectors.toSet());
        List<Solution> all = new ArrayList<>(own);
        solutions.findByMunicipalityOrderById(null).stream()
                .filter(s -> s.country().equals(m.country()) && !ownTopics.contains(s.topic())).forEach(all::add);
        String hours = deskHours.of(municipality, language(m));
        return all.stream().filter(s -> topic == null || s.topic().equals(topic))
                .map(s -> view(s, municipality, hours)).toList();
    }

    /** The municipality's own solutions, with those not reviewed for twelve months flagged {@code stale}. */
    @Transactional(readOnly = true)
    public List<SolutionView> ownSolutions(String municipality) {
        Municipality m = requireMunicipality(municipality);
        String hours = deskHours.of(municipality, language(m));
        return solutions.findByMunicipalityOrderById(municipality).stream().map(s -> view(s, municipality, hours))
                .toList();
    }

    @Transactional(readOnly = true)
    public SolutionView solution(String municipality, long id) {
        Municipality m = requireMunicipality(municipality);
        return view(own(municipality, id), municipality, deskHours.of(municipality, language(m)));
    }

    /**
     * Adds a solution of the municipality's own. The same topic and address again is the same
     * solution: answered unchanged ({@code created} false), so a repeated submission adds nothing.
     */
    @Transactional
    public Created create(String municipality, String topic, SolutionFields fields, String by) {
        Municipality m = requireMunicipality(municipality);
        requireTopic(topic);
        SolutionFields checked = checked(fields);
        Optional<Solution> existing = solutions.findByMunicipalityAndTopicAndUrl(municipality, topic, checked.url());
        if (existing.isPresent()) {
            return new Created(solution(municipality, existing.get().id()), false);
        }
        Solution s = solutions.saveAndFlush(new Solution(municipality, m.country(), topic, language(m), checked, by,
                now()));
        record(s, SolutionChange.Action.CREATED, by);
        changed(municipality, topic);
        return new Created(view(s, municipality, deskHours.of(municipality, language(m))), true);
    }

    /** A created (or already existing) solution. */
    public record Created(SolutionView solution, boolean created) {
    }

    /** Changes one of the municipality's own solutions; {@code expectedVersion} (if given) must be the current one. */
    @Transactional
    public SolutionView change(String municipality, long id, Long expectedVersion, SolutionFields fields, String by) {
        requireMunicipality(municipality);
        SolutionFields checked = checked(fields);
        Solution s = own(municipality, id);
        requireVersion(s, expectedVersion);
        solutions.findByMunicipalityAndTopicAndUrl(municipality, s.topic(), checked.url())
                .filter(other -> !other.id().equals(s.id())).ifPresent(other -> {
                    throw new InvalidSelfServiceInput("url", "another solution of this topic has this address");
                });
        s.change(checked, by, now());
        solutions.flush();
        record(s, SolutionChange.Action.CHANGED, by);
        changed(municipality, s.topic());
        return solution(municipality, id);
    }

    /** The editor confirms the solution is still right (clears the twelve-month flag). */
    @Transactional
    public SolutionView review(String municipality, long id, String by) {
        requireMunicipality(municipality);
        Solution s = own(municipality, id);
        s.review(by, now());
        solutions.flush();
        record(s, SolutionChange.Action.REVIEWED, by);
        changed(municipality, s.topic());
        return solution(municipality, id);
    }

    @Transactional
    public void remove(String municipality, long id, Long expectedVersion, String by) {
        requireMunicipality(municipality);
        Solution s = own(municipality, id);
        requireVersion(s, expectedVersion);
        record(s, SolutionChange.Action.REMOVED, by);
        solutions.delete(s);
        changed(municipality, s.topic());
    }

    /** Who changed the solution, when and how, oldest first (also after it was removed). */
    @Transactional(readOnly = true)
    public List<SolutionVersion> history(String municipality, long id) {
        requireMunicipality(municipality);
        List<SolutionChange> versions = changes.findBySolutionIdOrderByChangedAtAscIdAsc(id);
        if (versions.isEmpty() || solutions.findById(id).map(s -> !municipality.equals(s.municipality()))
                .orElse(false)) {
            throw new SelfServiceNotFound("No solution " + id + " of " + municipality);
        }
        return versions.stream().map(v -> {
            try {
                return new SolutionVersion(v.action().name(), v.changedBy(), v.changedAt(), json.readTree(v.fields()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The old API (one own link per topic): sets the first own solution of the topic, or adds one. */
    @Transactional
    public Entry setOwnLink(String municipality, String topic, String url, String title, String by) {
        requireMunicipality(municipality);
        Topic t = requireTopic(topic);
        String name = title == null || title.isBlank() ? t.name() : title;
        SolutionFields fields = new SolutionFields(name, url, name, true, null, null);
        List<Solution> own = solutions.findByMunicipalityAndTopicOrderById(municipality, topic);
        if (own.isEmpty()) {
            create(municipality, topic, fields, by);
        } else {
            Solution first = own.get(0);
            SolutionFields kept = first.fields();
            change(municipality, first.id(), null, new SolutionFields(name, url, kept.description(),
                    kept.mitidRequired(), kept.withoutMitid(), kept.keywords()), by);
        }
        return new Entry(topic, t.name(), url, title, "municipality");
    }

    /** The old API: removes the municipality's own solutions of the topic (the national one applies again). */
    @Transactional
    public void removeOwnLink(String municipality, String topic, String by) {
        List<Solution> own = solutions.findByMunicipalityAndTopicOrderById(municipality, topic);
        if (own.isEmpty()) {
            throw new SelfServiceNotFound("No own self-service link for " + topic);
        }
        own.forEach(s -> remove(municipality, s.id(), null, by));
    }

    /** A word citizens of the municipality use for something the catalogue says otherwise. */
    @Transactional
    public void setSynonym(String municipality, String term, String means) {
        requireMunicipality(municipality);
        String t = required("term", term, 100).toLowerCase(Locale.ROOT);
        String m = required("means", means, 200);
        synonyms.findByMunicipalityAndTerm(municipality, t).ifPresentOrElse(s -> s.mean(m),
                () -> synonyms.save(new Synonym(municipality, t, m)));
        changed(municipality, null);
    }

    /** The municipality's own synonyms, term → meaning. */
    @Transactional(readOnly = true)
    public Map<String, String> synonymsOf(String municipality) {
        requireMunicipality(municipality);
        Map<String, String> result = new java.util.LinkedHashMap<>();
        synonyms.findByMunicipalityOrderByTerm(municipality).forEach(s -> result.put(s.term(), s.means()));
        return result;
    }

    /** What was searched for in the municipality without a hit, most frequent first. */
    @Transactional(readOnly = true)
    public List<MissedSearch> missedSearches(String municipality) {
        requireMunicipality(municipality);
        return tables.misses(municipality, 200);
    }

    static String language(Municipality m) {
        return "SE".equals(m.country()) ? "sv" : "da";
    }

    SolutionView view(Solution s, String forMunicipality, String hours) {
        String topicName = catalogue.topic(s.topic()).map(Topic::name).orElse(s.topic());
        Instant reviewed = s.reviewedAt();
        boolean stale = reviewed.isBefore(now().minus(REVIEW_INTERVAL));
        return new SolutionView(s.id(), s.version(), s.national() ? null : s.municipality(), s.topic(), topicName,
                s.language(), s.title(), s.url(), s.description(), s.mitidRequired(), s.withoutMitid(), s.keywords(),
                s.national() ? "national" : "municipality", hours, reviewed, s.reviewedBy(), s.changedAt(),
                s.changedBy(), stale);
    }

    private Instant now() {
        return clock.instant();
    }

    private Solution own(String municipality, long id) {
        return solutions.findById(id).filter(s -> municipality.equals(s.municipality()))
                .orElseThrow(() -> new SelfServiceNotFound("No solution " + id + " of " + municipality));
    }

    private static void requireVersion(Solution s, Long expected) {
        if (expected != null && expected != s.version()) {
            throw new OptimisticLockingFailureException("Solution " + s.id() + " is at version " + s.version());
        }
    }

    private void record(Solution s, SolutionChange.Action action, String by) {
        ObjectNode fields = json.createObjectNode();
        fields.put("topic", s.topic());
        fields.put("title", s.title());
        fields.put("url", s.url());
        fields.put("description", s.description());
        fields.put("mitidRequired", s.mitidRequired());
        fields.put("withoutMitid", s.withoutMitid());
        fields.put("keywords", s.keywords());
        fields.put("reviewedAt", s.reviewedAt().atOffset(ZoneOffset.UTC).toString());
        changes.save(new SolutionChange(s, action, by, now(), fields.toString()));
    }

    /** Raises the revision with the change and, once committed, forgets cached links and rebuilds the index. */
    private void changed(String municipality, String topic) {
        tables.raiseRevision();
        cache.keySet().removeIf(k -> k.startsWith(municipality + "/"));
        Runnable afterCommit = () -> {
            cache.keySet().removeIf(k -> k.startsWith(municipality + "/"));
            onChange.forEach(Runnable::run);
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    afterCommit.run();
                }
            });
        } else {
            afterCommit.run();
        }
    }

    private Municipality requireMunicipality(String municipality) {
        return catalogue.municipality(municipality)
                .orElseThrow(() -> new SelfServiceNotFound("No municipality " + municipality));
    }

    private Topic requireTopic(String topic) {
        return catalogue.topic(topic).orElseThrow(() -> new InvalidSelfServiceInput("topic", "is not a known topic"));
    }

    private static SolutionFields checked(SolutionFields f) {
        if (f == null) {
            throw new InvalidSelfServiceInput("title", "is required");
        }
        String title = required("title", f.title(), 200);
        String url = required("url", f.url(), 500);
        requireHttpUrl(url);
        String description = required("description", f.description(), 1000);
        return new SolutionFields(title, url, description, f.mitidRequired(),
                optional("withoutMitid", f.withoutMitid(), 1000), optional("keywords", f.keywords(), 500));
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidSelfServiceInput(field, "is required");
        }
        return optional(field, value, max);
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidSelfServiceInput(field, "must be at most " + max + " characters");
        }
        String problem = StorableText.problem(v);
        if (problem != null) {
            throw new InvalidSelfServiceInput(field, problem);
        }
        if (CprInText.containsCpr(v)) {
            throw new InvalidSelfServiceInput(field, CprInText.WHERE_IT_BELONGS);
        }
        return v;
    }

    private static void requireHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new InvalidSelfServiceInput("url", "must be an http(s) address");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidSelfServiceInput("url", "must be an http(s) address");
        }
    }
}
