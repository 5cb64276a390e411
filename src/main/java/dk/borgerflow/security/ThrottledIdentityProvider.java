package dk.borgerflow.security;

import java.time.Duration;
import java.util.Optional;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's database identity provider with one change: {@link #checkPassword} is throttled per
 * client and user ({@link LoginThrottle}) instead of locking the user. Every password check of the
 * engine goes through here: our API's Basic auth, engine-rest's {@code HttpBasicAuthenticationProvider},
 * the webapps' login ({@code /camunda/api/admin/auth/user/{engine}/login/{app}}) and
 * {@code /engine-rest/identity/verify}, since all of them call {@code IdentityService.checkPassword}.
 * <p>
 * Camunda's own version counts failed attempts on the user row and locks the user for a growing
 * delay, permanently after {@code loginMaxAttempts} (ENGINE-27002), for every client. Here a wrong
 * password writes nothing; a user that such a lock left behind (from before this provider) is
 * unlocked by its next successful login.
 */
class ThrottledIdentityProvider extends DbIdentityServiceProvider {

    private final LoginThrottle throttle;

    ThrottledIdentityProvider(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        String client = LoginThrottle.currentClient();
        Optional<Duration> wait = throttle.waitBefore(client, userId);
        if (wait.isPresent()) {
            // refused without looking at the password: the answer must not tell whether it was right
            LoginThrottle.tellClientToWait(wait.get());
            return false;
        }
        UserEntity user = userId == null || password == null ? null : findUserById(userId);
        if (user != null && matchPassword(password, user)) {
            if (user.getAttempts() > 0 || user.getLockExpirationTime() != null) {
                unlockUser(user);
            }
            return true;
        }
        throttle.failed(client, userId);
        throttle.waitBefore(client, userId).ifPresent(LoginThrottle::tellClientToWait);
        return false;
    }
}
