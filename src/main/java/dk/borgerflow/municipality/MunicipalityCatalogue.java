package dk.borgerflow.municipality;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up municipalities and topics; keeps configured municipalities and Camunda tenants in step. */
@Service
public class MunicipalityCatalogue {

    private static final Logger log = LoggerFactory.getLogger(MunicipalityCatalogue.class);

    private final MunicipalityRepository municipalities;
    private final TopicRepository topics;
    private final MunicipalityProperties properties;
    private final IdentityService identityService;

    MunicipalityCatalogue(MunicipalityRepository municipalities, TopicRepository topics,
            MunicipalityProperties properties, IdentityService identityService) {
        this.municipalities = municipalities;
        this.topics = topics;
        this.properties = properties;
        this.identityService = identityService;
    }

    @Transactional(readOnly = true)
    public Optional<Municipality> municipality(String slug) {
        return slug == null ? Optional.empty() : municipalities.findById(slug);
    }

    @Transactional(readOnly = true)
    public List<Municipality> municipalities() {
        return municipalities.findAll(org.springframework.data.domain.Sort.by("slug"));
    }

    @Transactional(readOnly = true)
    public Optional<Topic> topic(String slug) {
        return slug == null ? Optional.empty() : topics.findById(slug);
    }

    @Transactional(readOnly = true)
    public List<Topic> topics() {
        return topics.findAll(org.springframework.data.domain.Sort.by("slug"));
    }

    /** Runs first among the startup tasks: others (demo users, filters) need the tenants. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    @Transactional
    public void synchroniseConfiguredMunicipalities() {
        for (MunicipalityProperties.Entry e : properties.municipalities()) {
            municipalities.findById(e.slug()).ifPresentOrElse(
                    m -> m.update(e.name(), e.population(), e.countryOrDefault(), e.timeZoneOrDefault()),
                    () -> municipalities.save(new Municipality(e.slug(), e.name(), e.population(),
                            e.countryOrDefault(), e.timeZoneOrDefault())));
            if (identityService.createTenantQuery().tenantId(e.slug()).count() == 0) {
                var tenant = identityService.newTenant(e.slug());
                tenant.setName(e.name());
                identityService.saveTenant(tenant);
                log.info("Created tenant {} ({})", e.slug(), e.name());
            }
        }
    }
}
