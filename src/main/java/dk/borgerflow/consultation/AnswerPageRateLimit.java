package dk.borgerflow.consultation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) per client address for the public answer page, kept in a bounded
 * Caffeine cache: {@code requestsPerMinute} per minute, the whole minute's tokens back at once when
 * the minute is over (intervally, not a token every few seconds: what a client may do does not depend
 * on how fast its requests arrive). A bucket unused for two minutes is full again anyway, so
 * forgetting it then loses nothing.
 */
@Component
class AnswerPageRateLimit {

    private final int perMinute;
    private final Cache<String, Bucket> buckets;

    AnswerPageRateLimit(AnswerPageProperties properties) {
        this.perMinute = properties.requestsPerMinute();
        this.buckets = Caffeine.newBuilder().maximumSize(properties.maxTrackedClients())
                .expireAfterAccess(Duration.ofMinutes(2)).build();
    }

    /** Takes one request from the client's bucket: 0 if it may go on, else the seconds until it may try again. */
    long secondsToWait(String client) {
        Bucket bucket = buckets.get(client == null ? "" : client, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }
}
