package dk.borgerflow.citizen;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the public contact page ({@code borgerflow.contact-page}).
 *
 * @param requestsPerMinute requests (pages and submissions) one client address may make a minute
 * @param maxTrackedClients client addresses whose buckets are kept (least recently seen forgotten)
 * @param maxRequestBody largest form accepted (413 over it, unread)
 * @param requestsPerMunicipalityPerHour help requests per municipality an hour; above it the page
 *        asks the citizen to try later, so a flood cannot fill the agents' Tasklist
 * @param busyRetryAfter what the page tells a client to wait when the municipality's cap is reached
 */
@ConfigurationProperties("borgerflow.contact-page")
record ContactPageProperties(@DefaultValue("30") int requestsPerMinute, @DefaultValue("10000") int maxTrackedClients,
        @DefaultValue("16KB") DataSize maxRequestBody, @DefaultValue("60") int requestsPerMunicipalityPerHour,
        @DefaultValue("PT15M") Duration busyRetryAfter) {
}
