package dk.borgerflow.selfservice;

import dk.borgerflow.municipality.MunicipalityCatalogue;
import dk.borgerflow.municipality.Topic;
import dk.borgerflow.web.InvalidInputException;
import dk.borgerflow.web.NotFoundException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where a citizen of a municipality can do a topic themselves, if anywhere. */
@Service
public class SelfServiceCatalogue {

    /** The link for a topic and where it comes from ({@code municipality} or {@code national}). */
    public record Entry(String topic, String topicName, String url, String title, String source) {
    }

    private final SelfServiceLinkRepository links;
    private final MunicipalityCatalogue catalogue;

    SelfServiceCatalogue(SelfServiceLinkRepository links, MunicipalityCatalogue catalogue) {
        this.links = links;
        this.catalogue = catalogue;
    }

    /** The municipality's own link for the topic, else the national one; empty: no self-service. */
    @Transactional(readOnly = true)
    public Optional<String> linkFor(String municipality, String topic) {
        return links.findByMunicipalityAndTopic(municipality, topic).map(SelfServiceLink::url)
                .or(() -> catalogue.topic(topic).map(Topic::selfServiceUrl));
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
        Topic t = catalogue.topic(topic).orElseThrow(() -> new InvalidInputException("topic", "is not a known topic"));
        requireHttpUrl(url);
        links.findByMunicipalityAndTopic(municipality, topic).ifPresentOrElse(l -> l.change(url, title, by),
                () -> links.save(new SelfServiceLink(municipality, topic, url, title, by)));
        return new Entry(topic, t.name(), url, title, "municipality");
    }

    @Transactional
    public void removeOwnLink(String municipality, String topic) {
        SelfServiceLink link = links.findByMunicipalityAndTopic(municipality, topic)
                .orElseThrow(() -> new NotFoundException("No own self-service link for " + topic));
        links.delete(link);
    }

    private void requireMunicipality(String municipality) {
        if (catalogue.municipality(municipality).isEmpty()) {
            throw new NotFoundException("No municipality " + municipality);
        }
    }

    private static void requireHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new InvalidInputException("url", "must be an http(s) address");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("url", "must be an http(s) address");
        }
    }
}
