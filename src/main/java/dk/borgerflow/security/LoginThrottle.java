package dk.borgerflow.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing per client address and user, instead of Camunda's lock per user
 * (which anyone who knows a user id could trigger, for everyone). Each (client, user) pair has a
 * token bucket (bucket4j) of {@code attempts} wrong passwords, refilled by one per {@code backoff}:
 * a client that keeps guessing gets one try per backoff, every other client, and the same client
 * for another user, is unaffected. Correct passwords consume nothing, so busy API clients are never
 * slowed down. Nothing is written to the database; the buckets live on this node only (a cluster of
 * N nodes behind round robin lets a guesser try N times as fast).
 * <p>
 * A throttled attempt is refused before the password is looked at, so its answer says nothing
 * about whether the password was right. Concurrent wrong attempts that all passed the check are all
 * counted (the bucket goes into debt), so a burst of parallel guesses buys no extra tries.
 * <p>
 * The client is the current HTTP request's remote address ({@link Binding}, a filter in front of
 * every authentication); behind a load balancer that is the address from {@code X-Forwarded-For}
 * when Tomcat trusts the proxy ({@code server.tomcat.remoteip.*}, docs/operations.md). Password
 * checks outside an HTTP request (application code) share the client {@value #NO_REQUEST}.
 */
@Component
class LoginThrottle {

    /** Request attribute: the {@link Duration} a throttled client has to wait (set on a refused attempt). */
    static final String RETRY_AFTER = LoginThrottle.class.getName() + ".retryAfter";
    static final String NO_REQUEST = "-";

    private final int attempts;
    private final Duration backoff;
    private final TimeMeter time;
    private final Cache<Key, Bucket> buckets;

    private record Key(String client, String userId) {
    }

    @Autowired
    LoginThrottle(LoginThrottleProperties settings) {
        this(settings, TimeMeter.SYSTEM_NANOTIME);
    }

    LoginThrottle(LoginThrottleProperties settings, TimeMeter time) {
        this.attempts = settings.attempts();
        this.backoff = settings.backoff();
        this.time = time;
        // a pair is forgotten once its bucket would be full again: forgetting it then changes nothing
        this.buckets = Caffeine.newBuilder().maximumSize(settings.maxTracked())
                .ticker(time::currentTimeNanos)
                .expireAfter(Expiry.writing((Key key, Bucket bucket) -> untilFull(bucket)))
                .build();
    }

    /** Empty when {@code client} may try a password for {@code userId} now, else how long it has to wait. */
    Optional<Duration> waitBefore(String client, String userId) {
        Bucket bucket = buckets.getIfPresent(new Key(client, String.valueOf(userId)));
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    /** A wrong password (or unknown user) from {@code client} for {@code userId}. */
    void failed(String client, String userId) {
        // compute: the expiry is recalculated from the bucket's new state
        buckets.asMap().compute(new Key(client, String.valueOf(userId)), (key, bucket) -> {
            Bucket b = bucket != null ? bucket : newBucket();
            b.consumeIgnoringRateLimits(1);
            return b;
        });
    }

    private Bucket newBucket() {
        return Bucket.builder().withCustomTimePrecision(time)
                .addLimit(limit -> limit.capacity(attempts).refillGreedy(1, backoff))
                .build();
    }

    private Duration untilFull(Bucket bucket) {
        long missing = attempts - bucket.getAvailableTokens();
        return missing <= 0 ? Duration.ZERO : backoff.multipliedBy(missing);
    }

    /** The client address of the HTTP request this thread serves, or {@value #NO_REQUEST}. */
    static String currentClient() {
        Exchange exchange = CURRENT.get();
        return exchange == null ? NO_REQUEST : exchange.request().getRemoteAddr();
    }

    /**
     * Tells the client of the current request how long to wait: request attribute {@link #RETRY_AFTER}
     * (our API's answer names it) and header {@code Retry-After} (seconds, rounded up).
     */
    static void tellClientToWait(Duration wait) {
        Exchange exchange = CURRENT.get();
        if (exchange == null) {
            return;
        }
        exchange.request().setAttribute(RETRY_AFTER, wait);
        if (!exchange.response().isCommitted()) {
            exchange.response().setHeader("Retry-After", String.valueOf(retryAfterSeconds(wait)));
        }
    }

    static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private record Exchange(HttpServletRequest request, HttpServletResponse response) {
    }

    private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

    /**
     * Makes the request known to the password checks of this thread (deep inside the engine, which
     * has no request of its own). Registered in front of Spring Security and engine-rest's
     * authentication filter ({@link SecurityConfig}); Spring's own request context is not bound for
     * every servlet here (engine-rest, the webapps' API), so it is not relied on.
     */
    static final class Binding extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Exchange outer = CURRENT.get();
            CURRENT.set(new Exchange(request, response));
            try {
                chain.doFilter(request, response);
            } finally {
                if (outer == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(outer);
                }
            }
        }
    }
}
