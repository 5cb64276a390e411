package dk.borgerflow.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ThrottledIdentityProvider} in place of Camunda's database identity provider, so that
 * every password check is throttled per client and user and none locks a user. Camunda's own lock
 * settings are switched off as well ({@code loginMaxAttempts} = never a permanent lock,
 * {@code loginDelayBase}/{@code loginDelayMaxTime} = 0: no per-user delay), in case anything still
 * reaches the engine's lock code.
 */
@Component
class LoginThrottlePlugin extends AbstractProcessEnginePlugin {

    private final LoginThrottle throttle;

    LoginThrottlePlugin(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getIdentityProviderSessionFactory() != null) {
            // e.g. Camunda's LDAP plugin: it would replace (or be replaced by) ours, silently
            throw new IllegalStateException("Another identity provider is configured ("
                    + configuration.getIdentityProviderSessionFactory().getSessionType().getName()
                    + "); Borgerflow's login throttle (LoginThrottlePlugin) needs Camunda's database identity provider");
        }
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return ThrottledIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new ThrottledIdentityProvider(throttle);
            }
        });
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayBase(0);
        configuration.setLoginDelayMaxTime(0);
    }
}
