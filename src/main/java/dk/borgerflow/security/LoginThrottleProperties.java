package dk.borgerflow.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How fast one client may guess passwords for one user ({@code borgerflow.security.login-throttle}).
 *
 * @param attempts   wrong passwords a client may send for one user in a row before it has to wait
 *                   (default 5: room for typing errors)
 * @param backoff    after that, one further attempt per this long (default {@code PT1M}); a client
 *                   that stops guessing has all its attempts back after {@code attempts × backoff}
 * @param maxTracked at most this many (client, user) pairs are remembered (default 100,000); the
 *                   least recently used are forgotten first
 */
@ConfigurationProperties("borgerflow.security.login-throttle")
record LoginThrottleProperties(Integer attempts, Duration backoff, Integer maxTracked) {

    LoginThrottleProperties {
        attempts = attempts == null ? 5 : attempts;
        backoff = backoff == null ? Duration.ofMinutes(1) : backoff;
        maxTracked = maxTracked == null ? 100_000 : maxTracked;
        if (attempts < 1 || backoff.isNegative() || backoff.isZero() || maxTracked < 1) {
            throw new IllegalArgumentException("borgerflow.security.login-throttle: attempts and max-tracked must be "
                    + "at least 1 and backoff positive, got " + attempts + ", " + backoff + ", " + maxTracked);
        }
    }
}
