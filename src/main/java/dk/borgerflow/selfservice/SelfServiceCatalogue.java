package dk.borgerflow.selfservice;

import dk.borgerflow.municipality.MunicipalityCatalogue;
import dk.borgerflow.municipality.Topic;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a citizen of a municipality can do a topic themselves, if anywhere.
 * <p>
 * Every intake asks for the link, so answers are reused for
 * {@code borgerflow.self-service.cache-ttl} (default one minute, like the calendars); a change on
 * this node evicts its entry when it commits, other nodes see it after at most the TTL.
 */
@Service
public class SelfServiceCatalogue {

    private record Cached(Optional<String> url, long loadedAtNanos) {
    }

    private final Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();
    private final long ttlNanos;

    /** The link for a topic and where it comes from ({@code municipality} or {@code national}). */
    public record Entry(String topic, String topicName, String url, String title, String source) {
    }

    private final SelfServiceLinkRepository links;
    private final MunicipalityCatalogue catalogue;

    SelfServiceCatalogue(SelfServiceLinkRepository links, MunicipalityCatalogue catalogue,
            @org.springframework.beans.factory.annotation.Value("${borgerflow.self-service.cache-ttl:PT1M}")
            java.time.Duration cacheTtl) {
        this.links = links;
        this.catalogue = catalogue;
        this.ttlNanos = cacheTtl.toNanos();
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
        Optional<String> url = links.findByMunicipalityAndTopic(municipality, topic).map(SelfServiceLink::url)
                .or(() -> catalogue.topic(topic).map(Topic::selfServiceUrl));
        if (ttlNanos > 0) {
            cache.put(key, new Cached(url, now));
        }
        return url;
    }

    /** Forgets the cached link now and again once the change is committed. */
    private void evict(String municipality, String topic) {
        String key = municipality + "/" + topic;
        cache.remove(key);
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            cache.remove(key);
                        }
                    });
        }
    }

    @Transactional(readOnly = true)
    public List<Entry> catalogueOf(String municipality) {
        requireMunicipality(municipality);
        Map<String, SelfServiceLink> own = links.findByMunicipality(municipality).stream()
                .collect(Collectors.toMap(SelfServiceLink::topic, Function.identity()));
        return catalogue.topics().stream().map(t -> {
            SelfServiceLink link = own.get(t.slug());
            return link != null ? new Entry(t.slug(), t.name(), link.url(), link.title(), "municipality")
                    : new Entry(t.slug(), t.name(), t.selfServiceUrl(), null,
                            t.selfServiceUrl() == null ? "none" : "national");
        }).toList();
    }

    @Transactional
    public Entry setOwnLink(String municipality, String topic, String url, String title, String by) {
        requireMunicipality(municipality);
        Topic t = catalogue.topic(topic).orElseThrow(() -> new InvalidSelfServiceInput("topic", "is not a known topic"));
        requireHttpUrl(url);
        evict(municipality, topic);
        links.findByMunicipalityAndTopic(municipality, topic).ifPresentOrElse(l -> l.change(url, title, by),
                () -> links.save(new SelfServiceLink(municipality, topic, url, title, by)));
        return new Entry(topic, t.name(), url, title, "municipality");
    }

    @Transactional
    public void removeOwnLink(String municipality, String topic) {
        SelfServiceLink link = links.findByMunicipalityAndTopic(municipality, topic)
                .orElseThrow(() -> new SelfServiceNotFound("No own self-service link for " + topic));
        evict(municipality, topic);
        links.delete(link);
    }

    private void requireMunicipality(String municipality) {
        if (catalogue.municipality(municipality).isEmpty()) {
            throw new SelfServiceNotFound("No municipality " + municipality);
        }
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
