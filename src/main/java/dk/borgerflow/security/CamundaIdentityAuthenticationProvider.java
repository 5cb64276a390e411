package dk.borgerflow.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against Camunda's identity service: one user base for API and webapps.
 * <p>
 * Every API call carries the credentials again (stateless Basic auth); checking them costs a user
 * lookup, the password hash and two membership queries. A successful check is therefore reused for
 * a short time ({@code borgerflow.security.authentication-cache-ttl}, default 30 s, {@code 0}
 * switches it off): only for exactly the same user and password, compared by an HMAC under a key
 * that lives only in this process (no password or reusable hash is kept). Failed attempts are never
 * cached and always reach the engine, whose password check is throttled per client and user
 * ({@link ThrottledIdentityProvider}). The throttle is asked before the cache: a throttled client
 * gets no answer from the cache either, so a right guess is refused like a wrong one. A changed
 * password, a deleted user or changed memberships take effect after at most the TTL.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    /** More distinct users than this within one TTL: the cache starts over (bounded memory). */
    static final int MAX_CACHED_USERS = 10_000;

    private final IdentityService identityService;
    private final LoginThrottle throttle;
    private final long ttlNanos;
    private final SecretKeySpec macKey;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(byte[] credentialMac, Authentication authentication, long expiresAtNanos) {
    }

    CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle,
            @Value("${borgerflow.security.authentication-cache-ttl:PT30S}") Duration ttl) {
        this.identityService = identityService;
        this.throttle = throttle;
        this.ttlNanos = ttl.toNanos();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.macKey = new SecretKeySpec(key, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object password = authentication.getCredentials();
        if (userId == null || password == null) {
            throw new BadCredentialsException("Bad credentials");
        }
        Optional<Duration> wait = throttle.waitBefore(LoginThrottle.currentClient(), userId);
        if (wait.isPresent()) {
            LoginThrottle.tellClientToWait(wait.get());
            throw new BadCredentialsException("Too many failed logins");
        }
        byte[] mac = ttlNanos > 0 ? mac(userId, password.toString()) : null;
        if (mac != null) {
            Verified cached = verified.get(userId);
            if (cached != null && System.nanoTime() - cached.expiresAtNanos < 0
                    && MessageDigest.isEqual(cached.credentialMac, mac)) {
                return cached.authentication;
            }
        }
        if (!identityService.checkPassword(userId, password.toString())) {
            throw new BadCredentialsException("Bad credentials");
        }
        CurrentUser user = load(identityService, userId);
        List<SimpleGrantedAuthority> authorities = user.groups().stream()
                .map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList();
        Authentication result = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        if (mac != null) {
            if (verified.size() >= MAX_CACHED_USERS) {
                verified.clear();
            }
            verified.put(userId, new Verified(mac, result, System.nanoTime() + ttlNanos));
        }
        return result;
    }

    private byte[] mac(String userId, String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(macKey);
            hmac.update(userId.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static CurrentUser load(IdentityService identityService, String userId) {
        Set<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).collect(Collectors.toSet());
        Set<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
                .list().stream().map(Tenant::getId).collect(Collectors.toSet());
        return new CurrentUser(userId, groups, tenants);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
