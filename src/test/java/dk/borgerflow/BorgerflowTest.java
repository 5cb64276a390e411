package dk.borgerflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The full application on a random port with the demo data, a fresh H2 file database under
 * target/ and the job executor off (tests fire jobs themselves). Use this one annotation, unchanged,
 * so every test class shares one cached Spring context and engine. Do not start a second application
 * context with an engine in the same JVM: Camunda registers engines by name in the static
 * ProcessEngines, where engine-rest and the webapps look them up, so a second "default" engine takes
 * them over (and closing it removes the shared one). A test that needs the job executor starts and
 * stops the engine's own (OverdueInquiryEscalationTest).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = BorgerflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
public @interface BorgerflowTest {
}
