package dk.borgerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic with a clock the test moves; the HTTP behaviour is in LoginThrottlingTest. */
class LoginThrottleTest {

    static final String CLIENT_A = "203.0.113.1";
    static final String CLIENT_B = "198.51.100.2";

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(5, Duration.ofMinutes(1), 1000),
            new TimeMeter() {
                @Override
                public long currentTimeNanos() {
                    return now.get();
                }

                @Override
                public boolean isWallClockBased() {
                    return false;
                }
            });

    @Test
    void fiveWrongPasswordsInARowAreAllowedAndTheSixthAttemptWaitsAMinute() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.waitBefore(CLIENT_A, "admin")).as("attempt %d", i + 1).isEmpty();
            throttle.failed(CLIENT_A, "admin");
        }
        assertThat(throttle.waitBefore(CLIENT_A, "admin")).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(59), Duration.ofMinutes(1)));
    }

    @Test
    void aThrottledClientMayTryOnceMorePerBackoffAndNotBefore() {
        failTimes(CLIENT_A, "admin", 5);
        advance(Duration.ofSeconds(59));
        assertThat(throttle.waitBefore(CLIENT_A, "admin")).isPresent();
        advance(Duration.ofSeconds(1));
        assertThat(throttle.waitBefore(CLIENT_A, "admin")).isEmpty();
        throttle.failed(CLIENT_A, "admin");
        assertThat(throttle.waitBefore(CLIENT_A, "admin")).isPresent();
    }

    @Test
    void throttledAttemptsThatAreRefusedDoNotProlongTheWait() {
        failTimes(CLIENT_A, "admin", 5);
        for (int second = 0; second < 60; second += 2) {
            // the attacker keeps knocking every 2 s; refused attempts are not counted
            assertThat(throttle.waitBefore(CLIENT_A, "admin")).isPresent();
            advance(Duration.ofSeconds(2));
        }
        assertThat(throttle.waitBefore(CLIENT_A, "admin")).isEmpty();
    }

    @Test
    void anotherClientAndAnotherUserAreNotAffected() {
        failTimes(CLIENT_A, "admin", 20);
        assertThat(throttle.waitBefore(CLIENT_B, "admin")).isEmpty();
        assertThat(throttle.waitBefore(CLIENT_A, "manager")).isEmpty();
    }

    @Test
    void concurrentWrongAttemptsThatAllGotThroughAreAllCounted() {
        // 20 guesses that passed the check at the same moment: 15 of them are paid for with waiting
        failTimes(CLIENT_A, "admin", 20);
        assertThat(throttle.waitBefore(CLIENT_A, "admin")).hasValueSatisfying(wait ->
                assertThat(wait).isGreaterThan(Duration.ofMinutes(15)));
    }

    @Test
    void aClientThatStopsGuessingHasAllAttemptsBackAfterAttemptsTimesBackoff() {
        failTimes(CLIENT_A, "admin", 5);
        advance(Duration.ofMinutes(5));
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.waitBefore(CLIENT_A, "admin")).as("attempt %d", i + 1).isEmpty();
            throttle.failed(CLIENT_A, "admin");
        }
        assertThat(throttle.waitBefore(CLIENT_A, "admin")).isPresent();
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUp() {
        assertThat(LoginThrottle.retryAfterSeconds(Duration.ofMillis(59_001))).isEqualTo(60);
        assertThat(LoginThrottle.retryAfterSeconds(Duration.ofMillis(10))).isEqualTo(1);
    }

    private void failTimes(String client, String user, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(client, user);
        }
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
