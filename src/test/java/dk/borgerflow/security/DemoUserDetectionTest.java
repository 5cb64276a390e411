package dk.borgerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.BorgerflowTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In production the start is refused while demo users exist. A demo user is one with the demo
 * e-mail AND a known default password: every user may edit their own profile, so a worker who types
 * a demo address into it must not be able to stop the next production start.
 */
@BorgerflowTest
class DemoUserDetectionTest {

    static final String WORKER = "demo-detection-worker";

    @Autowired
    IdentityService identity;
    @Autowired
    ProcessEngineConfigurationImpl engine;

    @AfterEach
    void removeTheWorker() {
        identity.deleteUser(WORKER);
    }

    @Test
    void aWorkerWhoGaveThemselvesADemoAddressIsNoDemoUser() {
        UserEntity worker = aUserWithDemoAddressAndPassword("Mit-Eget-Kodeord-2026");

        assertThat(AdminBootstrap.hasKnownDefaultPassword(worker, engine.getPasswordManager())).isFalse();
    }

    @Test
    void aUserTheDemoCreatedIsOne() {
        UserEntity demo = aUserWithDemoAddressAndPassword("demo");

        assertThat(AdminBootstrap.hasKnownDefaultPassword(demo, engine.getPasswordManager())).isTrue();
    }

    private UserEntity aUserWithDemoAddressAndPassword(String password) {
        var user = identity.newUser(WORKER);
        user.setEmail(WORKER + "@demo.borgerflow.dk");
        user.setPassword(password);
        identity.saveUser(user);
        return (UserEntity) identity.createUserQuery().userId(WORKER).singleResult();
    }
}
